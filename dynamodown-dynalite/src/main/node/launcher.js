'use strict'

// Starts dynalite for dev.dynamodown.dynalite.DynaliteServer (Java). Ours, not dynalite's cli.js,
// because the cli listens on all interfaces by default, turns --port 0 into 4567, and keeps
// running when its parent dies.
//
//   node launcher.js [--host 127.0.0.1] [--port 0] [--path <LevelDB directory>]
//
// --port 0 lets the OS pick a free port. Without --path the data lives in memory.
// Once listening it prints exactly one line "DYNALITE_READY port=<port>" on stdout.
// If it cannot listen or open the data directory, it prints "DYNALITE_FAILED <code> <message>"
// on stderr and exits with 2.
// It stops when its stdin closes (the JVM closed it or died, even by SIGKILL) and on SIGTERM/SIGINT.

const fs = require('node:fs')
const path = require('node:path')
const { parseArgs } = require('node:util')

const { values: args } = parseArgs({
	options: {
		host: { type: 'string', default: '127.0.0.1' },
		port: { type: 'string', default: '0' },
		path: { type: 'string' },
	},
})

const port = Number(args.port)
if (!Number.isInteger(port) || port < 0 || port > 65535) {
	fail('EINVAL', `--port must be an integer between 0 and 65535, was "${args.port}"`)
}

const db = require(path.join(path.dirname(require.resolve('dynalite')), 'db'))
patchUtf8StringOrder(db)
const store = captureStore(db)

const server = require('dynalite')({
	path: args.path, // undefined: in memory
	createTableMs: 0,
	deleteTableMs: 0,
	updateTableMs: 0,
})

// dynalite opens its LevelDB lazily and, should that fail (another process holds the directory's
// lock), drops every request without an answer. Opening it first turns that into a clear failure.
store().db.open().then(() => {
	server.on('error', (err) => fail(err.code, err.message))
	server.listen(port, args.host, () => {
		process.stdout.write(`DYNALITE_READY port=${server.address().port}\n`)
	})
}, (err) => fail('EDATADIR', `cannot open the data directory ${args.path}: ${(err.cause || err).message}`))

// dynalite's request handler rethrows any error its request emits. A client that goes away in the
// middle of a request body (a reset connection, an attempt that timed out, a JVM closing its pool)
// makes Node emit ECONNRESET "aborted" there, which would end this process and every other
// client's server with it. That request is gone and nothing of it was applied: ignore it. Any
// other uncaught error still ends the process, as Node would.
process.on('uncaughtException', (err) => {
	if (err && (err.code === 'ECONNRESET' || err.code === 'ECONNABORTED' || err.message === 'aborted')) return
	fs.writeSync(2, `${(err && err.stack) || err}\n`)
	process.exit(1)
})

// The JVM holds our stdin open; end-of-file means it closed it or is gone.
process.stdin.on('data', () => {})
process.stdin.on('end', stop)
process.stdin.on('error', stop)
process.on('SIGTERM', stop)
process.on('SIGINT', stop)

let stopping = false

// Stops accepting requests and lets dynalite close its LevelDB cleanly; gives up after 3 s.
function stop () {
	if (stopping) return
	stopping = true
	setTimeout(() => process.exit(0), 3000).unref()
	server.close(() => process.exit(0))
	server.closeAllConnections()
}

function fail (code, message) {
	fs.writeSync(2, `DYNALITE_FAILED ${code || 'ERROR'} ${message}\n`) // before exit, on every platform
	process.exit(2)
}

// Keeps the store that dynalite creates (it does not expose it), to open its database up front.
function captureStore (db) {
	let store
	const create = db.create
	db.create = (options) => (store = create(options))
	return () => store
}

// dynalite stores and sorts S (string) keys by their UTF-8 bytes, like DynamoDB, but its compare()
// orders strings with JavaScript's operators, i.e. by UTF-16 code units. The two orders disagree
// between U+E000..U+FFFF and the supplementary characters (surrogate pairs), so dynalite refused
// BETWEEN "\uE000" AND "😀" as inverted and a valid ExclusiveStartKey as outside the key condition,
// both of which DynamoDB accepts. Every such check calls db.compare through the module's exports
// at request time, so wrapping that export fixes them without editing node_modules. Filter and
// condition expressions on non-key attributes call compare() internally and keep dynalite's order.
function patchUtf8StringOrder (db) {
	const ordering = new Set([ 'LT', '<', 'LE', '<=', 'GT', '>', 'GE', '>=', 'BETWEEN', 'between' ])
	// A string whose UTF-16 code units are the UTF-8 bytes of the original: JavaScript's
	// comparison of such strings is exactly DynamoDB's byte order.
	const byUtf8Bytes = (value) =>
		value != null && typeof value.S === 'string' ? { S: Buffer.from(value.S, 'utf8').toString('latin1') } : value
	const compare = db.compare
	db.compare = function (comparison, value, compareValues) {
		if (!ordering.has(comparison)) return compare(comparison, value, compareValues)
		return compare(comparison, byUtf8Bytes(value),
			Array.isArray(compareValues) ? compareValues.map(byUtf8Bytes) : byUtf8Bytes(compareValues))
	}
}

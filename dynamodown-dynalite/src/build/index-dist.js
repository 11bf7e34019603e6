'use strict'

// Build step of dynamodown-dynalite, run by Maven after `npm ci`:
//   node index-dist.js <dist directory> <index file>
// Writes the index that DynaliteDistribution (Java) reads to extract the distribution from a jar,
// where a folder cannot be listed, and to verify a copy before every launch: first
// "sha256 <hex>", a hash of every path and content, which names the extraction folder; then one
// line per regular file in sorted order, "<sha256 of its content> <relative path>".
// Symbolic links (node_modules/.bin) are left out: nothing here runs them.

const crypto = require('node:crypto')
const fs = require('node:fs')
const path = require('node:path')

const [ distDir, indexFile ] = process.argv.slice(2)
if (!distDir || !indexFile) {
	console.error('usage: node index-dist.js <dist directory> <index file>')
	process.exit(1)
}

const files = []
;(function walk (dir, prefix) {
	for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
		const relative = prefix + entry.name
		if (entry.isDirectory()) walk(path.join(dir, entry.name), relative + '/')
		else if (entry.isFile()) files.push(relative)
	}
})(distDir, '')
files.sort()

const hash = crypto.createHash('sha256')
const lines = []
for (const file of files) {
	const content = fs.readFileSync(path.join(distDir, file))
	hash.update(file + '\0')
	hash.update(content)
	lines.push(crypto.createHash('sha256').update(content).digest('hex') + ' ' + file)
}
fs.writeFileSync(indexFile, [ 'sha256 ' + hash.digest('hex'), ...lines, '' ].join('\n'))
console.log(`Indexed ${files.length} files of ${distDir}`)

/**
 * Starts dynalite, an open-source implementation of the DynamoDB HTTP API on Node.js, as a child
 * process listening on 127.0.0.1, for tests and development.
 * <p>
 * The jar carries dynalite 4.0.0 and its npm dependencies; only Node.js 20 or newer must be
 * installed. Start with {@link dev.dynamodown.dynalite.DynaliteServer#start()} or share one server
 * per JVM with {@link dev.dynamodown.dynalite.DynaliteServer#shared()}.
 */
@NullMarked
package dev.dynamodown.dynalite;

import org.jspecify.annotations.NullMarked;

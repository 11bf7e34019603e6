/**
 * What the project's loopback HTTP proxies share: the core tests' fault proxy and the benchmark's proxy
 * both stand between an AWS SDK client and dynalite on 127.0.0.1. A {@link dev.dynamodown.loopback.LoopbackServer}
 * accepts the clients' connections, one thread each; a {@link dev.dynamodown.loopback.ClientConnection}
 * reads their requests as {@link dev.dynamodown.loopback.HttpMessage}s and sends the answers; an
 * {@link dev.dynamodown.loopback.UpstreamConnection} forwards to the server; and
 * {@link dev.dynamodown.loopback.DynamoAnswers} makes up or changes answers as DynamoDB would send them.
 * What each proxy does to the traffic (faults; latency and a throughput model) stays with that proxy. Not a
 * library for users: the core depends on it for its tests only.
 */
@NullMarked
package dev.dynamodown.loopback;

import org.jspecify.annotations.NullMarked;

/**
 * The benchmarks' loopback HTTP proxy between every contender's client and the server: a simulated network
 * latency that parks no client thread ({@link dev.dynamodown.benchmarks.proxy.BenchmarkProxy}), and a model
 * of DynamoDB's per-partition throughput limit, which dynalite lacks
 * ({@link dev.dynamodown.benchmarks.proxy.PartitionThroughput}). The HTTP plumbing (accepting connections,
 * reading and writing messages, the server connection, DynamoDB's answers) is {@code dev.dynamodown.loopback},
 * shared with the core tests' fault proxy.
 */
@NullMarked
package dev.dynamodown.benchmarks.proxy;

import org.jspecify.annotations.NullMarked;

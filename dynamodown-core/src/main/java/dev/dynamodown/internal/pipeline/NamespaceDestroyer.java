package dev.dynamodown.internal.pipeline;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import dev.dynamodown.KeyRange;
import dev.dynamodown.internal.batch.RangeClearer;
import dev.dynamodown.internal.query.RangeCounter;
import dev.dynamodown.internal.shard.ShardCountRecord;
import dev.dynamodown.internal.shard.ShardLayout;
import dev.dynamodown.internal.store.Operation;
import dev.dynamodown.internal.store.Store;
import dev.dynamodown.internal.store.StoreLocation;
import dev.dynamodown.internal.store.StoreRuntime;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;

/**
 * {@code destroy()}: deletes every item of a namespace ({@link RangeClearer} over
 * {@code KeyRange.all()}, every shard at once), and for a sharded namespace then the record of its
 * shard count, which frees the name for any count. NOT atomic, like {@code clear}.
 * <ul>
 * <li>The record is deleted only if the shards are empty once cleared (one {@code Query} of one
 * key per shard): if a writer added items meanwhile, the namespace still exists at its count and
 * keeps its record, so no store of another count can claim it over those items.</li>
 * <li>Stores of the namespace open elsewhere still take its count as verified: deleting the
 * record while they write lets another count be claimed next to them (see
 * {@link ShardCountRecord}). Destroy a namespace when nothing writes to it.</li>
 * <li>{@code DynamoDown.destroy(location)} has no count to go by: it reads the record first and
 * destroys the namespace over the count recorded there (one shard if none).</li>
 * </ul>
 * Reported to the listener as {@code clear}.
 */
final class NamespaceDestroyer {

	private NamespaceDestroyer() {
	}

	/**
	 * Destroys a store's namespace, within its {@code destroy} operation.
	 * @param store the store
	 * @param operation the operation, told how to stop the clearing
	 * @return completes when done
	 */
	static CompletableFuture<Void> destroy(Store store, Operation<?> operation) {
		return new RangeClearer(store).clear(KeyRange.all(), operation).thenCompose((deleted) -> forgetShardCount(store));
	}

	/**
	 * Destroys the namespace at a location over the shard count recorded for it.
	 * @param runtime the runtime to send with
	 * @param location the namespace
	 * @return the operation, reported under the namespace's unsharded store
	 */
	static Operation<Void> destroy(StoreRuntime runtime, StoreLocation location) {
		Store plain = new Store(runtime, location, ShardLayout.of(location.namespace(), 1));
		return plain.start("clear", (operation) -> plain.schema().thenCompose((schema) -> {
			ShardCountRecord record = ShardCountRecord.of(schema, plain.partitioning().layout());
			Optional<GetItemRequest> read = record.readRequest();
			CompletableFuture<Integer> recorded = read.isEmpty() ? CompletableFuture.completedFuture(1)
					: runtime.calls().getItem(read.get()).thenApply(record::recordedShards);
			return recorded.thenCompose((shards) -> destroy((shards == 1) ? plain
					: new Store(runtime, location, ShardLayout.of(location.namespace(), shards)), operation));
		}));
	}

	/** Deletes a sharded namespace's record once its shards are empty. */
	private static CompletableFuture<Void> forgetShardCount(Store store) {
		if (!store.partitioning().layout().sharded()) {
			return CompletableFuture.completedFuture(null);
		}
		return new RangeCounter(store).count(KeyRange.all().limit(1))
			.thenCombine(store.schema(), (left, schema) -> (left > 0) ? Optional.<DeleteItemRequest>empty()
					: ShardCountRecord.of(schema, store.partitioning().layout()).deleteRequest())
			.thenCompose((delete) -> delete.isEmpty() ? CompletableFuture.completedFuture(null)
					: store.calls().deleteItem(delete.get()).thenRun(store::shardCountForgotten));
	}

}

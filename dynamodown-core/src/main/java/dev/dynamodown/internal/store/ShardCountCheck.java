package dev.dynamodown.internal.store;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.function.Supplier;

import dev.dynamodown.DynamoDownException;
import dev.dynamodown.internal.Futures;
import dev.dynamodown.internal.io.DynamoCalls;
import dev.dynamodown.internal.schema.TableSchema;
import dev.dynamodown.internal.shard.ShardCountRecord;
import dev.dynamodown.internal.shard.ShardCountRecord.Check;
import dev.dynamodown.internal.shard.ShardLayout;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;

/**
 * One store's check of its shard count against the count recorded in the table, run before the
 * store's first request that reads or writes items, through the store's edge. The protocol and
 * what its answers mean are {@link ShardCountRecord}'s; this class runs it once per store:
 * <ul>
 * <li>{@link #beforeRead}: reads the record (one consistent {@code GetItem}; a sharded store that
 * finds none also probes the unsharded partition with one {@code Query} of one key). Another
 * recorded count, or unsharded items under a sharded store, fail with a
 * {@link DynamoDownException} naming both counts.</li>
 * <li>{@link #beforeWrite}: the same, and a sharded store that found no record claims the
 * namespace (one conditional {@code PutItem}); a store of another count that claimed first makes
 * it fail naming that count.</li>
 * <li>Once the count is verified (recorded as the store's, or no record for an unsharded store,
 * or claimed), nothing is sent again, by this store or any other of the runtime with the same
 * count ({@link VerifiedShardCounts}). Until then every use checks again: a failed check is not
 * kept, and a sharded store whose namespace is empty and unclaimed reads on and looks again next
 * time.</li>
 * <li>Concurrent first uses share one request: the read in progress, or the claim.</li>
 * </ul>
 * Thread-safe.
 */
final class ShardCountCheck {

	private final DynamoCalls calls;

	private final ShardLayout layout;

	private final StoreLocation location;

	private final VerifiedShardCounts verifiedCounts;

	/** The read of the record in progress, shared by concurrent first uses, or {@code null}. */
	private final AtomicReference<@Nullable CompletableFuture<Check>> reading = new AtomicReference<>();

	/** The claim in progress, or {@code null}. */
	private final AtomicReference<@Nullable CompletableFuture<Void>> claiming = new AtomicReference<>();

	ShardCountCheck(DynamoCalls calls, StoreLocation location, ShardLayout layout, VerifiedShardCounts verifiedCounts) {
		this.calls = calls;
		this.location = location;
		this.layout = layout;
		this.verifiedCounts = verifiedCounts;
	}

	/**
	 * Makes sure the store's count is the namespace's before it reads items.
	 * @param schema the table's key layout
	 * @return completes at once once verified; fails with a {@link DynamoDownException} naming both
	 * counts if they differ
	 */
	CompletableFuture<Void> beforeRead(TableSchema schema) {
		if (verified()) {
			return CompletableFuture.completedFuture(null);
		}
		return read(schema).thenApply((check) -> null);
	}

	/**
	 * Makes sure the store's count is the namespace's, claiming the namespace for it if nobody has,
	 * before it writes items.
	 * @param schema the table's key layout
	 * @return completes at once once verified; fails with a {@link DynamoDownException} naming both
	 * counts if they differ or another count claimed the namespace first
	 */
	CompletableFuture<Void> beforeWrite(TableSchema schema) {
		if (verified()) {
			return CompletableFuture.completedFuture(null);
		}
		// A concurrent first write may have claimed the namespace since this read began: no second claim then.
		return read(schema).thenCompose((check) -> (check == Check.VERIFIED || verified())
				? CompletableFuture.completedFuture(null) : claim(schema));
	}

	/** The record was deleted (the namespace destroyed): the next use checks, and a write claims, again. */
	void forget() {
		this.verifiedCounts.forget(this.location);
	}

	private boolean verified() {
		return this.verifiedCounts.isVerified(this.location, this.layout.shards());
	}

	private CompletableFuture<Check> read(TableSchema schema) {
		return shared(this.reading, () -> {
			ShardCountRecord record = ShardCountRecord.of(schema, this.layout);
			Optional<GetItemRequest> request = record.readRequest();
			if (request.isEmpty()) {
				return CompletableFuture.completedFuture(Check.VERIFIED);
			}
			return this.calls.getItem(request.get()).thenCompose((response) -> {
				Check check = record.afterRead(response);
				return (check == Check.VERIFIED) ? CompletableFuture.completedFuture(check)
						: this.calls.query(record.plainProbeRequest()).thenApply(record::afterPlainProbe);
			});
		}, (check) -> check == Check.VERIFIED);
	}

	private CompletableFuture<Void> claim(TableSchema schema) {
		return shared(this.claiming, () -> {
			ShardCountRecord record = ShardCountRecord.of(schema, this.layout);
			return this.calls.putItem(record.claimRequest()).handle((written, failure) -> {
				if (failure == null) {
					return CompletableFuture.<Void>completedFuture(null);
				}
				Throwable cause = Futures.unwrap(failure);
				if (!(cause instanceof ConditionalCheckFailedException refused)) {
					throw Futures.unchecked(cause);
				}
				// Another count won: name it, from the refusal or (where the endpoint does not return it) the record.
				CompletableFuture<Map<String, AttributeValue>> winner = refused.hasItem()
						? CompletableFuture.completedFuture(refused.item())
						: this.calls.getItem(record.readRequest().orElseThrow())
							.thenApply((response) -> response.hasItem() ? response.item() : Map.of());
				return winner.<Void>thenApply((item) -> {
					throw record.claimRefused(item);
				});
			}).thenCompose((outcome) -> outcome);
		}, (claimed) -> true);
	}

	/**
	 * Runs a step of the check, or joins the one in progress; a step that verifies the count
	 * (as {@code verifies} tells from its outcome) ends the checks of this store.
	 */
	private <T> CompletableFuture<T> shared(AtomicReference<@Nullable CompletableFuture<T>> inProgress,
			Supplier<CompletableFuture<T>> step, Predicate<T> verifies) {
		CompletableFuture<T> started = new CompletableFuture<>();
		CompletableFuture<T> running = inProgress.compareAndExchange(null, started);
		if (running != null) {
			return running;
		}
		CompletableFuture<T> sent;
		try {
			sent = step.get();
		}
		catch (RuntimeException ex) {
			sent = CompletableFuture.failedFuture(ex);
		}
		sent.whenComplete((outcome, failure) -> {
			if (failure == null && verifies.test(outcome)) {
				this.verifiedCounts.verified(this.location, this.layout.shards());
			}
			// Not kept: the next use checks again, unless this one verified the count.
			inProgress.set(null);
			if (failure != null) {
				started.completeExceptionally(Futures.unwrap(failure));
			}
			else {
				started.complete(outcome);
			}
		});
		return started;
	}

}

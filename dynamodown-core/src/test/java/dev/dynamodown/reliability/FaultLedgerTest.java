package dev.dynamodown.reliability;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

import dev.dynamodown.BatchOperation;
import dev.dynamodown.BatchResult;
import dev.dynamodown.BatchWriteException;
import dev.dynamodown.Clients;
import dev.dynamodown.DynamoDownException;
import dev.dynamodown.DynamoDownListener;
import dev.dynamodown.DynamoDownOptions;
import dev.dynamodown.SortedKeyValueOperations;
import dev.dynamodown.StoreShape;
import dev.dynamodown.Stores;
import dev.dynamodown.ValueCodec;
import dev.dynamodown.internal.shard.ShardLayout;
import dev.dynamodown.reliability.faults.Fault;
import dev.dynamodown.reliability.faults.FaultPlan;
import dev.dynamodown.reliability.faults.FaultProxy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ledger test: several writers run puts, deletes, putIfAbsent, batches (with repeated keys)
 * and reads through the {@link FaultProxy} injecting a fault into about one request in five.
 * Each writer owns a quarter of the key space, so its {@link Ledger} is an exact model. Every call
 * that returned must be visible exactly as acknowledged; every call that threw must have said
 * precisely what may be missing ({@link BatchWriteException#unapplied()}: everything else of the
 * batch was applied); single writes that threw leave the key before or after; and the store read
 * afterwards, without faults, must match the ledgers. No failure shows a credential.
 * <p>
 * The seed is printed; {@code -Ddynamodown.faults.seed=N} replays the same operations and fault
 * draws (their interleaving across threads still varies).
 */
@ParameterizedClass
// A sharded store under the same faults, claiming its namespace under them too: one sharded shape.
@EnumSource(value = StoreShape.class, names = { "BLOCKING", "ASYNC", "ASYNC_7_SHARDS" })
class FaultLedgerTest {

	@Parameter
	StoreShape shape;

	private static final int WRITERS = 4;

	private static final int KEYS = 200;

	/** Per store: 2,000 in all. */
	private static final int OPERATIONS = 1_000;

	private static final int MAX_BATCH = 60;

	private static final double FAULT_RATE = 0.2;

	/** Stop early rather than run long on a starved machine; the checks hold for what ran. */
	private static final Duration TIME_BOUND = Duration.ofSeconds(30);

	private static final Map<Fault, Integer> FAULT_WEIGHTS = Map.ofEntries(Map.entry(Fault.THROUGHPUT_EXCEEDED, 16),
			Map.entry(Fault.THROTTLING, 8), Map.entry(Fault.INTERNAL_ERROR, 8), Map.entry(Fault.UNAVAILABLE, 6),
			Map.entry(Fault.INTERNAL_ERROR_AFTER, 8), Map.entry(Fault.RESET_BEFORE, 8), Map.entry(Fault.RESET_AFTER, 12),
			Map.entry(Fault.STALL_BEFORE, 1), Map.entry(Fault.STALL_AFTER, 1), Map.entry(Fault.PARTIALLY_UNPROCESSED, 200));

	private final Tally tally = new Tally();

	@Test
	void underFaultsNothingAcknowledgedIsLostAndEveryFailureSaysWhatMayBeMissing() throws Exception {
		long seed = Long.getLong("dynamodown.faults.seed", System.nanoTime());
		System.out.println("[ledger " + this.shape + "] seed " + seed + " (replay: -Ddynamodown.faults.seed=" + seed + ")");
		AttemptCounter attempts = new AttemptCounter();
		AtomicInteger batchRetries = new AtomicInteger();
		DynamoDownOptions options = DynamoDownOptions.builder()
			.batchConcurrency(2)
			.maxBatchAttempts(2) // low, so that some batches do end with unapplied operations
			.retryBaseDelay(Duration.ofMillis(2))
			.retryMaxDelay(Duration.ofMillis(20))
			.listener(new DynamoDownListener() {
				@Override
				public void batchRetried(String table, String namespace, int unprocessed) {
					batchRetries.incrementAndGet();
				}
			})
			.build();
		try (FaultProxy proxy = FaultProxy.start(ReliabilitySupport.dynalite(), seed);
				DynamoDbClient direct = ReliabilitySupport.directClient();
				Clients faulty = ReliabilitySupport.faultyClients(proxy.endpoint(), 3, attempts);
				Stores store = this.shape.api().open(faulty, options)) {
			String table = ReliabilitySupport.createTable(direct, "ledger");
			SortedKeyValueOperations<String> template = this.shape.template(store, table, "ledger", ValueCodec.string());
			template.get("warm-up"); // the table's schema, described once without faults
			attempts.reset();
			proxy.plan(FaultPlan.random(seed, FAULT_RATE, FAULT_WEIGHTS));

			long start = System.nanoTime();
			long deadline = start + TIME_BOUND.toNanos();
			List<Writer> writers = new ArrayList<>();
			for (int w = 0; w < WRITERS; w++) {
				writers.add(new Writer(w, new Random(seed * 31 + w), template, deadline));
			}
			ExecutorService threads = Executors.newFixedThreadPool(WRITERS);
			try {
				List<Future<?>> running = new ArrayList<>();
				for (Writer writer : writers) {
					running.add(threads.submit(writer::run));
				}
				for (Future<?> future : running) {
					future.get();
				}
			}
			finally {
				threads.shutdownNow();
			}
			long millis = (System.nanoTime() - start) / 1_000_000;
			proxy.plan(FaultPlan.none());

			Map<String, String> stored = storedItems(direct, table, ShardLayout.of("ledger", this.shape.shards()));
			List<String> violations = new ArrayList<>();
			long ambiguous = 0;
			int resolved = 0;
			Set<String> owned = new HashSet<>();
			for (Writer writer : writers) {
				ambiguous += writer.ledger.ambiguousKeys();
				for (String key : writer.keys) {
					owned.add(key);
					writer.ledger.observed(key, Optional.ofNullable(stored.get(key)), "final read without faults");
				}
				resolved += writer.ledger.resolvedByReads();
				violations.addAll(writer.ledger.violations());
			}
			stored.keySet().stream().filter((key) -> !owned.contains(key))
				.forEach((key) -> violations.add("key '" + key + "' was never written"));

			int operations = writers.stream().mapToInt((writer) -> writer.done).sum();
			System.out.printf("[ledger " + this.shape + "] %d operations by %d writers in %d ms over %d keys: %s%n", operations, WRITERS,
					millis, KEYS, this.tally);
			System.out.printf("[ledger " + this.shape + "] requests %d, injected faults %d: %s%n", proxy.log().size(), proxy.log().faults(),
					proxy.log().countsByFault());
			System.out.printf("[ledger " + this.shape + "] client retries %d, batch retries %d; keys left uncertain by failed calls: %d at the "
					+ "end, %d resolved by reads (final read included); lost or phantom writes: %d%n", attempts.clientRetries(),
					batchRetries.get(), ambiguous, resolved, violations.size());

			assertThat(violations).as("lost or phantom writes").isEmpty();
			assertThat(proxy.errors()).as("fault proxy errors").isEmpty();
			assertThat(operations).as("operations run within " + TIME_BOUND).isGreaterThan(OPERATIONS / 5);
			assertThat(proxy.log().faults()).as("faults injected").isGreaterThan(proxy.log().size() / 10);
			assertThat(attempts.clientRetries()).as("client retries").isPositive();
			assertThat(batchRetries.get()).as("batch retries").isPositive();
		}
	}

	/** The ground truth, read with plain strongly consistent queries of every partition straight to dynalite. */
	private static Map<String, String> storedItems(DynamoDbClient direct, String table, ShardLayout layout) {
		Map<String, String> stored = new TreeMap<>();
		for (String partition : layout.partitions()) {
			QueryRequest query = QueryRequest.builder()
				.tableName(table)
				.keyConditionExpression("ns = :ns")
				.expressionAttributeValues(Map.of(":ns", AttributeValue.fromS(partition)))
				.consistentRead(true)
				.build();
			direct.queryPaginator(query).items().forEach((item) -> {
				String key = item.get("k").s();
				if (!partition.equals(layout.partitionFor(key))) {
					stored.put(key, "in the wrong shard: " + partition);
				}
				else if (stored.put(key, item.get("value").s()) != null) {
					stored.put(key, "in two shards");
				}
			});
		}
		return stored;
	}

	/** One thread's operations on the keys it alone writes, checked against its ledger. */
	private final class Writer {

		final List<String> keys = new ArrayList<>();

		final Ledger ledger = new Ledger();

		private final int id;

		private final Random random;

		private final SortedKeyValueOperations<String> template;

		private final long deadline;

		private int sequence;

		int done;

		Writer(int id, Random random, SortedKeyValueOperations<String> template, long deadline) {
			this.id = id;
			this.random = random;
			this.template = template;
			this.deadline = deadline;
			for (int k = id; k < KEYS; k += WRITERS) {
				this.keys.add(String.format("key-%03d", k));
			}
		}

		void run() {
			for (int i = 0; i < OPERATIONS / WRITERS && System.nanoTime() < this.deadline; i++) {
				int dice = this.random.nextInt(100);
				if (dice < 28) {
					put();
				}
				else if (dice < 40) {
					delete();
				}
				else if (dice < 55) {
					putIfAbsent();
				}
				else if (dice < 70) {
					batch();
				}
				else if (dice < 90) {
					get();
				}
				else {
					getAll();
				}
				this.done++;
			}
		}

		private void put() {
			String key = key();
			String value = value();
			try {
				this.template.put(key, value);
				this.ledger.applied(key, Optional.of(value));
				tally.ok("put");
			}
			catch (RuntimeException ex) {
				failed("put", ex);
				this.ledger.mayHaveApplied(key, Optional.of(value));
			}
		}

		private void delete() {
			String key = key();
			try {
				this.template.delete(key);
				this.ledger.applied(key, Optional.empty());
				tally.ok("delete");
			}
			catch (RuntimeException ex) {
				failed("delete", ex);
				this.ledger.mayHaveApplied(key, Optional.empty());
			}
		}

		private void putIfAbsent() {
			String key = key();
			String value = value();
			Set<Optional<String>> before = this.ledger.admissible(key);
			boolean mayBeAbsent = before.contains(Optional.<String>empty());
			try {
				if (this.template.putIfAbsent(key, value)) {
					if (!mayBeAbsent) {
						this.ledger.violation("putIfAbsent('" + key + "') returned true, but the key certainly existed");
					}
					this.ledger.applied(key, Optional.of(value));
					tally.ok("putIfAbsent=true");
				}
				else {
					this.ledger.present(key, "putIfAbsent('" + key + "') returned false");
					tally.ok("putIfAbsent=false");
				}
			}
			catch (RuntimeException ex) {
				failed("putIfAbsent", ex);
				if (mayBeAbsent) {
					this.ledger.mayHaveApplied(key, Optional.of(value));
				}
			}
		}

		private void batch() {
			// Mostly small batches, some up to MAX_BATCH: both single-chunk and multi-chunk ones.
			int size = 1 + this.random.nextInt(1 + this.random.nextInt(MAX_BATCH));
			List<Map.Entry<String, Optional<String>>> operations = new ArrayList<>();
			Map<String, Optional<String>> last = new LinkedHashMap<>();
			for (int i = 0; i < size; i++) {
				String key = key();
				Optional<String> state = (this.random.nextInt(10) < 7) ? Optional.of(value()) : Optional.empty();
				operations.add(Map.entry(key, state));
				last.remove(key);
				last.put(key, state);
			}
			try {
				BatchResult result = this.template.batch((batch) -> operations.forEach((operation) -> operation.getValue()
					.ifPresentOrElse((value) -> batch.put(operation.getKey(), value), () -> batch.delete(operation.getKey()))));
				if (result.applied() != last.size()) {
					this.ledger.violation("batch of " + last.size() + " keys reported " + result.applied() + " applied");
				}
				last.forEach(this.ledger::applied);
				tally.ok("batch");
			}
			catch (BatchWriteException ex) {
				tally.failed("batch");
				checkNoCredentials("batch", ex);
				tally.add("batch ops reported unapplied", ex.unapplied().size());
				Set<String> unapplied = checkUnapplied(ex, last);
				last.forEach((key, state) -> {
					if (unapplied.contains(key)) {
						this.ledger.mayHaveApplied(key, state);
					}
					else {
						this.ledger.applied(key, state);
					}
				});
			}
			catch (RuntimeException ex) {
				this.ledger.violation("batch threw " + ex + " instead of a BatchWriteException");
				last.forEach(this.ledger::mayHaveApplied);
			}
		}

		/** The unapplied list names each key at most once, with the kind of its last operation. */
		private Set<String> checkUnapplied(BatchWriteException ex, Map<String, Optional<String>> last) {
			Set<String> unapplied = new HashSet<>();
			for (BatchOperation operation : ex.unapplied()) {
				Optional<String> state = last.get(operation.key());
				if (state == null || !unapplied.add(operation.key())) {
					this.ledger.violation("unapplied() lists " + operation + ", not a distinct key of the batch");
				}
				else if (operation.isPut() != state.isPresent()) {
					this.ledger.violation("unapplied() lists " + operation + " but the key's last operation was the other kind");
				}
			}
			if (ex.applied() != last.size() - unapplied.size()) {
				this.ledger.violation("BatchWriteException.applied() is " + ex.applied() + " for " + last.size()
						+ " keys of which " + unapplied.size() + " are unapplied");
			}
			return unapplied;
		}

		private void get() {
			String key = key();
			try {
				Optional<String> value = this.template.get(key);
				this.ledger.observed(key, value, "get");
				tally.ok("get");
			}
			catch (RuntimeException ex) {
				failed("get", ex);
			}
		}

		private void getAll() {
			Set<String> asked = new HashSet<>();
			int size = 1 + this.random.nextInt(40);
			for (int i = 0; i < size; i++) {
				asked.add(key());
			}
			try {
				Map<String, String> found = this.template.getAll(asked);
				if (!asked.containsAll(found.keySet())) {
					this.ledger.violation("getAll returned keys not asked for: " + found.keySet());
				}
				if (!new ArrayList<>(found.keySet()).equals(found.keySet().stream().sorted().toList())) {
					this.ledger.violation("getAll did not iterate in key order: " + found.keySet());
				}
				for (String key : asked) {
					this.ledger.observed(key, Optional.ofNullable(found.get(key)), "getAll");
				}
				tally.ok("getAll");
			}
			catch (RuntimeException ex) {
				failed("getAll", ex);
			}
		}

		/** A failed call must be a {@link DynamoDownException}, never a raw SDK exception. */
		private void failed(String operation, RuntimeException ex) {
			tally.failed(operation);
			if (!(ex instanceof DynamoDownException)) {
				this.ledger.violation(operation + " threw " + ex + " instead of a DynamoDownException");
			}
			checkNoCredentials(operation, ex);
		}

		/** No failure shows the secret key, anywhere in its causes, nor the access key id in a message. */
		private void checkNoCredentials(String operation, RuntimeException ex) {
			StringWriter trace = new StringWriter();
			ex.printStackTrace(new PrintWriter(trace));
			StringBuilder messages = new StringBuilder();
			for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
				messages.append(cause.getMessage());
			}
			if (trace.toString().contains(ReliabilitySupport.SECRET_KEY)
					|| messages.toString().contains(ReliabilitySupport.ACCESS_KEY)) {
				this.ledger.violation(operation + " failed with a credential in " + ex);
			}
		}

		private String key() {
			return this.keys.get(this.random.nextInt(this.keys.size()));
		}

		/** Unique per write, so that no two writes can be mistaken for each other. */
		private String value() {
			return "w" + this.id + "-" + (++this.sequence) + "-" + "x".repeat(this.random.nextInt(200));
		}

	}

	/** Counts of outcomes by operation, printed at the end. */
	private static final class Tally {

		private final ConcurrentMap<String, LongAdder> counts = new ConcurrentHashMap<>();

		void ok(String operation) {
			add(operation + " ok", 1);
		}

		void failed(String operation) {
			add(operation + " threw", 1);
		}

		void add(String what, long count) {
			this.counts.computeIfAbsent(what, (key) -> new LongAdder()).add(count);
		}

		@Override
		public String toString() {
			Map<String, Long> sorted = new TreeMap<>();
			this.counts.forEach((what, count) -> sorted.put(what, count.sum()));
			return sorted.toString();
		}

	}

}

package dev.dynamodown;

import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** Every public operation is reported once to the {@link DynamoDownListener}, with its outcome. */
@ParameterizedClass
@EnumSource(Api.class)
class ListenerTest {

	@Parameter
	Api api;

	record Event(String table, String namespace, String operation, long nanos, @Nullable Throwable failure) {
	}

	private static final List<Event> events = new CopyOnWriteArrayList<>();

	@RegisterExtension
	static final DynamoDownFixture fixture = DynamoDownFixture.table("listener")
		.options(DynamoDownOptions.builder().listener(new DynamoDownListener() {
			@Override
			public void operationCompleted(String table, String namespace, String operation, long nanos,
					@Nullable Throwable failure) {
				events.add(new Event(table, namespace, operation, nanos, failure));
			}
		}).build());

	private SortedKeyValueOperations<String> store;

	@BeforeEach
	void reset() {
		this.store = fixture.template(this.api, "observed");
		this.store.get("warm-up");
		events.clear();
	}

	@Test
	void reportsEachOperationByName() {
		this.store.put("a", "1");
		this.store.putIfAbsent("b", "2");
		this.store.get("a");
		this.store.getAll(List.of("a", "b"));
		this.store.delete("b");
		this.store.list(KeyRange.all());
		this.store.count(KeyRange.all());
		this.store.batch((b) -> b.put("c", "3"));
		this.store.clear(KeyRange.prefix("c"));
		this.store.destroy();
		assertThatExceptionOfType(AtomicBatchException.class).isThrownBy(() -> this.store.atomicBatch((b) -> b.put("d", "4")));
		assertThat(events).extracting(Event::operation)
			.containsExactly("put", "putIfAbsent", "get", "getAll", "delete", "range", "count", "batch", "clear",
					"clear", "atomicBatch");
		assertThat(events).allSatisfy((event) -> {
			assertThat(event.table()).isEqualTo(this.store.table());
			assertThat(event.namespace()).isEqualTo("observed");
			assertThat(event.nanos()).isPositive();
		});
		assertThat(events.subList(0, 10)).extracting(Event::failure).containsOnlyNulls();
		assertThat(events.get(10).failure()).isInstanceOf(AtomicBatchException.class);
	}

	@Test
	void reportsFailuresWithWhatWasThrown() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.store.get(""));
		assertThat(events).singleElement().satisfies((event) -> {
			assertThat(event.operation()).isEqualTo("get");
			assertThat(event.failure()).isInstanceOf(IllegalArgumentException.class);
		});
	}

	@Test
	void reportsARangeStreamOnceWhenExhausted() {
		this.store.batch((b) -> b.put("r1", "v").put("r2", "v"));
		events.clear();
		try (Stream<String> keys = this.store.keys(KeyRange.prefix("r"))) {
			Iterator<String> iterator = keys.iterator();
			iterator.next();
			assertThat(events).isEmpty();
			iterator.next();
			assertThat(iterator.hasNext()).isFalse();
			assertThat(events).extracting(Event::operation).containsExactly("range");
		}
		assertThat(events).hasSize(1);
	}

	@Test
	void reportsARangeStreamWhenClosedEarly() {
		this.store.batch((b) -> b.put("r1", "v").put("r2", "v"));
		events.clear();
		Stream<String> keys = this.store.keys(KeyRange.prefix("r"));
		keys.iterator().next();
		assertThat(events).isEmpty();
		keys.close();
		// a cancelled subscription reports its end right after a page being delivered, if one is
		awaitEvents(1);
		assertThat(events).extracting(Event::operation).containsExactly("range");
	}

	private static void awaitEvents(int count) {
		long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(5);
		while (events.size() < count && System.nanoTime() < deadline) {
			Thread.onSpinWait();
		}
	}

	@Test
	void reportsTheStartWhenTheOperationStartsAndTheEndToTheHandleTheStartReturned() {
		List<String> calls = new CopyOnWriteArrayList<>();
		try (DynamoDown observed = DynamoDown.create(fixture.client(), DynamoDownOptions.builder()
			.listener(new DynamoDownListener() {
				@Override
				public StartedOperation operationStarted(String table, String namespace, String operation) {
					calls.add("start " + operation + " " + namespace);
					return (nanos, failure) -> calls.add("end " + operation + ((failure != null) ? " failed" : ""));
				}

				@Override
				public void operationCompleted(String table, String namespace, String operation, long nanos,
						@Nullable Throwable failure) {
					calls.add("operationCompleted must not be called when operationStarted is overridden");
				}
			})
			.build())) {
			SortedKeyValueTemplate<String> template = observed.template(store.table(), "started", ValueCodec.string());
			template.put("a", "1");
			assertThatIllegalArgumentException().isThrownBy(() -> template.get(""));
			assertThat(calls).containsExactly("start put started", "end put", "start get started", "end get failed");
			calls.clear();
			try (Stream<String> keys = template.keys(KeyRange.all())) {
				assertThat(calls).containsExactly("start range started");
				assertThat(keys.toList()).containsExactly("a");
			}
			assertThat(calls).containsExactly("start range started", "end range");
		}
	}

	@Test
	void aListenerThatFailsToStartOrToEndDoesNotChangeTheOutcome() {
		DynamoDownListener failsToStart = new DynamoDownListener() {
			@Override
			public StartedOperation operationStarted(String table, String namespace, String operation) {
				throw new IllegalStateException("listener bug");
			}
		};
		DynamoDownListener failsToEnd = new DynamoDownListener() {
			@Override
			public StartedOperation operationStarted(String table, String namespace, String operation) {
				return (nanos, failure) -> {
					throw new IllegalStateException("listener bug");
				};
			}
		};
		for (DynamoDownListener listener : List.of(failsToStart, failsToEnd)) {
			try (DynamoDown failing = DynamoDown.create(fixture.client(),
					DynamoDownOptions.builder().listener(listener).build())) {
				SortedKeyValueTemplate<String> template = failing.template(store.table(), "observed",
						ValueCodec.string());
				template.put("x", "y");
				assertThat(template.get("x")).contains("y");
				assertThat(template.list(KeyRange.prefix("x"))).hasSize(1);
			}
		}
	}

	@Test
	void aFailingListenerDoesNotChangeTheOutcome() {
		try (Stores failingDown = this.api.open(fixture.clients(), DynamoDownOptions.builder()
			.listener(new DynamoDownListener() {
				@Override
				public void operationCompleted(String table, String namespace, String operation, long nanos,
						@Nullable Throwable failure) {
					throw new IllegalStateException("listener bug");
				}
			})
			.build())) {
			SortedKeyValueOperations<String> template = failingDown.template(this.store.table(), "observed", ValueCodec.string());
			template.put("x", "y");
			assertThat(template.get("x")).contains("y");
		}
	}

}

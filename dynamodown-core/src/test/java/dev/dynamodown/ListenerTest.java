package dev.dynamodown;

import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** Every public operation is reported once to the {@link DynamoDownListener}, with its outcome. */
class ListenerTest {

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

	private static SortedKeyValueTemplate<String> store;

	@BeforeAll
	static void start() {
		store = fixture.template("observed");
	}

	@BeforeEach
	void reset() {
		events.clear();
	}

	@Test
	void reportsEachOperationByName() {
		store.put("a", "1");
		store.putIfAbsent("b", "2");
		store.get("a");
		store.getAll(List.of("a", "b"));
		store.delete("b");
		store.list(KeyRange.all());
		store.count(KeyRange.all());
		store.batch((b) -> b.put("c", "3"));
		store.clear(KeyRange.prefix("c"));
		store.destroy();
		assertThatExceptionOfType(AtomicBatchException.class).isThrownBy(() -> store.atomicBatch((b) -> b.put("d", "4")));
		assertThat(events).extracting(Event::operation)
			.containsExactly("put", "putIfAbsent", "get", "getAll", "delete", "range", "count", "batch", "clear",
					"clear", "atomicBatch");
		assertThat(events).allSatisfy((event) -> {
			assertThat(event.table()).isEqualTo(store.table());
			assertThat(event.namespace()).isEqualTo("observed");
			assertThat(event.nanos()).isPositive();
		});
		assertThat(events.subList(0, 10)).extracting(Event::failure).containsOnlyNulls();
		assertThat(events.get(10).failure()).isInstanceOf(AtomicBatchException.class);
	}

	@Test
	void reportsFailuresWithWhatWasThrown() {
		assertThatIllegalArgumentException().isThrownBy(() -> store.get(""));
		assertThat(events).singleElement().satisfies((event) -> {
			assertThat(event.operation()).isEqualTo("get");
			assertThat(event.failure()).isInstanceOf(IllegalArgumentException.class);
		});
	}

	@Test
	void reportsARangeStreamOnceWhenExhausted() {
		store.batch((b) -> b.put("r1", "v").put("r2", "v"));
		events.clear();
		try (Stream<String> keys = store.keys(KeyRange.prefix("r"))) {
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
		store.batch((b) -> b.put("r1", "v").put("r2", "v"));
		events.clear();
		Stream<String> keys = store.keys(KeyRange.prefix("r"));
		keys.iterator().next();
		assertThat(events).isEmpty();
		keys.close();
		assertThat(events).extracting(Event::operation).containsExactly("range");
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
		try (DynamoDown failingDown = DynamoDown.create(fixture.client(), DynamoDownOptions.builder()
			.listener(new DynamoDownListener() {
				@Override
				public void operationCompleted(String table, String namespace, String operation, long nanos,
						@Nullable Throwable failure) {
					throw new IllegalStateException("listener bug");
				}
			})
			.build())) {
			SortedKeyValueTemplate<String> template = failingDown.template(store.table(), "observed", ValueCodec.string());
			template.put("x", "y");
			assertThat(template.get("x")).contains("y");
		}
	}

}

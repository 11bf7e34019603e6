package dev.dynamodown.reliability.faults;

import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import dev.dynamodown.loopback.HttpMessage;

/** Every request the {@link FaultProxy} received, in order of arrival, with the fault it got. */
public final class FaultLog {

	/**
	 * One request.
	 * @param operation the DynamoDB operation
	 * @param fault what the proxy did
	 * @param receivedNanos when it arrived ({@link System#nanoTime()})
	 * @param held how many batch entries were held back as unprocessed
	 * @param body the request's JSON as the client sent it
	 */
	public record Entry(String operation, Fault fault, long receivedNanos, int held, String body) {
	}

	private final List<Entry> entries = new CopyOnWriteArrayList<>();

	void record(HttpMessage request, String operation, Fault fault, long receivedNanos, int held) {
		this.entries.add(new Entry(operation, fault, receivedNanos, held,
				new String(request.body(), StandardCharsets.UTF_8)));
	}

	/** Every request since the last {@link #clear()}. */
	public List<Entry> entries() {
		return List.copyOf(this.entries);
	}

	/** The requests of one operation. */
	public List<Entry> entries(String operation) {
		return this.entries.stream().filter((entry) -> entry.operation().equals(operation)).toList();
	}

	/** How many requests got each fault (faults that never happened are left out). */
	public Map<Fault, Long> countsByFault() {
		return this.entries.stream()
			.collect(Collectors.groupingBy(Entry::fault, () -> new EnumMap<>(Fault.class), Collectors.counting()));
	}

	/** How many requests got a fault (anything but {@link Fault#NONE}). */
	public long faults() {
		return this.entries.stream().filter((entry) -> entry.fault() != Fault.NONE).count();
	}

	public int size() {
		return this.entries.size();
	}

	public void clear() {
		this.entries.clear();
	}

}

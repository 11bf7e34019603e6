package dev.dynamodown.benchmarks.harness;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

import com.sun.management.GarbageCollectionNotificationInfo;

/**
 * Measures the heap one (untimed) run needs: a full GC first, then a background thread samples the heap in
 * use every millisecond and asks for a full GC every {@value #GC_EVERY_MILLIS} ms, while GC notifications
 * report what survived each collection. The samples include garbage not yet collected; the after-GC figure
 * is what the run kept reachable at that moment. A stream that holds every item it has read grows it with
 * the data; one that holds a page at a time keeps it flat.
 */
final class HeapSampler {

	private static final int GC_EVERY_MILLIS = 50;

	private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

	/** GC notifications report every memory pool; only these count as heap. */
	private static final Set<String> HEAP_POOLS = ManagementFactory.getMemoryPoolMXBeans()
		.stream()
		.filter(pool -> pool.getType() == MemoryType.HEAP)
		.map(MemoryPoolMXBean::getName)
		.collect(Collectors.toUnmodifiableSet());

	private HeapSampler() {
	}

	static HeapUse measure(Task task) {
		MEMORY.gc();
		MEMORY.gc();
		long baseline = used();
		AtomicLong peak = new AtomicLong(baseline);
		AtomicLong peakAfterGc = new AtomicLong(-1);
		AtomicInteger collections = new AtomicInteger();
		NotificationListener listener = (notification, handback) -> afterGc(notification, peakAfterGc, collections);
		List<NotificationEmitter> emitters = new ArrayList<>();
		for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
			if (collector instanceof NotificationEmitter emitter) {
				emitter.addNotificationListener(listener, null, null);
				emitters.add(emitter);
			}
		}
		Thread sampler = new Thread(() -> {
			for (long tick = 1; !Thread.currentThread().isInterrupted(); tick++) {
				peak.accumulateAndGet(used(), Math::max);
				if (tick % GC_EVERY_MILLIS == 0) {
					MEMORY.gc();
				}
				try {
					Thread.sleep(1);
				}
				catch (InterruptedException ex) {
					return;
				}
			}
		}, "heap-sampler");
		sampler.setDaemon(true);
		sampler.start();
		try {
			task.run();
		}
		finally {
			sampler.interrupt();
			join(sampler);
			for (NotificationEmitter emitter : emitters) {
				removeQuietly(emitter, listener);
			}
		}
		long afterGc = peakAfterGc.get();
		return new HeapUse(Math.max(0, peak.get() - baseline), (afterGc < 0) ? -1 : Math.max(0, afterGc - baseline),
				collections.get());
	}

	private static void afterGc(Notification notification, AtomicLong peakAfterGc, AtomicInteger collections) {
		if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
			return;
		}
		GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo
			.from((CompositeData) notification.getUserData());
		long afterGc = info.getGcInfo()
			.getMemoryUsageAfterGc()
			.entrySet()
			.stream()
			.filter(pool -> HEAP_POOLS.contains(pool.getKey()))
			.mapToLong(pool -> pool.getValue().getUsed())
			.sum();
		collections.incrementAndGet();
		peakAfterGc.accumulateAndGet(afterGc, Math::max);
	}

	private static long used() {
		return MEMORY.getHeapMemoryUsage().getUsed();
	}

	private static void join(Thread thread) {
		try {
			thread.join();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static void removeQuietly(NotificationEmitter emitter, NotificationListener listener) {
		try {
			emitter.removeNotificationListener(listener);
		}
		catch (ListenerNotFoundException ex) {
			// It was registered above: nothing to undo.
		}
	}

}

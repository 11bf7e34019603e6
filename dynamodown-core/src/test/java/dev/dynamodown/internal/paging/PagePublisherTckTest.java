package dev.dynamodown.internal.paging;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicInteger;

import org.reactivestreams.tck.TestEnvironment;
import org.reactivestreams.tck.flow.FlowPublisherVerification;

/**
 * The Reactive Streams TCK (Flow variant, TestNG, run on the JUnit Platform by the TestNG engine)
 * against {@link PagePublisher}. The source behind it makes its pages as they are read: three
 * items, then an empty page that is not the last, and so on; every other page completes on
 * another thread, the others inline, so both paths of the drain loop meet the rules.
 */
public class PagePublisherTckTest extends FlowPublisherVerification<Long> {

	/** Signals are awaited up to 2 s (a loaded 2-core machine); silence is checked for 100 ms. */
	public PagePublisherTckTest() {
		super(new TestEnvironment(2000, 100, 10));
	}

	@Override
	public Flow.Publisher<Long> createFlowPublisher(long elements) {
		return PagePublisher.of(() -> new ScriptedPageSource<>((index) -> page(index, elements), halfInline()));
	}

	@Override
	public Flow.Publisher<Long> createFailedFlowPublisher() {
		return PagePublisher.<Long>of(() -> {
			throw new IllegalStateException("the source cannot be opened");
		});
	}

	/** Even pages hold the next three items, odd pages none; the page reaching the end is the last. */
	private static Page<Long> page(long index, long elements) {
		if (index % 2 == 1) {
			return new Page<>(List.of(), false);
		}
		long first = (index / 2) * 3;
		long end = Math.min(elements, first + 3);
		List<Long> items = new ArrayList<>();
		for (long item = first; item < end; item++) {
			items.add(item);
		}
		return new Page<>(items, end >= elements);
	}

	private static Executor halfInline() {
		AtomicInteger pages = new AtomicInteger();
		return (task) -> {
			if (pages.getAndIncrement() % 2 == 0) {
				task.run();
			}
			else {
				ForkJoinPool.commonPool().execute(task);
			}
		};
	}

}

package dev.dynamodown.data.core;

import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Lazy streams whose failures are translated like the template's other failures: a page read
 * while the stream is consumed can fail long after the call that returned the stream.
 */
final class TranslatingStreams {

	private TranslatingStreams() {
	}

	/**
	 * A stream of the same elements whose reading failures pass through {@code translation}.
	 * Exceptions thrown by the caller's own operations on the elements are left alone.
	 * @param source the stream; closed when the returned one is
	 * @param translation the translation of a failure
	 * @return the translating stream
	 */
	static <T> Stream<T> translate(Stream<T> source, UnaryOperator<RuntimeException> translation) {
		Spliterator<T> elements = source.spliterator();
		Spliterator<T> translating = new Spliterators.AbstractSpliterator<>(elements.estimateSize(),
				elements.characteristics() & ~Spliterator.SIZED) {

			@Override
			public boolean tryAdvance(Consumer<? super T> action) {
				Object[] next = new Object[1];
				boolean advanced;
				try {
					advanced = elements.tryAdvance((element) -> next[0] = element);
				}
				catch (RuntimeException ex) {
					throw translation.apply(ex);
				}
				if (advanced) {
					@SuppressWarnings("unchecked")
					T element = (T) next[0];
					action.accept(element);
				}
				return advanced;
			}

		};
		return StreamSupport.stream(translating, false).onClose(source::close);
	}

}

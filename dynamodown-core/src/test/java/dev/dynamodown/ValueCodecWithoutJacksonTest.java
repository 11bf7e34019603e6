package dev.dynamodown;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Jackson is optional: an application without it loads {@link ValueCodec} and uses the other
 * codecs. The JVM resolves the {@code ObjectMapper} in {@code json}'s signature only when that
 * method is called (or when reflection lists {@code ValueCodec}'s methods).
 */
class ValueCodecWithoutJacksonTest {

	@Test
	void usesTheOtherCodecsWithoutJackson() throws Exception {
		assertThat(run(WithoutJson.class)).isEqualTo("héllo|3|1");
	}

	@Test
	void needsJacksonOnlyForJson() {
		assertThatThrownBy(() -> run(WithJson.class)).isInstanceOf(NoClassDefFoundError.class)
			.hasMessageContaining("tools/jackson/");
	}

	/** Runs a probe in a class loader that hides Jackson and loads this library's classes itself. */
	private static Object run(Class<? extends Supplier<Object>> probe) throws Exception {
		ClassLoader withoutJackson = new WithoutJacksonClassLoader(ValueCodecWithoutJacksonTest.class.getClassLoader());
		@SuppressWarnings("unchecked")
		Supplier<Object> instance = (Supplier<Object>) withoutJackson.loadClass(probe.getName())
			.getDeclaredConstructor()
			.newInstance();
		return instance.get();
	}

	public static class WithoutJson implements Supplier<Object> {

		@Override
		public Object get() {
			Map<String, AttributeValue> text = ValueCodec.string().encode("héllo");
			byte[] bytes = ValueCodec.bytes().decode(ValueCodec.bytes().encode(new byte[] { 1, 2, 3 }));
			Map<String, AttributeValue> raw = ValueCodec.attributes()
				.decode(Map.of("b", AttributeValue.fromB(SdkBytes.fromByteArray(new byte[] { 1 }))));
			return ValueCodec.string().decode(text) + "|" + bytes.length + "|" + raw.size();
		}

	}

	public static class WithJson implements Supplier<Object> {

		@Override
		public Object get() {
			return ValueCodec.json(String.class).encode("x");
		}

	}

	/** Child-first for {@code dev.dynamodown}, so that its classes link against this loader. */
	private static final class WithoutJacksonClassLoader extends ClassLoader {

		WithoutJacksonClassLoader(ClassLoader parent) {
			super(parent);
		}

		@Override
		protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
			synchronized (getClassLoadingLock(name)) {
				if (name.startsWith("tools.jackson.") || name.startsWith("com.fasterxml.jackson.")) {
					throw new ClassNotFoundException(name + " is hidden by this test");
				}
				if (!name.startsWith("dev.dynamodown.")) {
					return super.loadClass(name, resolve);
				}
				Class<?> loaded = findLoadedClass(name);
				if (loaded == null) {
					loaded = define(name);
				}
				if (resolve) {
					resolveClass(loaded);
				}
				return loaded;
			}
		}

		private Class<?> define(String name) throws ClassNotFoundException {
			try (InputStream in = getParent().getResourceAsStream(name.replace('.', '/') + ".class")) {
				if (in == null) {
					throw new ClassNotFoundException(name);
				}
				byte[] bytes = in.readAllBytes();
				return defineClass(name, bytes, 0, bytes.length);
			}
			catch (IOException ex) {
				throw new ClassNotFoundException(name, ex);
			}
		}

	}

}

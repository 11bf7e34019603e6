package dev.dynamodown.reliability;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import dev.dynamodown.AtomicBatchException;
import dev.dynamodown.BatchWriteException;
import dev.dynamodown.DynamoDown;
import dev.dynamodown.DynamoDownException;
import dev.dynamodown.KeyRange;
import dev.dynamodown.SortedKeyValueTemplate;
import dev.dynamodown.ValueCodec;
import dev.dynamodown.reliability.faults.Fault;
import dev.dynamodown.reliability.faults.FaultPlan;
import dev.dynamodown.reliability.faults.FaultProxy;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * AWS answers a request whose signature or credentials it refuses with error text that can echo
 * the signed request: the fault proxy answers every operation so, its message made of the
 * request's own session token, access key id and signature, plus a principal ARN and a
 * secret-shaped string. Every exception the library throws, with its whole chain (causes and
 * suppressed exceptions, their {@code toString()}, {@code getMessage()}, stack traces and the AWS
 * error details kept on them), carries none of it, while the AWS cause keeps its type, status
 * code, error code and number of attempts.
 */
class SecretsInErrorsTest {

	private static final String ACCESS_KEY = "ASIAREDACTIONTEST001";

	private static final String TOKEN = "IQoJb3JpZ2luX2VjEJr//////////wEaCXVzLWVhc3QtMSJHMEUCIQD+Redaction0Session1Token2==";

	private static final FaultProxy proxy = FaultProxy.start(ReliabilitySupport.dynalite(), 16);

	private static final SignatureRecorder signatures = new SignatureRecorder();

	private static DynamoDbClient direct;

	private static DynamoDbClient client;

	private static String table;

	@BeforeAll
	static void createTable() {
		direct = ReliabilitySupport.directClient();
		table = ReliabilitySupport.createTable(direct, "secrets");
		client = ReliabilitySupport.faultyClient(proxy.endpoint(), 2,
				AwsSessionCredentials.create(ACCESS_KEY, ReliabilitySupport.SECRET_KEY, TOKEN), signatures);
	}

	@AfterAll
	static void close() {
		client.close();
		direct.close();
		proxy.close();
	}

	@AfterEach
	void proxyHadNoErrors() {
		assertThat(proxy.errors()).isEmpty();
		proxy.plan(FaultPlan.none());
	}

	@ParameterizedTest
	@EnumSource(value = Fault.class, names = { "INVALID_SIGNATURE", "UNRECOGNIZED_CLIENT" })
	void noFailureCarriesASecret(Fault fault) {
		List<Throwable> failures = new ArrayList<>();
		try (DynamoDown describing = DynamoDown.create(client); DynamoDown working = DynamoDown.create(client)) {
			SortedKeyValueTemplate<String> store = working.template(table, "secrets", ValueCodec.string());
			store.get("warm-up"); // the table's schema is known from here on

			proxy.plan((operation) -> fault);
			failures.add(expect(DynamoDownException.class,
					() -> describing.template(table, "secrets", ValueCodec.string()).get("a")));
			failures.add(expect(DynamoDownException.class, () -> describing.createTableIfMissing(table + "-new")));
			failures.add(expect(DynamoDownException.class, () -> store.get("a")));
			failures.add(expect(DynamoDownException.class, () -> store.put("a", "x")));
			failures.add(expect(DynamoDownException.class, () -> store.putIfAbsent("a", "x")));
			failures.add(expect(DynamoDownException.class, () -> store.delete("a")));
			failures.add(expect(DynamoDownException.class, () -> store.getAll(List.of("a", "b"))));
			failures.add(expect(DynamoDownException.class, () -> store.list(KeyRange.all())));
			failures.add(expect(DynamoDownException.class, () -> store.count(KeyRange.all())));
			failures.add(expect(BatchWriteException.class, () -> store.batch((batch) -> batch.put("a", "x"))));
			failures.add(expect(AtomicBatchException.class, () -> store.atomicBatch((batch) -> batch.put("a", "x"))));
		}

		assertThat(signatures.seen).isNotEmpty();
		String code = (fault == Fault.INVALID_SIGNATURE) ? "InvalidSignatureException" : "UnrecognizedClientException";
		for (Throwable failure : failures) {
			String text = everythingShown(failure);
			assertThat(text).as("%s and its chain", failure)
				.contains(code)
				.doesNotContain(TOKEN, ACCESS_KEY, Fault.PLANTED_SECRET, ReliabilitySupport.SECRET_KEY,
						"arn:aws:sts::123456789012")
				.doesNotContain(TOKEN.substring(0, 40))
				.doesNotContain(signatures.seen.toArray(String[]::new));
			assertThat(failure.getMessage()).contains("(HTTP 400)");
			DynamoDbException cause = sdkCause(failure);
			assertThat(cause.statusCode()).isEqualTo(400);
			assertThat(cause.awsErrorDetails().errorCode()).isEqualTo(code);
			assertThat(cause.requestId()).isNotBlank();
			assertThat(cause.numAttempts()).isEqualTo(1); // refused credentials are not retried
		}
	}

	private static <T extends Throwable> Throwable expect(Class<T> type, ThrowingCallable call) {
		Throwable thrown = catchThrowable(call);
		assertThat(thrown).isInstanceOf(type);
		return thrown;
	}

	private static DynamoDbException sdkCause(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof DynamoDbException service) {
				return service;
			}
		}
		throw new AssertionError("No DynamoDbException in the chain of " + failure);
	}

	/**
	 * Everything a log or a caller can get out of an exception: the stack trace with causes and
	 * suppressed exceptions (their {@code toString()}s), each one's messages, and what AWS
	 * exceptions keep besides (error details, raw response).
	 */
	private static String everythingShown(Throwable failure) {
		StringWriter text = new StringWriter();
		failure.printStackTrace(new PrintWriter(text));
		Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
		List<Throwable> pending = new ArrayList<>(List.of(failure));
		while (!pending.isEmpty()) {
			Throwable each = pending.remove(pending.size() - 1);
			if (!seen.add(each)) {
				continue;
			}
			text.append('\n').append(String.valueOf(each)).append('\n').append(each.getMessage()).append('\n')
				.append(each.getLocalizedMessage());
			if (each instanceof AwsServiceException service && service.awsErrorDetails() != null) {
				text.append('\n').append(service.awsErrorDetails().errorMessage()).append('\n')
					.append(String.valueOf(service.awsErrorDetails()));
				if (service.awsErrorDetails().rawResponse() != null) {
					text.append('\n').append(service.awsErrorDetails().rawResponse().asUtf8String());
				}
			}
			if (each.getCause() != null) {
				pending.add(each.getCause());
			}
			pending.addAll(List.of(each.getSuppressed()));
		}
		return text.toString();
	}

	/** Keeps the signature of every request the client sends. */
	private static final class SignatureRecorder implements ExecutionInterceptor {

		private final Set<String> seen = Collections.synchronizedSet(new LinkedHashSet<>());

		@Override
		public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
			context.httpRequest()
				.firstMatchingHeader("Authorization")
				.map((authorization) -> authorization.replaceFirst(".*Signature=", ""))
				.ifPresent(this.seen::add);
		}

	}

}

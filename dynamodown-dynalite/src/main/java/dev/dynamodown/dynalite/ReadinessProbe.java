package dev.dynamodown.dynalite;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

import org.jspecify.annotations.Nullable;

/**
 * Asks a server for {@code ListTables}, the cheapest DynamoDB call, to prove that it answers the
 * DynamoDB protocol (and, with a data directory, that it could open its LevelDB). dynalite checks
 * that a request looks signed, not the signature: a dummy {@code Authorization} header will do.
 */
final class ReadinessProbe {

	private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");

	// One client for all probes: each HttpClient keeps a selector thread until it is collected.
	private static final HttpClient CLIENT = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.proxy(HttpClient.Builder.NO_PROXY)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	private ReadinessProbe() {
	}

	/**
	 * @return {@code null} if the server answered 200, else what went wrong
	 */
	static @Nullable String check(URI endpoint, Duration timeout) throws InterruptedException {
		ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC);
		HttpRequest request = HttpRequest.newBuilder(endpoint)
			.timeout(timeout)
			.header("X-Amz-Target", "DynamoDB_20120810.ListTables")
			.header("Content-Type", "application/x-amz-json-1.0")
			.header("X-Amz-Date", AMZ_DATE.format(now))
			.header("Authorization", "AWS4-HMAC-SHA256 Credential=dynamodown/"
					+ AMZ_DATE.format(now).substring(0, 8)
					+ "/us-east-1/dynamodb/aws4_request, SignedHeaders=host;x-amz-date;x-amz-target, Signature=0")
			.POST(HttpRequest.BodyPublishers.ofString("{}"))
			.build();
		try {
			HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
			return (response.statusCode() == 200) ? null
					: "ListTables answered HTTP " + response.statusCode() + ": " + response.body();
		}
		catch (IOException ex) {
			return "ListTables failed: " + ex;
		}
	}

}

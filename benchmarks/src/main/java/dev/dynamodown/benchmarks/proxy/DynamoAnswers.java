package dev.dynamodown.benchmarks.proxy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.zip.CRC32;

/**
 * Answers as DynamoDB sends them: the throttling error the SDK maps to
 * {@code ProvisionedThroughputExceededException} (and retries as throttling), and changed bodies with the
 * {@code x-amz-crc32} checksum the SDK verifies on every answer.
 */
final class DynamoAnswers {

	static final String JSON_1_0 = "application/x-amz-json-1.0";

	private static final byte[] THROUGHPUT_EXCEEDED = ("{\"__type\":\"com.amazonaws.dynamodb.v20120810"
			+ "#ProvisionedThroughputExceededException\",\"message\":\"The level of configured provisioned throughput"
			+ " for the partition was exceeded (benchmark throughput model)\"}").getBytes(StandardCharsets.UTF_8);

	private DynamoAnswers() {
	}

	/** The operation of a request, from {@code X-Amz-Target: DynamoDB_20120810.PutItem}. */
	static String operation(HttpMessage request) {
		String target = request.header("X-Amz-Target");
		return (target != null) ? target.substring(target.indexOf('.') + 1) : "";
	}

	/** HTTP 400 {@code ProvisionedThroughputExceededException}, as DynamoDB refuses a throttled request. */
	static HttpMessage throughputExceeded() {
		List<String[]> headers = new ArrayList<>(List.of(new String[] { "Content-Type", JSON_1_0 },
				new String[] { "x-amzn-RequestId", UUID.randomUUID().toString() },
				new String[] { "x-amz-crc32", crc32(THROUGHPUT_EXCEEDED) }));
		return new HttpMessage("HTTP/1.1 400 Bad Request", headers, new byte[0]).withBody(THROUGHPUT_EXCEEDED);
	}

	/** An answer of the server's with a changed body and its checksum recomputed. */
	static HttpMessage rewrite(HttpMessage answer, byte[] body) {
		return answer.withBody(body).withHeader("x-amz-crc32", crc32(body));
	}

	private static String crc32(byte[] body) {
		CRC32 crc = new CRC32();
		crc.update(body);
		return Long.toString(crc.getValue());
	}

}

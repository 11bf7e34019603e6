package dev.dynamodown.loopback;

import java.util.List;
import java.util.UUID;
import java.util.zip.CRC32;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Answers as DynamoDB sends them, for a proxy that answers in DynamoDB's place or changes the server's
 * answer: errors whose {@code __type} the AWS SDK maps to the right exception (and retry policy), and bodies
 * with the {@code x-amz-crc32} checksum the SDK verifies on every answer.
 */
public final class DynamoAnswers {

	private static final String JSON_1_0 = "application/x-amz-json-1.0";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private DynamoAnswers() {
	}

	/**
	 * The operation of a request, from {@code X-Amz-Target: DynamoDB_20120810.PutItem}.
	 * @return the operation, e.g. {@code PutItem}, or {@code (none)} for a request without a target
	 */
	public static String operation(HttpMessage request) {
		String target = request.header("X-Amz-Target");
		return (target != null) ? target.substring(target.indexOf('.') + 1) : "(none)";
	}

	/**
	 * An error answer as DynamoDB sends it.
	 * @param status 400, 500 or 503
	 * @param type the {@code __type}, which names the exception, e.g.
	 * {@code com.amazonaws.dynamodb.v20120810#InternalServerError}
	 * @param message the error's message
	 */
	public static HttpMessage error(int status, String type, String message) {
		ObjectNode body = JSON.createObjectNode().put("__type", type).put("message", message);
		return answer(status, JSON.writeValueAsBytes(body));
	}

	/**
	 * HTTP 400 {@code ProvisionedThroughputExceededException}, as DynamoDB refuses a throttled request (the
	 * SDK retries it as throttling).
	 */
	public static HttpMessage throughputExceeded(String message) {
		return error(400, "com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceededException", message);
	}

	/**
	 * An answer the proxy makes up itself, with the headers DynamoDB sends.
	 * @param status 200, 400, 500 or 503
	 * @param body its JSON
	 */
	public static HttpMessage answer(int status, byte[] body) {
		return HttpMessage.response(status, reason(status), List.of(new String[] { "Content-Type", JSON_1_0 },
				new String[] { "x-amzn-RequestId", UUID.randomUUID().toString() },
				new String[] { "x-amz-crc32", crc32(body) }), body);
	}

	/** An answer of the server's with a changed body and its checksum recomputed. */
	public static HttpMessage rewrite(HttpMessage answer, byte[] body) {
		return answer.withBody(body).withHeader("x-amz-crc32", crc32(body));
	}

	private static String reason(int status) {
		return switch (status) {
			case 200 -> "OK";
			case 400 -> "Bad Request";
			case 500 -> "Internal Server Error";
			case 503 -> "Service Unavailable";
			default -> throw new IllegalArgumentException("Not a status DynamoDB answers with: " + status);
		};
	}

	private static String crc32(byte[] body) {
		CRC32 crc = new CRC32();
		crc.update(body);
		return Long.toString(crc.getValue());
	}

}

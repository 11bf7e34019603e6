package dev.dynamodown.reliability.faults;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

import dev.dynamodown.loopback.DynamoAnswers;
import dev.dynamodown.loopback.HttpMessage;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * DynamoDB's JSON protocol, as far as the fault proxy needs it beyond {@link DynamoAnswers}: the
 * answers it makes up for transactions, TTL and authentication failures, and the splitting of
 * batch requests into a forwarded part and a held-back part that is then reported unprocessed.
 */
final class DynamoWire {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private DynamoWire() {
	}

	/**
	 * The answer of DynamoDB to a {@code TransactWriteItems} whose condition failed: HTTP 400
	 * {@code TransactionCanceledException} with one reason per item (only the first one failed).
	 */
	static HttpMessage transactionCancelled() {
		ObjectNode body = JSON.createObjectNode()
			.put("__type", "com.amazonaws.dynamodb.v20120810#TransactionCanceledException")
			.put("Message", "Transaction cancelled, please refer cancellation reasons for specific reasons "
					+ "[ConditionalCheckFailed] (injected)");
		body.putArray("CancellationReasons").addObject().put("Code", "ConditionalCheckFailed");
		return DynamoAnswers.answer(400, JSON.writeValueAsBytes(body));
	}

	/**
	 * A signature or credentials error as AWS sends it, its message made of the request's own
	 * secrets: the canonical request AWS quotes (security token included) and the string to sign,
	 * then what AWS does not quote but a careless endpoint might (the {@code Authorization} header,
	 * a principal ARN, a secret key).
	 * @param signature {@code InvalidSignatureException} if {@code true}, else
	 * {@code UnrecognizedClientException}
	 * @param request the request it answers
	 */
	static HttpMessage authenticationError(boolean signature, HttpMessage request) {
		String token = String.valueOf(request.header("X-Amz-Security-Token"));
		String authorization = String.valueOf(request.header("Authorization"));
		String accessKeyId = authorization.replaceFirst(".*Credential=([^/]*)/.*", "$1");
		String message = signature ? "The request signature we calculated does not match the signature you provided. "
				+ "Check your AWS Secret Access Key and signing method. Consult the service documentation for details."
				+ "\n\nThe Canonical String for this request should have been\n'POST\n/\n\n"
				+ "content-type:application/x-amz-json-1.0\nhost:" + request.header("Host") + "\nx-amz-date:"
				+ request.header("X-Amz-Date") + "\nx-amz-security-token:" + token + "\nx-amz-target:"
				+ request.header("X-Amz-Target") + "\n\ncontent-type;host;x-amz-date;x-amz-security-token;x-amz-target\n"
				+ "0".repeat(64) + "'\n\nThe String-to-Sign should have been\n'AWS4-HMAC-SHA256\n"
				+ request.header("X-Amz-Date") + "\n" + authorization.replaceFirst(".*Credential=[^/]*/([^,]*),.*", "$1")
				+ "\n" + "f".repeat(64) + "'\n\nSent: " + authorization + "; secret " + Fault.PLANTED_SECRET
				: "The security token included in the request is invalid: X-Amz-Security-Token=" + token
						+ " (" + token + "), access key " + accessKeyId + ", principal arn:aws:sts::123456789012:assumed-role/app/"
						+ accessKeyId + ", secret key: " + Fault.PLANTED_SECRET;
		return DynamoAnswers.error(400, "com.amazon.coral.service#" + (signature ? "InvalidSignatureException"
				: "UnrecognizedClientException"), message);
	}

	/** DynamoDB's answer to an {@code UpdateTimeToLive} that enabled TTL: the specification asked for. */
	static HttpMessage timeToLiveEnabled(HttpMessage request) {
		JsonNode specification = JSON.readTree(request.body()).get("TimeToLiveSpecification");
		ObjectNode body = JSON.createObjectNode();
		body.set("TimeToLiveSpecification", specification);
		return DynamoAnswers.answer(200, JSON.writeValueAsBytes(body));
	}

	/**
	 * Splits a {@code BatchWriteItem} or {@code BatchGetItem} request: a random non-empty part
	 * (or everything) is held back.
	 * @param operation the batch operation
	 * @param requestBody the request's JSON
	 * @param random the source of the choice
	 * @param holdAll whether to hold back everything
	 * @return the split
	 */
	static Split split(String operation, byte[] requestBody, Random random, boolean holdAll) {
		ObjectNode request = (ObjectNode) JSON.readTree(requestBody);
		ObjectNode requestItems = (ObjectNode) request.get("RequestItems");
		boolean writes = operation.equals("BatchWriteItem");
		ObjectNode forwardedItems = JSON.createObjectNode();
		ObjectNode held = JSON.createObjectNode();
		int total = 0;
		for (Map.Entry<String, JsonNode> table : requestItems.properties()) {
			ArrayNode entries = (ArrayNode) (writes ? table.getValue() : table.getValue().get("Keys"));
			total += entries.size();
		}
		int mustHold = holdAll ? total : 1 + random.nextInt(Math.max(total, 1));
		List<Integer> order = new ArrayList<>();
		for (int i = 0; i < total; i++) {
			order.add(i);
		}
		Collections.shuffle(order, random);
		boolean[] hold = new boolean[total];
		for (int i = 0; i < mustHold && i < total; i++) {
			hold[order.get(i)] = true;
		}
		int index = 0;
		int heldCount = 0;
		for (Map.Entry<String, JsonNode> table : requestItems.properties()) {
			ArrayNode entries = (ArrayNode) (writes ? table.getValue() : table.getValue().get("Keys"));
			ArrayNode kept = JSON.createArrayNode();
			ArrayNode back = JSON.createArrayNode();
			for (JsonNode entry : entries) {
				if (hold[index++]) {
					back.add(entry);
					heldCount++;
				}
				else {
					kept.add(entry);
				}
			}
			if (writes) {
				if (!kept.isEmpty()) {
					forwardedItems.set(table.getKey(), kept);
				}
				if (!back.isEmpty()) {
					held.set(table.getKey(), back);
				}
			}
			else {
				if (!kept.isEmpty()) {
					forwardedItems.set(table.getKey(), ((ObjectNode) table.getValue().deepCopy()).set("Keys", kept));
				}
				if (!back.isEmpty()) {
					held.set(table.getKey(), ((ObjectNode) table.getValue().deepCopy()).set("Keys", back));
				}
			}
		}
		byte[] forwarded = null;
		if (!forwardedItems.isEmpty()) {
			ObjectNode copy = request.deepCopy();
			copy.set("RequestItems", forwardedItems);
			forwarded = JSON.writeValueAsBytes(copy);
		}
		return new Split(writes, forwarded, held, heldCount);
	}

	/**
	 * A batch request split into what is forwarded and what is held back.
	 * @param writes whether it is a {@code BatchWriteItem}
	 * @param forwardedBody the request to forward, or {@code null} if everything is held back
	 * @param held the held-back items (by table) or keys-and-attributes (by table)
	 * @param heldCount how many items or keys are held back
	 */
	record Split(boolean writes, byte @Nullable [] forwardedBody, ObjectNode held, int heldCount) {

		/** The answer's body: dynalite's (if anything was forwarded) plus the held-back part as unprocessed. */
		byte[] answer(byte @Nullable [] upstreamBody) {
			String unprocessedName = this.writes ? "UnprocessedItems" : "UnprocessedKeys";
			ObjectNode answer = (upstreamBody != null) ? (ObjectNode) JSON.readTree(upstreamBody)
					: JSON.createObjectNode();
			if (!this.writes && !answer.has("Responses")) {
				answer.putObject("Responses");
			}
			ObjectNode unprocessed = answer.has(unprocessedName) ? (ObjectNode) answer.get(unprocessedName)
					: answer.putObject(unprocessedName);
			for (Map.Entry<String, JsonNode> table : this.held.properties()) {
				JsonNode existing = unprocessed.get(table.getKey());
				if (existing == null) {
					unprocessed.set(table.getKey(), table.getValue());
				}
				else if (this.writes) {
					((ArrayNode) existing).addAll((ArrayNode) table.getValue());
				}
				else {
					((ArrayNode) existing.get("Keys")).addAll((ArrayNode) table.getValue().get("Keys"));
				}
			}
			return JSON.writeValueAsBytes(answer);
		}

	}

}

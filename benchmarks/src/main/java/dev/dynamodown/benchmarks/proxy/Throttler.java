package dev.dynamodown.benchmarks.proxy;

import java.io.IOException;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.dynamodown.loopback.DynamoAnswers;
import dev.dynamodown.loopback.HttpMessage;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Applies a {@link PartitionThroughput} to one request, answering beyond the limit as DynamoDB does:
 * <ul>
 * <li>{@code PutItem} (units of the item written), {@code DeleteItem} and {@code UpdateItem} (one unit: the
 * proxy does not know the size of the item they replace), {@code GetItem} and {@code Query}: the whole
 * request is refused with HTTP 400 {@code ProvisionedThroughputExceededException}, which the SDK retries as
 * throttling;</li>
 * <li>{@code BatchWriteItem} and {@code BatchGetItem}: each item or key is admitted or not on its own
 * partition; the admitted ones are forwarded, the others returned in {@code UnprocessedItems} /
 * {@code UnprocessedKeys} (the answer's checksum recomputed), and only a batch of which nothing was admitted
 * is refused with the error.</li>
 * </ul>
 * Reads are admitted on their minimum (one unit, half eventually consistent) and charged the rest from the
 * answer: {@code GetItem} and {@code BatchGetItem} by the size of each item returned, {@code Query} by the
 * units the server reports for the items it <em>read</em> (dynalite computes them like DynamoDB: their
 * total size rounded up to 4 KB), so that a keys-only or {@code COUNT} Query costs what it costs on
 * DynamoDB. For that the proxy asks for {@code ReturnConsumedCapacity: TOTAL} when the client did not, and
 * leaves the figure in the answer. A changed request no longer matches its signature: the model is for
 * servers that check none, such as dynalite. Other operations ({@code DescribeTable}, {@code Scan},
 * queries of an index, transactions) pass unmetered.
 */
final class Throttler {

	/** Sends a request to the server and returns its answer. */
	@FunctionalInterface
	interface Upstream {

		HttpMessage send(HttpMessage request) throws IOException;

	}

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** {@code name = :value} (or the other way round) in a key condition expression. */
	private static final Pattern EQUALITY = Pattern.compile("([#:]?[A-Za-z0-9_.]+)\\s*=\\s*([#:]?[A-Za-z0-9_.]+)");

	private final PartitionThroughput model;

	Throttler(PartitionThroughput model) {
		this.model = model;
	}

	HttpMessage exchange(HttpMessage request, Upstream upstream) throws IOException {
		return switch (DynamoAnswers.operation(request)) {
			case "PutItem" -> write(request, upstream, "Item", true);
			case "DeleteItem", "UpdateItem" -> write(request, upstream, "Key", false);
			case "GetItem" -> getItem(request, upstream);
			case "Query" -> query(request, upstream);
			case "BatchWriteItem" -> batchWrite(request, upstream);
			case "BatchGetItem" -> batchGet(request, upstream);
			default -> upstream.send(request);
		};
	}

	private HttpMessage write(HttpMessage request, Upstream upstream, String itemField, boolean sized) throws IOException {
		JsonNode body = JSON.readTree(request.body());
		JsonNode item = body.get(itemField);
		long units = ItemSizes.writeUnits(sized ? ItemSizes.size(item) : 0);
		if (!this.model.tryWrite(table(body), partition(item), units)) {
			return throttled();
		}
		return upstream.send(request);
	}

	private HttpMessage getItem(HttpMessage request, Upstream upstream) throws IOException {
		JsonNode body = JSON.readTree(request.body());
		String table = table(body);
		String partition = partition(body.get("Key"));
		boolean consistent = body.path("ConsistentRead").asBoolean(false);
		long minimum = ItemSizes.minimumReadUnits(consistent);
		if (!this.model.tryRead(table, partition, minimum)) {
			return throttled();
		}
		HttpMessage answer = upstream.send(request);
		if (answer.status() == 200) {
			JsonNode item = JSON.readTree(answer.body()).get("Item");
			if (item != null) {
				this.model.chargeRead(table, partition, ItemSizes.readUnits(ItemSizes.size(item), consistent) - minimum);
			}
		}
		return answer;
	}

	private HttpMessage query(HttpMessage request, Upstream upstream) throws IOException {
		ObjectNode body = (ObjectNode) JSON.readTree(request.body());
		if (body.has("IndexName")) {
			return upstream.send(request);
		}
		String table = table(body);
		String partition = queryPartition(body);
		long minimum = ItemSizes.minimumReadUnits(body.path("ConsistentRead").asBoolean(false));
		if (!this.model.tryRead(table, partition, minimum)) {
			return throttled();
		}
		String asked = body.path("ReturnConsumedCapacity").asString("NONE");
		HttpMessage forwarded = (asked.equals("TOTAL") || asked.equals("INDEXES")) ? request
				: request.withBody(JSON.writeValueAsBytes(body.put("ReturnConsumedCapacity", "TOTAL")));
		HttpMessage answer = upstream.send(forwarded);
		if (answer.status() == 200) {
			this.model.chargeRead(table, partition, consumedUnits(answer.body()) - minimum);
		}
		return answer;
	}

	private HttpMessage batchWrite(HttpMessage request, Upstream upstream) throws IOException {
		ObjectNode body = (ObjectNode) JSON.readTree(request.body());
		Split split = new Split();
		for (Map.Entry<String, JsonNode> table : body.get("RequestItems").properties()) {
			ArrayNode kept = JSON.createArrayNode();
			ArrayNode held = JSON.createArrayNode();
			for (JsonNode write : table.getValue()) {
				JsonNode put = write.get("PutRequest");
				JsonNode item = (put != null) ? put.get("Item") : write.get("DeleteRequest").get("Key");
				long units = ItemSizes.writeUnits((put != null) ? ItemSizes.size(item) : 0);
				(this.model.tryWrite(table.getKey(), partition(item), units) ? kept : held).add(write);
			}
			split.add(table.getKey(), kept, held, kept, held);
		}
		if (split.heldCount == 0) {
			return upstream.send(request);
		}
		if (split.keptCount == 0) {
			return throttled();
		}
		HttpMessage answer = upstream.send(request.withBody(JSON.writeValueAsBytes(body.set("RequestItems", split.kept))));
		if (answer.status() != 200) {
			return answer;
		}
		this.model.countUnprocessed(split.heldCount);
		ObjectNode result = (ObjectNode) JSON.readTree(answer.body());
		addUnprocessed(result, "UnprocessedItems", split.held, true);
		return DynamoAnswers.rewrite(answer, JSON.writeValueAsBytes(result));
	}

	private HttpMessage batchGet(HttpMessage request, Upstream upstream) throws IOException {
		ObjectNode body = (ObjectNode) JSON.readTree(request.body());
		Split split = new Split();
		for (Map.Entry<String, JsonNode> table : body.get("RequestItems").properties()) {
			long minimum = ItemSizes.minimumReadUnits(table.getValue().path("ConsistentRead").asBoolean(false));
			ArrayNode kept = JSON.createArrayNode();
			ArrayNode held = JSON.createArrayNode();
			for (JsonNode key : table.getValue().get("Keys")) {
				(this.model.tryRead(table.getKey(), partition(key), minimum) ? kept : held).add(key);
			}
			ObjectNode keptKeys = ((ObjectNode) table.getValue().deepCopy()).set("Keys", kept);
			ObjectNode heldKeys = ((ObjectNode) table.getValue().deepCopy()).set("Keys", held);
			split.add(table.getKey(), keptKeys, heldKeys, kept, held);
		}
		if (split.heldCount > 0 && split.keptCount == 0) {
			return throttled();
		}
		HttpMessage answer = (split.heldCount == 0) ? upstream.send(request)
				: upstream.send(request.withBody(JSON.writeValueAsBytes(body.set("RequestItems", split.kept))));
		if (answer.status() != 200) {
			return answer;
		}
		ObjectNode result = (ObjectNode) JSON.readTree(answer.body());
		for (Map.Entry<String, JsonNode> table : result.path("Responses").properties()) {
			boolean consistent = body.get("RequestItems").get(table.getKey()).path("ConsistentRead").asBoolean(false);
			long minimum = ItemSizes.minimumReadUnits(consistent);
			for (JsonNode item : table.getValue()) {
				JsonNode hash = item.get(this.model.hashKey());
				if (hash != null) {
					this.model.chargeRead(table.getKey(), partition(item),
							ItemSizes.readUnits(ItemSizes.size(item), consistent) - minimum);
				}
			}
		}
		if (split.heldCount == 0) {
			return answer;
		}
		this.model.countUnprocessed(split.heldCount);
		addUnprocessed(result, "UnprocessedKeys", split.held, false);
		return DynamoAnswers.rewrite(answer, JSON.writeValueAsBytes(result));
	}

	private HttpMessage throttled() {
		this.model.countThrottledRequest();
		return DynamoAnswers.throughputExceeded(
				"The level of configured provisioned throughput for the partition was exceeded (benchmark throughput model)");
	}

	private String partition(JsonNode itemOrKey) {
		JsonNode hash = itemOrKey.get(this.model.hashKey());
		if (hash == null || hash.get("S") == null) {
			throw new IllegalArgumentException("The throughput model's hash key '" + this.model.hashKey()
					+ "' is no string attribute of " + itemOrKey);
		}
		return hash.get("S").asString();
	}

	/** The partition a Query reads: the value its key condition requires of the hash key. */
	private String queryPartition(JsonNode body) {
		JsonNode conditions = body.get("KeyConditions");
		if (conditions != null && conditions.has(this.model.hashKey())) {
			return conditions.get(this.model.hashKey()).get("AttributeValueList").get(0).get("S").asString();
		}
		Matcher equality = EQUALITY.matcher(body.path("KeyConditionExpression").asString(""));
		while (equality.find()) {
			boolean valueFirst = equality.group(1).startsWith(":");
			String name = equality.group(valueFirst ? 2 : 1);
			String value = equality.group(valueFirst ? 1 : 2);
			String attribute = name.startsWith("#") ? body.get("ExpressionAttributeNames").get(name).asString() : name;
			if (attribute.equals(this.model.hashKey()) && value.startsWith(":")) {
				return body.get("ExpressionAttributeValues").get(value).get("S").asString();
			}
		}
		throw new IllegalArgumentException("Query without an equality on the hash key '" + this.model.hashKey() + "': " + body);
	}

	private static String table(JsonNode body) {
		return body.get("TableName").asString();
	}

	/** {@code ConsumedCapacity.CapacityUnits} of a Query answer, in millionths; the items are skipped unread. */
	private static long consumedUnits(byte[] answer) {
		try (JsonParser parser = JSON.createParser(answer)) {
			parser.nextToken();
			while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
				String name = parser.currentName();
				parser.nextToken();
				if (name.equals("ConsumedCapacity")) {
					while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
						String field = parser.currentName();
						parser.nextToken();
						if (field.equals("CapacityUnits")) {
							return Math.round(parser.getValueAsDouble() * ItemSizes.UNIT);
						}
						parser.skipChildren();
					}
				}
				parser.skipChildren();
			}
		}
		throw new IllegalStateException("The server's Query answer reports no consumed capacity");
	}

	/** Adds the held-back entries to an answer's unprocessed ones. */
	private static void addUnprocessed(ObjectNode answer, String field, ObjectNode held, boolean writes) {
		JsonNode present = answer.get(field);
		ObjectNode unprocessed = (present instanceof ObjectNode object) ? object : answer.putObject(field);
		for (Map.Entry<String, JsonNode> table : held.properties()) {
			JsonNode existing = unprocessed.get(table.getKey());
			if (existing == null) {
				unprocessed.set(table.getKey(), table.getValue());
			}
			else if (writes) {
				((ArrayNode) existing).addAll((ArrayNode) table.getValue());
			}
			else {
				((ArrayNode) existing.get("Keys")).addAll((ArrayNode) table.getValue().get("Keys"));
			}
		}
	}

	/** A batch's entries split by table into the admitted and the held-back ones. */
	private static final class Split {

		final ObjectNode kept = JSON.createObjectNode();

		final ObjectNode held = JSON.createObjectNode();

		int keptCount;

		int heldCount;

		/** Adds a table's parts: what to forward and hold ({@code keptPart}, {@code heldPart}), and their entries. */
		void add(String table, JsonNode keptPart, JsonNode heldPart, ArrayNode keptEntries, ArrayNode heldEntries) {
			if (!keptEntries.isEmpty()) {
				this.kept.set(table, keptPart);
				this.keptCount += keptEntries.size();
			}
			if (!heldEntries.isEmpty()) {
				this.held.set(table, heldPart);
				this.heldCount += heldEntries.size();
			}
		}

	}

}

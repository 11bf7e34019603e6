package dev.dynamodown.benchmarks.store;

import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSortKey;

/**
 * The entity Spring Cloud AWS maps: the same item layout as the other contenders ({@code ns}, {@code k},
 * {@code value}), declared the way its documentation shows (an enhanced-client bean).
 */
@DynamoDbBean
public class SpringCloudAwsItem {

	private String ns;

	private String k;

	private String value;

	public SpringCloudAwsItem() {
	}

	SpringCloudAwsItem(String ns, String k, String value) {
		this.ns = ns;
		this.k = k;
		this.value = value;
	}

	@DynamoDbPartitionKey
	public String getNs() {
		return this.ns;
	}

	public void setNs(String ns) {
		this.ns = ns;
	}

	@DynamoDbSortKey
	public String getK() {
		return this.k;
	}

	public void setK(String k) {
		this.k = k;
	}

	public String getValue() {
		return this.value;
	}

	public void setValue(String value) {
		this.value = value;
	}

}

package dev.dynamodown.reliability;

import java.util.Map;

import dev.dynamodown.Api;
import dev.dynamodown.Clients;
import dev.dynamodown.DynamoDownException;
import dev.dynamodown.DynamoDownOptions;
import dev.dynamodown.Stores;
import dev.dynamodown.reliability.faults.Fault;
import dev.dynamodown.reliability.faults.FaultLog;
import dev.dynamodown.reliability.faults.FaultPlan;
import dev.dynamodown.reliability.faults.FaultProxy;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@code createTableIfMissing} enables DynamoDB's TTL on the expiry attribute of a table it
 * creates: dynalite has no TTL and refuses the request as an unknown operation, which is
 * tolerated (reads enforce expiry alone); here the proxy answers as DynamoDB does, or fails.
 */
@ParameterizedClass
@EnumSource(Api.class)
class TimeToLiveTest {

	@Parameter
	Api api;

	private static final FaultProxy proxy = FaultProxy.start(ReliabilitySupport.dynalite(), 29);

	private static Clients faulty;

	private static DynamoDbClient direct;

	private static Map<Api, Stores> stores;

	@BeforeAll
	static void open() {
		direct = ReliabilitySupport.directClient();
		faulty = ReliabilitySupport.faultyClients(proxy.endpoint(), 2);
		stores = ReliabilitySupport.open(faulty, DynamoDownOptions.builder().expiryAttribute("ttl").build());
	}

	@AfterAll
	static void close() {
		ReliabilitySupport.close(stores);
		faulty.close();
		direct.close();
		proxy.close();
	}

	@AfterEach
	void proxyHadNoErrors() {
		assertThat(proxy.errors()).isEmpty();
		proxy.plan(FaultPlan.none());
		proxy.log().clear();
	}

	@Test
	void aTableItCreatesGetsTtlOnTheExpiryAttribute() {
		proxy.plan(FaultPlan.always("UpdateTimeToLive", Fault.TIME_TO_LIVE_ENABLED));
		String table = "ttl-enabled-" + this.api + "-" + System.nanoTime();
		stores.get(this.api).createTableIfMissing(table);
		assertThat(proxy.log().entries("UpdateTimeToLive")).singleElement().satisfies((sent) -> {
			assertThat(sent.fault()).isEqualTo(Fault.TIME_TO_LIVE_ENABLED);
			assertThat(sent.body()).contains("\"TableName\":\"" + table + "\"")
				.contains("\"AttributeName\":\"ttl\"")
				.contains("\"Enabled\":true");
		});
		proxy.log().clear();
		stores.get(this.api).createTableIfMissing(table);
		assertThat(proxy.log().entries("UpdateTimeToLive")).as("an existing table is left as it is").isEmpty();
	}

	@Test
	void anEndpointWithoutTtlIsTolerated() {
		String table = "ttl-unknown-" + this.api + "-" + System.nanoTime();
		stores.get(this.api).createTableIfMissing(table);
		assertThat(proxy.log().entries("UpdateTimeToLive")).extracting(FaultLog.Entry::fault)
			.as("forwarded to dynalite, which refuses it once, not retried")
			.containsExactly(Fault.NONE);
		assertThat(direct.describeTable((r) -> r.tableName(table)).table().tableStatus()).isEqualTo(TableStatus.ACTIVE);
	}

	@Test
	void anyOtherRefusalFailsTheCallSayingTheTableWasCreated() {
		proxy.plan(FaultPlan.always("UpdateTimeToLive", Fault.INTERNAL_ERROR));
		String table = "ttl-failed-" + this.api + "-" + System.nanoTime();
		assertThatExceptionOfType(DynamoDownException.class)
			.isThrownBy(() -> stores.get(this.api).createTableIfMissing(table))
			.withMessageStartingWith("Created table '" + table + "' but could not enable TTL on 'ttl': ");
		assertThat(direct.describeTable((r) -> r.tableName(table)).table().tableStatus()).isEqualTo(TableStatus.ACTIVE);
	}

}

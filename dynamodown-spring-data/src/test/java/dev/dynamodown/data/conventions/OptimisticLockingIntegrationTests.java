package dev.dynamodown.data.conventions;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import dev.dynamodown.data.RequestLog;
import dev.dynamodown.data.core.DynamoDownKeyValueTemplate;
import dev.dynamodown.data.core.StaleEntitiesException;
import dev.dynamodown.data.sample.Account;
import dev.dynamodown.data.sample.AccountRepository;
import dev.dynamodown.data.sample.Counter;
import dev.dynamodown.data.sample.CounterRepository;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.InvalidDataAccessApiUsageException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * {@code insert} and {@code @Version} optimistic locking against dynalite: one conditional write
 * per entity, never a read first; a stale version writes nothing.
 */
@SpringJUnitConfig(ConventionsTestConfiguration.class)
@TestPropertySource(properties = "dynamodown.table=repositories")
class OptimisticLockingIntegrationTests {

	@Autowired
	AccountRepository accounts;

	@Autowired
	CounterRepository counters;

	@Autowired
	DynamoDownKeyValueTemplate template;

	@Autowired
	RequestLog requests;

	@BeforeEach
	void clear() {
		this.accounts.deleteAllById(this.accounts.findAll().stream().map(Account::key).toList());
		this.counters.deleteAllById(this.counters.findAll().stream().map(Counter::getKey).toList());
		this.requests.clear();
	}

	@Test
	void insertIsOneConditionalWriteAndADuplicateWritesNothing() {
		this.template.insert(new Account("a", null, 10));
		assertThatExceptionOfType(DuplicateKeyException.class)
			.isThrownBy(() -> this.template.insert(new Account("a", null, 99)));
		assertThat(this.requests.requests(PutItemRequest.class)).hasSize(2)
			.allSatisfy((put) -> assertThat(put.conditionExpression()).isNotNull());
		assertThat(this.requests.requests(GetItemRequest.class)).isEmpty();
		assertThat(this.accounts.findById("a")).map(Account::balance).contains(10L);
	}

	@Test
	void insertOfAKeylessEntityIsInvalidApiUsage() {
		assertThatExceptionOfType(InvalidDataAccessApiUsageException.class)
			.isThrownBy(() -> this.template.insert(new Account(null, null, 1)))
			.withMessageContaining("does not generate keys");
		assertThat(this.requests.requests()).isEmpty();
	}

	@Test
	void eachSaveChecksAndIncrementsTheVersionWithOneConditionalWrite() {
		Account first = this.accounts.save(new Account("a", null, 10));
		assertThat(first.version()).isZero();
		Account second = this.accounts.save(first.withBalance(20));
		assertThat(second.version()).isEqualTo(1);
		assertThat(this.accounts.findById("a")).contains(new Account("a", 1L, 20));
		assertThat(this.requests.requests(PutItemRequest.class)).hasSize(2)
			.allSatisfy((put) -> assertThat(put.conditionExpression()).isNotNull());
	}

	@Test
	void aPrimitiveVersionStartsAtOne() {
		Counter saved = this.counters.save(new Counter("c", 1));
		assertThat(saved.getVersion()).isEqualTo(1);
		saved.setCount(2);
		assertThat(this.counters.save(saved).getVersion()).isEqualTo(2);
		assertThat(this.counters.findById("c")).get().extracting(Counter::getVersion, Counter::getCount)
			.containsExactly(2, 2);
	}

	@Test
	void aStaleSaveThrowsAndWritesNothing() {
		Account first = this.accounts.save(new Account("a", null, 10));
		this.accounts.save(first.withBalance(20));
		assertThatExceptionOfType(OptimisticLockingFailureException.class)
			.isThrownBy(() -> this.accounts.save(first.withBalance(30)))
			.withMessageContaining("'a'");
		assertThatExceptionOfType(OptimisticLockingFailureException.class)
			.isThrownBy(() -> this.accounts.save(new Account("a", null, 40)));
		assertThat(this.accounts.findById("a")).contains(new Account("a", 1L, 20));
	}

	@Test
	void deleteChecksTheVersion() {
		Account first = this.accounts.save(new Account("a", null, 10));
		Account second = this.accounts.save(first.withBalance(20));
		assertThatExceptionOfType(OptimisticLockingFailureException.class).isThrownBy(() -> this.accounts.delete(first));
		assertThat(this.accounts.findById("a")).isPresent();
		this.accounts.delete(second);
		assertThat(this.accounts.findById("a")).isEmpty();
		assertThat(this.requests.requests(DeleteItemRequest.class)).hasSize(2)
			.allSatisfy((delete) -> assertThat(delete.conditionExpression()).isNotNull());
	}

	@Test
	void saveAllSendsOneConditionalWritePerEntityAndReportsTheStaleOnes() {
		Account stale = this.accounts.save(new Account("b", null, 1));
		this.accounts.save(stale.withBalance(2));
		this.requests.clear();
		List<Account> saved = this.accounts.saveAll(List.of(new Account("a", null, 10), new Account("c", null, 30)));
		assertThat(saved).extracting(Account::version).containsExactly(0L, 0L);
		StaleEntitiesException failure = catchThrowableOfType(StaleEntitiesException.class, () -> this.accounts.saveAll(List.of(saved.get(0).withBalance(11),
						stale.withBalance(3), saved.get(1).withBalance(31))));
		assertThat(failure.getStaleKeys()).containsExactly("b");
		assertThat(this.accounts.findAllById(List.of("a", "b", "c"))).containsExactly(new Account("a", 1L, 11),
				new Account("b", 1L, 2), new Account("c", 1L, 31));
		assertThat(this.requests.requests(BatchWriteItemRequest.class)).isEmpty();
		assertThat(this.requests.requests(PutItemRequest.class)).hasSize(5);
	}

	@Test
	void deleteAllOfVersionedEntitiesChecksEachVersion() {
		Account a = this.accounts.save(new Account("a", null, 1));
		Account b = this.accounts.save(new Account("b", null, 2));
		this.accounts.save(b.withBalance(3));
		StaleEntitiesException failure = catchThrowableOfType(StaleEntitiesException.class, () -> this.accounts.deleteAll(List.of(a, b)));
		assertThat(failure.getStaleKeys()).containsExactly("b");
		assertThat(this.accounts.findAll()).containsExactly(new Account("b", 1L, 3));
	}

	@Test
	void eightConcurrentSavesOfOneVersionHaveExactlyOneWinner() throws Exception {
		Account current = this.accounts.save(new Account("contended", null, 0));
		ExecutorService threads = Executors.newFixedThreadPool(8);
		try {
			for (int round = 0; round < 5; round++) {
				Account base = current;
				CountDownLatch start = new CountDownLatch(1);
				List<Future<Account>> saves = new ArrayList<>();
				for (int writer = 0; writer < 8; writer++) {
					long balance = round * 100L + writer;
					saves.add(threads.submit(() -> {
						start.await();
						try {
							return this.accounts.save(base.withBalance(balance));
						}
						catch (OptimisticLockingFailureException stale) {
							return null;
						}
					}));
				}
				start.countDown();
				List<Account> winners = new ArrayList<>();
				for (Future<Account> save : saves) {
					Account won = save.get(30, TimeUnit.SECONDS);
					if (won != null) {
						winners.add(won);
					}
				}
				assertThat(winners).as("winners of version %d", base.version()).hasSize(1);
				current = winners.get(0);
				assertThat(current.version()).isEqualTo(base.version() + 1);
				assertThat(this.accounts.findById("contended")).contains(current);
			}
		}
		finally {
			threads.shutdownNow();
		}
	}

}

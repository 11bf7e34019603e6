package dev.dynamodown.data.core;

import java.util.List;

import dev.dynamodown.BatchOperation;
import dev.dynamodown.BatchOperation.Kind;
import dev.dynamodown.BatchWriteException;
import org.junit.jupiter.api.Test;

import org.springframework.dao.DataRetrievalFailureException;
import org.springframework.data.keyvalue.core.UncategorizedKeyValueException;

import static org.assertj.core.api.Assertions.assertThat;

class DynamoDownExceptionTranslatorTests {

	private final DynamoDownExceptionTranslator translator = new DynamoDownExceptionTranslator();

	@Test
	void badInputIsNotTranslated() {
		assertThat(this.translator.translateExceptionIfPossible(new IllegalArgumentException("bad key"))).isNull();
		assertThat(this.translator.translateExceptionIfPossible(new NullPointerException("'key' must not be null")))
			.isNull();
	}

	@Test
	void dynamoDownExceptionsAreNotTranslated() {
		BatchWriteException failure = new BatchWriteException("2 writes failed",
				List.of(new BatchOperation(Kind.PUT, "a")), 3, null);
		assertThat(this.translator.translateExceptionIfPossible(failure)).isNull();
	}

	@Test
	void otherExceptionsAreTranslatedAsKeyValueTranslatesThem() {
		assertThat(this.translator.translateExceptionIfPossible(new IllegalStateException("state")))
			.isInstanceOf(DataRetrievalFailureException.class);
		assertThat(this.translator.translateExceptionIfPossible(new UnsupportedOperationException("no")))
			.isInstanceOf(UncategorizedKeyValueException.class);
	}

}

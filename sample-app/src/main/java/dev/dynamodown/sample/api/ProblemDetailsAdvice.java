package dev.dynamodown.sample.api;

import java.util.Locale;

import dev.dynamodown.BatchOperation;
import dev.dynamodown.BatchWriteException;
import dev.dynamodown.DynamoDownException;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Answers the store's exceptions as RFC 9457 problem details, never a stack trace. The
 * framework's own errors (unreadable body, wrong parameter type, 404s raised as
 * {@code ResponseStatusException}) are answered the same way by Spring Boot's handler
 * ({@code spring.mvc.problemdetails.enabled}).
 */
@RestControllerAdvice
class ProblemDetailsAdvice {

	/**
	 * A bad key, range or body: the library and the API check input before any request,
	 * so this is always the caller's mistake.
	 */
	@ExceptionHandler
	ProblemDetail badRequest(IllegalArgumentException ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage());
	}

	/**
	 * A batch that DynamoDB did not fully apply even after retries; the batch is not atomic,
	 * so the answer lists what may not have been written.
	 */
	@ExceptionHandler
	ProblemDetail batchNotApplied(BatchWriteException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, ex.getMessage());
		problem.setTitle("Batch not fully applied");
		problem.setProperty("applied", ex.applied());
		problem.setProperty("unapplied", ex.unapplied().stream().map(Unapplied::of).toList());
		return problem;
	}

	/** DynamoDB failed or could not be reached; the message carries no credentials. */
	@ExceptionHandler
	ProblemDetail storeUnavailable(DynamoDownException ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, ex.getMessage());
	}

	/** An operation of a failed batch, as the batch request spelled it. */
	private record Unapplied(String op, String key) {

		static Unapplied of(BatchOperation operation) {
			return new Unapplied(operation.kind().name().toLowerCase(Locale.ROOT), operation.key());
		}

	}

}

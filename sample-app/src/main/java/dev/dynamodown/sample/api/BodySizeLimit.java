package dev.dynamodown.sample.api;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Bounds request bodies to {@value #MAX_BYTES} bytes, checked on the {@code Content-Length}
 * before the handler reads anything: over it, 413 ({@code Content Too Large}); a body without a
 * length (chunked), 411 ({@code Length Required}), so that no body is read without a known
 * bound. Both are problem details. One DynamoDB item holds at most 400 KB, so a value's JSON fits
 * with room to spare.
 */
class BodySizeLimit implements HandlerInterceptor {

	/** The largest body accepted, in bytes: 1 MiB. */
	static final long MAX_BYTES = 1024 * 1024;

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		long length = request.getContentLengthLong();
		if (length > MAX_BYTES) {
			throw new ResponseStatusException(HttpStatus.CONTENT_TOO_LARGE,
					"The body is " + length + " bytes; at most " + MAX_BYTES + " are accepted");
		}
		if (length < 0 && request.getHeader("Transfer-Encoding") != null) {
			throw new ResponseStatusException(HttpStatus.LENGTH_REQUIRED,
					"Send the body with a Content-Length (at most " + MAX_BYTES + " bytes), not chunked");
		}
		return true;
	}

}

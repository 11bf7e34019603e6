package dev.dynamodown.sample.api;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Refuses an API path that would address another key than the one written: keys travel
 * percent-encoded, and two characters must never travel raw in a segment.
 * <ul>
 * <li>A raw {@code ;} starts path parameters, which Spring MVC (like the servlet spec) drops:
 * {@code PUT /api/notes/a;b} would write key {@code a}. Send {@code %3B}.</li>
 * <li>A raw {@code .} or {@code ..} segment is a directory step for every URL resolver, not a
 * key. Send {@code %2E} / {@code %2E%2E} (browsers resolve those too: a page cannot address the
 * keys {@code .} and {@code ..}).</li>
 * </ul>
 * Checked on the path exactly as the client sent it, before the handler reads anything; the
 * refusal is a 400 problem detail.
 */
class RawPathCheck implements HandlerInterceptor {

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		for (String segment : path.split("/", -1)) {
			if (segment.indexOf(';') >= 0) {
				throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "A ';' in the path must be percent-encoded "
						+ "(%3B): unencoded it starts path parameters, which are not part of the key");
			}
			if (segment.equals(".") || segment.equals("..")) {
				throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "The path segment '" + segment
						+ "' is a directory step, not a key: percent-encode a key '.' or '..' as %2E or %2E%2E");
			}
		}
		return true;
	}

}

package dev.dynamodown.reliability.faults;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * One HTTP/1.1 request or response as the fault proxy handles it: start line, headers in their
 * order, and the whole body (read by {@code Content-Length} or de-chunked). Only what the AWS SDK
 * and dynalite exchange is supported; anything else fails loudly rather than being mangled.
 */
final class HttpMessage {

	private final String startLine;

	private final List<String[]> headers;

	private final byte[] body;

	private HttpMessage(String startLine, List<String[]> headers, byte[] body) {
		this.startLine = startLine;
		this.headers = headers;
		this.body = body;
	}

	/** A response the proxy makes up itself. */
	static HttpMessage response(int status, String reason, List<String[]> headers, byte[] body) {
		List<String[]> all = new ArrayList<>(headers);
		all.add(new String[] { "Content-Length", Integer.toString(body.length) });
		return new HttpMessage("HTTP/1.1 " + status + " " + reason, all, body);
	}

	/**
	 * Reads one message.
	 * @return the message, or {@code null} if the stream ended cleanly before its first byte
	 * @throws IOException if the stream fails or ends inside the message
	 */
	static @Nullable HttpMessage read(InputStream in) throws IOException {
		String startLine = readLine(in, true);
		if (startLine == null) {
			return null;
		}
		List<String[]> headers = new ArrayList<>();
		for (String line = readLine(in, false); !line.isEmpty(); line = readLine(in, false)) {
			int colon = line.indexOf(':');
			headers.add(new String[] { line.substring(0, colon).trim(), line.substring(colon + 1).trim() });
		}
		HttpMessage head = new HttpMessage(startLine, headers, new byte[0]);
		if ("chunked".equalsIgnoreCase(head.header("Transfer-Encoding"))) {
			return head.withBody(readChunked(in));
		}
		String length = head.header("Content-Length");
		return new HttpMessage(startLine, headers, (length != null) ? readFully(in, Integer.parseInt(length)) : new byte[0]);
	}

	String startLine() {
		return this.startLine;
	}

	/** The status code of a response. */
	int status() {
		return Integer.parseInt(this.startLine.split(" ", 3)[1]);
	}

	byte[] body() {
		return this.body;
	}

	/** A header's value (names compare case-insensitively), or {@code null}. */
	@Nullable String header(String name) {
		for (String[] header : this.headers) {
			if (header[0].equalsIgnoreCase(name)) {
				return header[1];
			}
		}
		return null;
	}

	/** This message with another body: {@code Content-Length} follows, chunking is dropped. */
	HttpMessage withBody(byte[] newBody) {
		List<String[]> kept = new ArrayList<>();
		for (String[] header : this.headers) {
			String name = header[0].toLowerCase(Locale.ROOT);
			if (!name.equals("content-length") && !name.equals("transfer-encoding")) {
				kept.add(header);
			}
		}
		kept.add(new String[] { "Content-Length", Integer.toString(newBody.length) });
		return new HttpMessage(this.startLine, kept, newBody);
	}

	/** This message with a header replaced (or added). */
	HttpMessage withHeader(String name, String value) {
		List<String[]> kept = new ArrayList<>();
		for (String[] header : this.headers) {
			if (!header[0].equalsIgnoreCase(name)) {
				kept.add(header);
			}
		}
		kept.add(new String[] { name, value });
		return new HttpMessage(this.startLine, kept, this.body);
	}

	/** This message without a header. */
	HttpMessage withoutHeader(String name) {
		List<String[]> kept = new ArrayList<>(this.headers);
		kept.removeIf((header) -> header[0].equalsIgnoreCase(name));
		return new HttpMessage(this.startLine, kept, this.body);
	}

	void write(OutputStream out) throws IOException {
		StringBuilder head = new StringBuilder(this.startLine).append("\r\n");
		for (String[] header : this.headers) {
			head.append(header[0]).append(": ").append(header[1]).append("\r\n");
		}
		head.append("\r\n");
		out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
		out.write(this.body);
		out.flush();
	}

	private static byte[] readChunked(InputStream in) throws IOException {
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		while (true) {
			String sizeLine = readLine(in, false);
			int semicolon = sizeLine.indexOf(';');
			int size = Integer.parseInt((semicolon >= 0) ? sizeLine.substring(0, semicolon).trim() : sizeLine.trim(), 16);
			if (size == 0) {
				while (!readLine(in, false).isEmpty()) {
					// trailers: none expected, skipped
				}
				return body.toByteArray();
			}
			body.write(readFully(in, size));
			readLine(in, false);
		}
	}

	private static byte[] readFully(InputStream in, int length) throws IOException {
		byte[] bytes = in.readNBytes(length);
		if (bytes.length < length) {
			throw new EOFException("Body ended after " + bytes.length + " of " + length + " bytes");
		}
		return bytes;
	}

	private static @Nullable String readLine(InputStream in, boolean mayEnd) throws IOException {
		ByteArrayOutputStream line = new ByteArrayOutputStream();
		int previous = -1;
		while (true) {
			int b = in.read();
			if (b < 0) {
				if (mayEnd && line.size() == 0) {
					return null;
				}
				throw new EOFException("Stream ended inside an HTTP message");
			}
			if (previous == '\r' && b == '\n') {
				byte[] bytes = line.toByteArray();
				return new String(bytes, 0, bytes.length - 1, StandardCharsets.ISO_8859_1);
			}
			line.write(b);
			previous = b;
		}
	}

}

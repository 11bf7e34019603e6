package dev.dynamodown.sample;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * An HTTP/1.1 client on a plain socket that sends the request target exactly as given: no
 * normalisation, no re-encoding, no checks (unlike {@code java.net.URI} and browsers, which
 * resolve dot segments or refuse malformed escapes). One request per connection
 * ({@code Connection: close}).
 */
public final class RawHttp {

	private final int port;

	public RawHttp(int port) {
		this.port = port;
	}

	/**
	 * An answer.
	 * @param status the status code
	 * @param headers the headers, names in lower case
	 * @param body the body, de-chunked, as UTF-8
	 */
	public record Response(int status, Map<String, String> headers, String body) {

		public String contentType() {
			return this.headers.getOrDefault("content-type", "");
		}

	}

	/** Sends a request with a JSON body (or none if {@code body} is {@code null}) and its Content-Length. */
	public Response send(String method, String target, @Nullable String body) throws IOException {
		return send(method, target, body, false);
	}

	/** Sends a request with a JSON body in one chunk ({@code Transfer-Encoding: chunked}, no Content-Length). */
	public Response sendChunked(String method, String target, String body) throws IOException {
		return send(method, target, body, true);
	}

	private Response send(String method, String target, @Nullable String body, boolean chunked) throws IOException {
		byte[] content = (body != null) ? body.getBytes(StandardCharsets.UTF_8) : new byte[0];
		StringBuilder head = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\n")
			.append("Host: 127.0.0.1:").append(this.port).append("\r\nConnection: close\r\nAccept: */*\r\n");
		if (body != null) {
			head.append("Content-Type: application/json\r\n")
				.append(chunked ? "Transfer-Encoding: chunked" : "Content-Length: " + content.length)
				.append("\r\n");
		}
		head.append("\r\n");
		if (chunked) {
			content = (Integer.toHexString(content.length) + "\r\n" + body + "\r\n0\r\n\r\n")
				.getBytes(StandardCharsets.UTF_8);
		}
		try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), this.port)) {
			socket.setSoTimeout(30_000);
			OutputStream out = socket.getOutputStream();
			out.write(head.toString().getBytes(StandardCharsets.UTF_8));
			out.write(content);
			out.flush();
			return read(socket.getInputStream());
		}
	}

	private static Response read(InputStream in) throws IOException {
		String status = line(in);
		Map<String, String> headers = new LinkedHashMap<>();
		for (String line = line(in); !line.isEmpty(); line = line(in)) {
			int colon = line.indexOf(':');
			headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
		}
		byte[] body;
		if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
			ByteArrayOutputStream chunks = new ByteArrayOutputStream();
			for (int size = Integer.parseInt(line(in).split(";")[0].trim(), 16); size > 0;
					size = Integer.parseInt(line(in).split(";")[0].trim(), 16)) {
				chunks.write(in.readNBytes(size));
				line(in);
			}
			body = chunks.toByteArray();
		}
		else if (headers.containsKey("content-length")) {
			body = in.readNBytes(Integer.parseInt(headers.get("content-length")));
		}
		else {
			body = in.readAllBytes();
		}
		return new Response(Integer.parseInt(status.split(" ")[1]), headers, new String(body, StandardCharsets.UTF_8));
	}

	private static String line(InputStream in) throws IOException {
		ByteArrayOutputStream line = new ByteArrayOutputStream();
		for (int read = in.read(); read != '\n'; read = in.read()) {
			if (read < 0) {
				throw new IOException("The connection closed inside the answer's head");
			}
			if (read != '\r') {
				line.write(read);
			}
		}
		return line.toString(StandardCharsets.UTF_8);
	}

}

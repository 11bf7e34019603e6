package dev.dynamodown.loopback;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.jspecify.annotations.Nullable;

/**
 * The bytes of one connection, read in large blocks and handed out as HTTP lines and bodies: no call per
 * byte, no copy of a line but the string it becomes. Not thread-safe: one connection's thread reads it.
 */
final class HttpInput {

	private final InputStream in;

	private byte[] buffer = new byte[16 * 1024];

	private int position;

	private int limit;

	HttpInput(InputStream in) {
		this.in = in;
	}

	/**
	 * The next line (ISO-8859-1, without its CR LF).
	 * @param mayEnd whether the stream may end cleanly before the line's first byte
	 * @return the line, or {@code null} if the stream ended where {@code mayEnd} allows it
	 * @throws EOFException if the stream ends inside the line
	 */
	@Nullable String readLine(boolean mayEnd) throws IOException {
		int scanned = this.position;
		while (true) {
			for (int i = scanned; i < this.limit; i++) {
				if (this.buffer[i] == '\n') {
					int end = (i > this.position && this.buffer[i - 1] == '\r') ? i - 1 : i;
					String line = new String(this.buffer, this.position, end - this.position, StandardCharsets.ISO_8859_1);
					this.position = i + 1;
					return line;
				}
			}
			scanned = this.limit - this.position;
			if (!fill()) {
				if (mayEnd && this.limit == this.position) {
					return null;
				}
				throw new EOFException("Stream ended inside an HTTP message");
			}
			scanned += this.position;
		}
	}

	/** Exactly {@code length} bytes. */
	byte[] readBytes(int length) throws IOException {
		byte[] bytes = new byte[length];
		int buffered = Math.min(length, this.limit - this.position);
		System.arraycopy(this.buffer, this.position, bytes, 0, buffered);
		this.position += buffered;
		int read = buffered + this.in.readNBytes(bytes, buffered, length - buffered);
		if (read < length) {
			throw new EOFException("Body ended after " + read + " of " + length + " bytes");
		}
		return bytes;
	}

	/** Reads and drops everything until the stream ends (the peer closed its side). */
	void discardUntilEnd() throws IOException {
		this.position = this.limit;
		while (fill()) {
			this.position = this.limit;
		}
	}

	/** Reads more into the buffer, keeping the unread bytes; {@code false} at the end of the stream. */
	private boolean fill() throws IOException {
		int unread = this.limit - this.position;
		if (this.position > 0) {
			System.arraycopy(this.buffer, this.position, this.buffer, 0, unread);
			this.position = 0;
			this.limit = unread;
		}
		if (this.limit == this.buffer.length) {
			this.buffer = Arrays.copyOf(this.buffer, this.buffer.length * 2);
		}
		int read = this.in.read(this.buffer, this.limit, this.buffer.length - this.limit);
		if (read < 0) {
			return false;
		}
		this.limit += read;
		return true;
	}

}

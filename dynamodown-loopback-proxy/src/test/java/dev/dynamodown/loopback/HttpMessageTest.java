package dev.dynamodown.loopback;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Reading and writing HTTP/1.1 messages as the AWS SDK and dynalite send them, in memory: the proxies' own
 * tests cover them over real connections.
 */
class HttpMessageTest {

	@Test
	void readsRequestsOneAfterAnotherAndNullAtACleanEnd() throws IOException {
		HttpInput in = input("POST / HTTP/1.1\r\nX-Amz-Target: DynamoDB_20120810.PutItem\r\nContent-Length: 2\r\n\r\n{}"
				+ "POST / HTTP/1.1\r\ncontent-length: 3\r\nConnection: close\r\n\r\nabc");
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		HttpMessage first = HttpMessage.readRequest(in, out);
		HttpMessage second = HttpMessage.readRequest(in, out);
		assertThat(DynamoAnswers.operation(first)).isEqualTo("PutItem");
		assertThat(first.body()).asString(StandardCharsets.UTF_8).isEqualTo("{}");
		assertThat(first.closes()).isFalse();
		assertThat(DynamoAnswers.operation(second)).isEqualTo("(none)");
		assertThat(second.body()).asString(StandardCharsets.UTF_8).isEqualTo("abc");
		assertThat(second.closes()).isTrue();
		assertThat(HttpMessage.readRequest(in, out)).isNull();
		assertThat(out.size()).as("nothing written to a client that expects no 100 Continue").isZero();
	}

	@Test
	void answersExpectContinueBeforeReadingTheBodyAndDropsTheHeaderWhenRewritten() throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		HttpMessage request = HttpMessage.readRequest(
				input("POST / HTTP/1.1\r\nExpect: 100-continue\r\nContent-Length: 2\r\n\r\n{}"), out);
		assertThat(out.toString(StandardCharsets.ISO_8859_1)).isEqualTo("HTTP/1.1 100 Continue\r\n\r\n");
		assertThat(written(request.withBody(new byte[] { 'x' }))).doesNotContainIgnoringCase("expect")
			.endsWith("Content-Length: 1\r\n\r\nx");
	}

	@Test
	void deChunksABodyAndWritesItWithContentLength() throws IOException {
		HttpMessage answer = HttpMessage.readResponse(input("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
				+ "3;ext=1\r\nabc\r\n2\r\nde\r\n0\r\n\r\n"));
		assertThat(answer.status()).isEqualTo(200);
		assertThat(answer.body()).asString(StandardCharsets.UTF_8).isEqualTo("abcde");
		assertThat(written(answer.withBody(answer.body()))).isEqualTo("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nabcde");
	}

	@Test
	void replacesAndRemovesHeadersWhateverTheirCase() throws IOException {
		HttpMessage answer = HttpMessage.readResponse(input("HTTP/1.1 200 OK\r\nconnection: close\r\nContent-Length: 0\r\n\r\n"));
		assertThat(answer.closes()).isTrue();
		assertThat(answer.withHeader("Connection", "keep-alive").closes()).isFalse();
		assertThat(written(answer.withoutHeader("CONNECTION"))).isEqualTo("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n");
	}

	@Test
	void failsLoudlyOnAMessageCutShort() {
		assertThatExceptionOfType(EOFException.class)
			.isThrownBy(() -> HttpMessage.readResponse(input("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc")))
			.withMessage("Body ended after 3 of 10 bytes");
		assertThatExceptionOfType(EOFException.class)
			.isThrownBy(() -> HttpMessage.readResponse(input("HTTP/1.1 200 OK\r\nContent-Len")))
			.withMessage("Stream ended inside an HTTP message");
		assertThatExceptionOfType(EOFException.class).isThrownBy(() -> HttpMessage.readResponse(input("")))
			.withMessage("The server closed the connection without answering");
	}

	@Test
	void dynamoAnswersCarryTheChecksumTheSdkVerifies() throws IOException {
		HttpMessage error = DynamoAnswers.throughputExceeded("too much");
		assertThat(error.status()).isEqualTo(400);
		assertThat(error.body()).asString(StandardCharsets.UTF_8).isEqualTo(
				"{\"__type\":\"com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceededException\",\"message\":\"too much\"}");
		byte[] body = "{\"a\":1}".getBytes(StandardCharsets.UTF_8);
		// the CRC-32 of {"a":1} (as zlib computes it), in decimal as DynamoDB sends it
		assertThat(DynamoAnswers.rewrite(error, body).header("x-amz-crc32")).isEqualTo("1444654255");
		assertThat(written(DynamoAnswers.answer(200, body))).startsWith("HTTP/1.1 200 OK\r\n")
			.contains("Content-Type: application/x-amz-json-1.0\r\n").endsWith("Content-Length: 7\r\n\r\n{\"a\":1}");
	}

	private static HttpInput input(String bytes) {
		return new HttpInput(new ByteArrayInputStream(bytes.getBytes(StandardCharsets.ISO_8859_1)));
	}

	private static String written(HttpMessage message) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		message.write(out);
		return out.toString(StandardCharsets.ISO_8859_1);
	}

}

package it.pecgateway.gateway.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DataReaderTest {
    private final DataReader reader = new DataReader(1000, 10_000, 100, 8_000);

    private record Run(DataReader.Result result, String written, String left) {
    }

    private Run run(String wire) throws IOException {
        InputStream in = new ByteArrayInputStream(wire.getBytes(StandardCharsets.ISO_8859_1));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DataReader.Result result = reader.copy(in, out);
        return new Run(result, out.toString(StandardCharsets.ISO_8859_1), new String(in.readAllBytes(), StandardCharsets.ISO_8859_1));
    }

    @Test
    void stopsExactlyAfterTheTerminatorLeavingPipelinedCommandsUnread() throws IOException {
        Run run = run("Subject: a\r\n\r\nbody\r\n.\r\nQUIT\r\n");

        assertThat(run.result().problem()).isEqualTo(DataReader.Problem.NONE);
        assertThat(run.written()).isEqualTo("Subject: a\r\n\r\nbody\r\n");
        assertThat(run.result().written()).isEqualTo(run.written().length());
        assertThat(run.left()).isEqualTo("QUIT\r\n");
    }

    @Test
    void anEmptyMessageIsJustTheTerminator() throws IOException {
        assertThat(run(".\r\n").written()).isEmpty();
    }

    @Test
    void aDotAfterABareLfIsDataAndFlagsTheMessage() throws IOException {
        Run run = run("a\n.\r\nstill data\r\n.\r\nNOOP\r\n");

        assertThat(run.result().problem()).isEqualTo(DataReader.Problem.BARE_LINE_ENDING);
        assertThat(run.left()).isEqualTo("NOOP\r\n");
    }

    @Test
    void aBareCrInsideALineFlagsTheMessage() throws IOException {
        assertThat(run("a\rb\r\n.\r\n").result().problem()).isEqualTo(DataReader.Problem.BARE_LINE_ENDING);
    }

    @Test
    void aLineOf1000OctetsWithCrlfPassesAnd1001DoesNot() throws IOException {
        assertThat(run("x".repeat(998) + "\r\n.\r\n").result().problem()).isEqualTo(DataReader.Problem.NONE);
        assertThat(run("x".repeat(999) + "\r\n.\r\n").result().problem()).isEqualTo(DataReader.Problem.LINE_TOO_LONG);
    }

    @Test
    void tooManyHeaderLinesOrBytesAreAFlood() throws IOException {
        assertThat(run("X: y\r\n".repeat(101) + "\r\nb\r\n.\r\n").result().problem()).isEqualTo(DataReader.Problem.HEADER_TOO_LARGE);
        assertThat(run(("X: " + "y".repeat(900) + "\r\n").repeat(9) + "\r\nb\r\n.\r\n").result().problem())
                .isEqualTo(DataReader.Problem.HEADER_TOO_LARGE);
        assertThat(run("X: y\r\n".repeat(99) + "\r\n" + "b: c\r\n".repeat(500) + ".\r\n").result().problem())
                .isEqualTo(DataReader.Problem.NONE);
    }

    @Test
    void aMessageOverTheLimitIsTooBigButReadToTheEnd() throws IOException {
        Run run = run("Subject: a\r\n\r\n" + ("y".repeat(98) + "\r\n").repeat(200) + ".\r\nRSET\r\n");

        assertThat(run.result().problem()).isEqualTo(DataReader.Problem.TOO_BIG);
        assertThat(run.left()).isEqualTo("RSET\r\n");
    }

    @Test
    void aFloodFarBeyondTheLimitStopsReading() throws IOException {
        DataReader small = new DataReader(1000, 10, 100, 1000);
        byte[] endless = ("z".repeat(98) + "\r\n").repeat(200_000).getBytes(StandardCharsets.US_ASCII);

        assertThat(small.copy(new ByteArrayInputStream(endless), new ByteArrayOutputStream()).problem())
                .isEqualTo(DataReader.Problem.FLOOD);
    }

    @Test
    void aClosedConnectionInsideDataIsAnError() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> run("Subject: cut\r\n\r\npartial"))
                .isInstanceOf(java.io.EOFException.class);
    }

    @Test
    void sessionLevelRepliesGetTheirEnhancedCodes() {
        assertThat(ReplyFixingOutputStream.fix("500 Error: command not implemented")).isEqualTo("500 5.5.2 Command not recognized");
        assertThat(ReplyFixingOutputStream.fix("421 Timeout waiting for data from client.")).isEqualTo(SmtpReplies.TIMEOUT.line());
        assertThat(ReplyFixingOutputStream.fix("421 Too many connections, try again later")).isEqualTo(SmtpReplies.TOO_MANY_CONNECTIONS.line());
        assertThat(ReplyFixingOutputStream.fix("451 something else")).isEqualTo("451 4.0.0 something else");
        assertThat(ReplyFixingOutputStream.fix("550 5.7.1 already fine")).isEqualTo("550 5.7.1 already fine");
        assertThat(ReplyFixingOutputStream.fix("250-PIPELINING")).isEqualTo("250-PIPELINING");
    }
}

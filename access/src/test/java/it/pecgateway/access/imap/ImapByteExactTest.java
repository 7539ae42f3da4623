package it.pecgateway.access.imap;

import static org.assertj.core.api.Assertions.assertThat;

import it.pecgateway.access.support.AccessFixture;
import it.pecgateway.access.support.ImapClient;
import it.pecgateway.access.support.SharedFiles;
import it.pecgateway.access.support.Tools;
import it.pecgateway.mailstore.Mailbox;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Signed PEC messages go through APPEND and FETCH unchanged, so their S/MIME signatures still verify. */
class ImapByteExactTest {
    static final AccessFixture fx = AccessFixture.shared();

    static List<Path> realMessages() throws IOException {
        try (Stream<Path> files = Files.list(SharedFiles.realFixtures())) {
            List<Path> emls = files.filter(p -> p.toString().endsWith(".eml")).sorted().toList();
            assertThat(emls).isNotEmpty();
            return emls;
        }
    }

    /** The literal of a one-item FETCH response. */
    static byte[] literal(String response) {
        int open = response.indexOf('{');
        int close = response.indexOf('}', open);
        int n = Integer.parseInt(response.substring(open + 1, close));
        return response.substring(close + 3, close + 3 + n).getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void realSignedReceiptsComeBackByteIdenticalAndStillVerify() throws IOException {
        Path openssl = Tools.require("openssl", "openssl");
        Mailbox m = fx.mailbox("exact");
        try (ImapClient c = fx.imapLoggedIn(m)) {
            int uid = 0;
            for (Path eml : realMessages()) {
                byte[] original = Files.readAllBytes(eml);
                c.raw(("a" + uid + " APPEND INBOX {" + original.length + "+}\r\n").getBytes(StandardCharsets.US_ASCII));
                c.raw(original);
                c.send("");
                assertThat(c.last(c.until("a" + uid))).contains("OK [APPENDUID");
                uid++;
                c.ok("s" + uid + " SELECT INBOX");
                byte[] fetched = literal(c.ok("f" + uid + " UID FETCH " + uid + " BODY.PEEK[]").get(0));
                assertThat(fetched).as(eml.getFileName().toString()).isEqualTo(original);

                // the signed entity alone: headers of part 1 followed by its body, exactly as between the boundaries
                byte[] mime = literal(c.ok("m" + uid + " UID FETCH " + uid + " BODY.PEEK[1.MIME]").get(0));
                byte[] body = literal(c.ok("b" + uid + " UID FETCH " + uid + " BODY.PEEK[1]").get(0));
                String text = new String(original, StandardCharsets.ISO_8859_1);
                String boundary = text.replaceAll("(?s).*?boundary=\"([^\"]+)\".*", "$1");
                int start = text.indexOf("--" + boundary + "\r\n") + boundary.length() + 4;
                int end = text.indexOf("\r\n--" + boundary, start);
                assertThat(new String(mime, StandardCharsets.ISO_8859_1) + new String(body, StandardCharsets.ISO_8859_1))
                        .isEqualTo(text.substring(start, end));

                Path out = fx.dir.resolve("fetched-" + uid + ".eml");
                Files.write(out, fetched);
                Tools.Result verify = Tools.run(fx.dir, List.of(openssl.toString(), "smime", "-verify", "-noverify",
                        "-in", out.toString(), "-out", "/dev/null"));
                assertThat(verify.exit()).as("openssl smime -verify: " + verify.output()).isZero();
            }
        }
    }

    @Test
    void bodystructureOfARealReceiptShowsTheSignedTree() throws IOException {
        Mailbox m = fx.mailbox("structure");
        fx.deliver(m, Files.readAllBytes(realMessages().get(0)));
        try (ImapClient c = fx.imapLoggedIn(m)) {
            c.ok("a1 SELECT INBOX");
            String structure = c.ok("a2 FETCH 1 BODYSTRUCTURE").get(0);
            assertThat(structure).contains("\"signed\" (\"protocol\" \"application/x-pkcs7-signature\" \"micalg\" \"sha1\"")
                    .contains("\"application\" \"x-pkcs7-signature\"").contains("\"daticert.xml\"");
            String daticert = c.ok("a3 FETCH 1 BODY.PEEK[1.2]").get(0);
            assertThat(daticert).contains("BODY[1.2] {");
        }
    }

    @Test
    void aThirtyMegabyteMessageStreamsBackIntact() throws Exception {
        Mailbox m = fx.mailbox("big");
        byte[] big = bigMessage(30 * 1024 * 1024);
        fx.deliver(m, big);
        try (ImapClient c = fx.imapLoggedIn(m)) {
            c.ok("a1 SELECT INBOX");
            c.send("a2 FETCH 1 (BODYSTRUCTURE BODY.PEEK[])");
            String head = c.line();
            assertThat(head).startsWith("* 1 FETCH (BODYSTRUCTURE (").endsWith("BODY[] {" + big.length + "}");
            byte[] fetched = c.bytes(big.length);
            assertThat(MessageDigest.getInstance("SHA-256").digest(fetched))
                    .isEqualTo(MessageDigest.getInstance("SHA-256").digest(big));
            assertThat(c.line()).isEqualTo(")");
            assertThat(c.line()).isEqualTo("a2 OK FETCH completed");
            String part = c.ok("a3 FETCH 1 BODY.PEEK[2]<100.10>").get(0);
            assertThat(part).isEqualTo("* 1 FETCH (BODY[2]<100> {10}\r\nAAAAAAAAAA)");
        }
    }

    static byte[] bigMessage(int size) {
        StringBuilder head = new StringBuilder("Subject: big\r\nContent-Type: multipart/mixed; boundary=XX\r\n\r\n--XX\r\n"
                + "Content-Type: text/plain\r\n\r\nsee attachment\r\n--XX\r\nContent-Type: application/octet-stream\r\n"
                + "Content-Transfer-Encoding: base64\r\n\r\n");
        String line = "A".repeat(76) + "\r\n";
        while (head.length() < size) {
            head.append(line);
        }
        head.append("--XX--\r\n");
        return head.toString().getBytes(StandardCharsets.US_ASCII);
    }
}

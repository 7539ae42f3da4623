package it.pecgateway.receipts;

import static org.assertj.core.api.Assertions.assertThat;

import it.pecgateway.receipts.testing.Inspection;
import it.pecgateway.receipts.testing.TestKit;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every kind made with a fixed clock and ids, compared with a readable golden file: top headers, MIME tree, the
 * decoded text, daticert.xml and postacert.eml. The signature bytes are left out (test keys are made at test time).
 * To accept a deliberate change: {@code mvn -pl receipts -am verify -Dgolden.update=true}, then review the diff.
 */
class GoldenTest {
    private static final Map<String, byte[]> SAMPLES = TestKit.samples();

    static Stream<String> names() {
        return SAMPLES.keySet().stream();
    }

    @ParameterizedTest
    @MethodSource("names")
    void matchesItsGoldenFile(String name) throws Exception {
        String rendered = render(new Inspection(SAMPLES.get(name)));
        String golden = name.replace(".eml", ".txt");
        if (Boolean.getBoolean("golden.update")) {
            Path file = Path.of("src/test/resources/golden", golden);
            Files.createDirectories(file.getParent());
            Files.writeString(file, rendered, StandardCharsets.UTF_8);
        }
        assertThat(rendered).isEqualTo(read("/golden/" + golden));
    }

    static String render(Inspection m) throws Exception {
        StringBuilder out = new StringBuilder();
        out.append("== headers\n").append(m.headersText());
        out.append("== mime tree\n").append(m.tree());
        out.append("== text/plain\n").append(m.text("text/plain").replace("\r\n", "\n"));
        out.append("== text/html\n").append(m.text("text/html").replace("\r\n", "\n"));
        if (m.daticertXml().isPresent()) {
            out.append("== daticert.xml\n").append(new String(m.daticertXml().get(), StandardCharsets.UTF_8));
        }
        if (m.postacert().isPresent()) {
            out.append("== postacert.eml\n")
                    .append(new String(m.postacert().get(), StandardCharsets.ISO_8859_1).replace("\r\n", "\n"));
        }
        return out.toString();
    }

    private static String read(String resource) throws IOException {
        try (InputStream in = GoldenTest.class.getResourceAsStream(resource)) {
            assertThat(in).as("golden file " + resource + " (make it with -Dgolden.update=true)").isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}

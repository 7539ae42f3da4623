package it.pecgateway.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The commented example cannot drift from the records: it loads, it shows the defaults, it names every key. */
class ExampleFileTest {
    static final Path EXAMPLE = Path.of("examples/pec-gateway.yaml");
    static final Pattern KEY_LINE = Pattern.compile("^( *)([a-z0-9][a-z0-9.-]*):(\\s.*)?$");

    @TempDir
    Path dir;

    @Test
    void theExampleIsAValidConfiguration() {
        GatewayConfig config = ConfigLoader.load(EXAMPLE);
        assertThat(config.provider().domains()).containsExactly("pec.example.it");
    }

    @Test
    void theExampleSetsEveryKeyToItsDefault() throws IOException {
        Path example = Files.copy(EXAMPLE, dir.resolve("example.yaml"));
        Path minimal = Files.writeString(dir.resolve("minimal.yaml"), """
                provider:
                  name: Example PEC S.p.A.
                  domains: [pec.example.it]
                """);

        assertThat(ConfigLoader.load(example)).isEqualTo(ConfigLoader.load(minimal));
    }

    @Test
    void theExampleDocumentsEveryRecordField() throws IOException {
        Set<String> documented = documentedKeyPaths(Files.readAllLines(EXAMPLE));
        List<String> fields = new ArrayList<>();
        collectKeyPaths(GatewayConfig.class, "", fields);

        assertThat(fields).hasSizeGreaterThan(50);
        List<String> undocumented = fields.stream()
                .filter(field -> documented.stream().noneMatch(doc -> doc.matches(field.replace(".", "\\.").replace("*", ".+"))))
                .toList();
        assertThat(undocumented).as("record fields missing from " + EXAMPLE).isEmpty();
    }

    /** Key paths of every line of the example, commented-out settings (a '#' in the first column) included. */
    static Set<String> documentedKeyPaths(List<String> lines) {
        Set<String> paths = new LinkedHashSet<>();
        Deque<Map.Entry<Integer, String>> stack = new ArrayDeque<>();
        for (String line : lines) {
            Matcher m = KEY_LINE.matcher(line.startsWith("#") ? line.substring(1) : line);
            if (!m.matches()) {
                continue;
            }
            int indent = m.group(1).length();
            while (!stack.isEmpty() && stack.peek().getKey() >= indent) {
                stack.pop();
            }
            String path = stack.isEmpty() ? m.group(2) : stack.peek().getValue() + "." + m.group(2);
            stack.push(Map.entry(indent, path));
            paths.add(path);
        }
        return paths;
    }

    /** The YAML key path of every leaf field: record component names in kebab case. */
    static void collectKeyPaths(Class<?> type, String prefix, List<String> out) {
        for (RecordComponent c : type.getRecordComponents()) {
            collect(c.getGenericType(), prefix + kebab(c.getName()), out);
        }
    }

    private static void collect(Type type, String path, List<String> out) {
        if (type instanceof ParameterizedType p && (p.getRawType() == Optional.class || p.getRawType() == Map.class)) {
            Type element = p.getActualTypeArguments()[p.getRawType() == Map.class ? 1 : 0];
            if (element instanceof Class<?> k && (k.isRecord() || k.isSealed())) {
                collect(element, p.getRawType() == Map.class ? path + ".*" : path, out);
                return;
            }
        }
        if (type instanceof Class<?> k && k.isRecord()) {
            collectKeyPaths(k, path + ".", out);
        } else if (type instanceof Class<?> k && k.isSealed()) {
            for (Class<?> variant : k.getPermittedSubclasses()) {
                collectKeyPaths(variant, path + "." + kebab(variant.getSimpleName()) + ".", out);
            }
        } else {
            out.add(path);
        }
    }

    static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
    }
}

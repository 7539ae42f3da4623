package it.pecgateway.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * One YAML mapping with its key path. Every read names the key it expects, so that {@link #finish()} can report
 * the keys nobody asked for: a misspelt key is an error, never silently ignored. A value that cannot be read
 * becomes a problem with its path and the default is used, so that one pass finds every problem.
 */
final class YamlNode {
    private final String path;
    private final Map<String, Object> values;
    private final Problems problems;
    private final Set<String> known = new LinkedHashSet<>();
    private final List<YamlNode> children = new ArrayList<>();

    private YamlNode(String path, Map<String, Object> values, Problems problems) {
        this.path = path;
        this.values = values;
        this.problems = problems;
    }

    static YamlNode root(Object document, Problems problems) {
        if (document == null) {
            return new YamlNode("", Map.of(), problems);
        }
        if (!(document instanceof Map<?, ?> map)) {
            problems.add("", "the file must be a YAML mapping of keys (provider, listeners, ...)");
            return new YamlNode("", Map.of(), problems);
        }
        return new YamlNode("", stringKeys("", map, problems), problems);
    }

    String pathOf(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    Problems problems() {
        return problems;
    }

    boolean has(String key) {
        known.add(key);
        return values.get(key) != null;
    }

    /** The value of {@code key} read by {@code parser}, or {@code fallback} when absent or wrong. */
    <T> T get(String key, T fallback, Function<Object, T> parser) {
        return optional(key, parser).orElse(fallback);
    }

    /** The value of {@code key} read by {@code parser}; empty when absent or wrong (the problem is recorded). */
    <T> Optional<T> optional(String key, Function<Object, T> parser) {
        known.add(key);
        Object raw = values.get(key);
        if (raw == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(parser.apply(raw));
        } catch (IllegalArgumentException e) {
            problems.add(pathOf(key), e.getMessage());
            return Optional.empty();
        }
    }

    /** Like {@link #optional} but records a problem when the key is absent. */
    <T> Optional<T> required(String key, String whatItIs, Function<Object, T> parser) {
        if (!has(key)) {
            problems.add(pathOf(key), "missing: " + whatItIs);
            return Optional.empty();
        }
        return optional(key, parser);
    }

    /** The mapping under {@code key}; an empty node when absent. */
    YamlNode child(String key) {
        known.add(key);
        Object raw = values.get(key);
        Map<String, Object> map = Map.of();
        if (raw instanceof Map<?, ?> m) {
            map = stringKeys(pathOf(key), m, problems);
        } else if (raw != null) {
            problems.add(pathOf(key), "expected a mapping of keys, found " + YamlValues.describe(raw));
        }
        YamlNode child = new YamlNode(pathOf(key), map, problems);
        children.add(child);
        return child;
    }

    /** The keys present in this mapping (for mappings whose keys are data, such as domains). */
    Set<String> keys() {
        return values.keySet();
    }

    /** Records every key of this node and its children that no reader asked for. */
    void finish() {
        for (String key : values.keySet()) {
            if (!known.contains(key)) {
                problems.add(pathOf(key), "unknown key (known here: " + String.join(", ", known) + ")");
            }
        }
        children.forEach(YamlNode::finish);
    }

    private static Map<String, Object> stringKeys(String path, Map<?, ?> map, Problems problems) {
        Map<String, Object> result = new LinkedHashMap<>();
        map.forEach((k, v) -> {
            if (k instanceof String s) {
                result.put(s, v);
            } else {
                problems.add(path, "key " + YamlValues.describe(k) + " is not a name");
            }
        });
        return result;
    }
}

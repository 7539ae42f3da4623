package it.pecgateway.gateway.admin;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The {@code name=value} arguments of an administration request, as the CLI writes them. */
final class Words {
    private Words() {
    }

    static Map<String, String> of(List<String> words) {
        Map<String, String> result = new LinkedHashMap<>();
        for (String word : words) {
            int eq = word.indexOf('=');
            if (eq > 0) {
                result.put(word.substring(0, eq), word.substring(eq + 1));
            }
        }
        return result;
    }

    static Optional<String> get(Map<String, String> words, String name) {
        return Optional.ofNullable(words.get(name)).filter(v -> !v.isEmpty());
    }
}

package it.pecgateway.gateway.smtp;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The arguments of MAIL and RCPT: {@code FROM:<path> PARAM=value ...}; spaces after the colon are tolerated. */
record PathArguments(String path, List<String> parameters) {

    static Optional<PathArguments> parse(String arguments, String keyword) {
        if (!arguments.toUpperCase(Locale.ROOT).startsWith(keyword)) {
            return Optional.empty();
        }
        String rest = arguments.substring(keyword.length()).stripLeading();
        if (!rest.startsWith("<")) {
            return Optional.empty();
        }
        int close = rest.indexOf('>');
        if (close < 0) {
            return Optional.empty();
        }
        String path = rest.substring(0, close + 1);
        String tail = rest.substring(close + 1);
        if (!tail.isEmpty() && !tail.startsWith(" ")) {
            return Optional.empty();
        }
        List<String> parameters = tail.isBlank() ? List.of() : List.of(tail.trim().split(" +"));
        return Optional.of(new PathArguments(path, parameters));
    }
}

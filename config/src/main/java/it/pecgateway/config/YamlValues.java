package it.pecgateway.config;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Readers of single YAML values. Each throws {@link IllegalArgumentException} whose message says what is wrong
 * with the value (without the key path, which {@link YamlNode} adds).
 */
final class YamlValues {
    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");
    private static final Pattern LOCAL_PART = Pattern.compile("[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*");
    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");

    private YamlValues() {
    }

    static String describe(Object raw) {
        if (raw instanceof Map) {
            return "a mapping";
        }
        if (raw instanceof List) {
            return "a list";
        }
        return raw instanceof String ? "'" + raw + "'" : String.valueOf(raw);
    }

    static String text(Object raw) {
        if (raw instanceof String || raw instanceof Number || raw instanceof Boolean) {
            String s = raw.toString().trim();
            if (s.isEmpty()) {
                throw new IllegalArgumentException("is empty");
            }
            return s;
        }
        throw new IllegalArgumentException("expected a text value, found " + describe(raw));
    }

    static boolean bool(Object raw) {
        if (raw instanceof Boolean b) {
            return b;
        }
        throw new IllegalArgumentException(describe(raw) + " is not true or false");
    }

    static int integer(Object raw, int min, int max) {
        if (raw instanceof Integer i && i >= min && i <= max) {
            return i;
        }
        throw new IllegalArgumentException(describe(raw) + " is not a whole number from " + min + " to " + max);
    }

    static int port(Object raw) {
        // 0 (any free port) is accepted for tests but not advertised in the message
        if (raw instanceof Integer i && i >= 0 && i <= 65_535) {
            return i;
        }
        throw new IllegalArgumentException(describe(raw) + " is not a port (1-65535)");
    }

    static long size(Object raw) {
        if (raw instanceof Integer || raw instanceof Long) {
            long n = ((Number) raw).longValue();
            if (n > 0) {
                return n;
            }
        } else if (raw instanceof String s) {
            long n = Sizes.parse(s);
            if (n > 0) {
                return n;
            }
        }
        throw new IllegalArgumentException(describe(raw) + " is not a positive size (bytes, or a number with KB, MB, GB, KiB, MiB, GiB)");
    }

    static Duration duration(Object raw) {
        Duration d = Durations.parse(raw instanceof String s ? s : describe(raw));
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(describe(raw) + " must be longer than zero");
        }
        return d;
    }

    static TlsMode tlsMode(Object raw) {
        String s = text(raw);
        for (TlsMode mode : TlsMode.values()) {
            if (mode.yamlName().equals(s)) {
                return mode;
            }
        }
        throw new IllegalArgumentException(describe(raw) + " is not a TLS mode (none, implicit, starttls-optional, starttls-required)");
    }

    static Function<Object, Path> path(Path baseDir) {
        return raw -> {
            try {
                return baseDir.resolve(text(raw)).normalize();
            } catch (InvalidPathException e) {
                throw new IllegalArgumentException(describe(raw) + " is not a file path");
            }
        };
    }

    static String domain(Object raw) {
        String s = text(raw).toLowerCase(Locale.ROOT);
        if (!isDomain(s)) {
            throw new IllegalArgumentException(describe(raw) + " is not a domain name");
        }
        return s;
    }

    static String address(Object raw) {
        String s = text(raw);
        int at = s.lastIndexOf('@');
        if (at <= 0 || !LOCAL_PART.matcher(s.substring(0, at)).matches() || !isDomain(s.substring(at + 1).toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException(describe(raw) + " is not a mail address (local-part@domain)");
        }
        return s.substring(0, at) + "@" + s.substring(at + 1).toLowerCase(Locale.ROOT);
    }

    /** An address to bind: an IPv4 or IPv6 literal, or a host name. */
    static String bindAddress(Object raw) {
        String s = text(raw);
        var ipv4 = IPV4.matcher(s);
        if (ipv4.matches()) {
            for (int g = 1; g <= 4; g++) {
                if (Integer.parseInt(ipv4.group(g)) > 255) {
                    throw new IllegalArgumentException(describe(raw) + " is not an IP address or host name");
                }
            }
            return s;
        }
        if (s.contains(":") ? s.matches("[0-9A-Fa-f:.]+") : isDomain(s.toLowerCase(Locale.ROOT))) {
            return s;
        }
        throw new IllegalArgumentException(describe(raw) + " is not an IP address or host name");
    }

    static <T> List<T> list(Object raw, Function<Object, T> element) {
        if (!(raw instanceof List<?> items)) {
            throw new IllegalArgumentException("expected a list, found " + describe(raw));
        }
        List<T> result = new ArrayList<>();
        List<String> wrong = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            try {
                result.add(element.apply(items.get(i)));
            } catch (IllegalArgumentException e) {
                wrong.add("[" + i + "] " + e.getMessage());
            }
        }
        if (!wrong.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", wrong));
        }
        return result;
    }

    private static boolean isDomain(String s) {
        if (s.isEmpty() || s.length() > 253 || s.endsWith(".")) {
            return false;
        }
        for (String label : s.split("\\.", -1)) {
            if (!LABEL.matcher(label).matches()) {
                return false;
            }
        }
        return true;
    }
}

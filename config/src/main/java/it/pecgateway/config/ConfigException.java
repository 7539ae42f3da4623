package it.pecgateway.config;

import java.util.List;

/**
 * The configuration cannot be used. Carries every problem found, each as {@code key.path: what is wrong}, so that
 * an operator fixes them all in one round.
 */
public final class ConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    public ConfigException(List<String> problems) {
        super(String.join("\n", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}

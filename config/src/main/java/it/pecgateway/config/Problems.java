package it.pecgateway.config;

import java.util.ArrayList;
import java.util.List;

/** Collects every configuration problem of one validation pass, as {@code key.path: what is wrong}. */
final class Problems {
    private record Problem(String path, String whatIsWrong) {
        @Override
        public String toString() {
            return path.isEmpty() ? whatIsWrong : path + ": " + whatIsWrong;
        }
    }

    private final List<Problem> list = new ArrayList<>();

    void add(String path, String whatIsWrong) {
        list.add(new Problem(path, whatIsWrong));
    }

    boolean isEmpty() {
        return list.isEmpty();
    }

    /**
     * Adds the problems found by checks that combine values, except where a value involved was already wrong
     * on its own: its default stood in for it, and a problem derived from that default would mislead.
     */
    void addDerived(Problems derived) {
        for (Problem p : derived.list) {
            if (list.stream().noneMatch(q -> related(p.path, q.path))) {
                list.add(p);
            }
        }
    }

    List<String> list() {
        return list.stream().map(Problem::toString).toList();
    }

    private static boolean related(String a, String b) {
        return a.equals(b) || a.startsWith(b + ".") || b.startsWith(a + ".") || a.isEmpty() || b.isEmpty();
    }
}

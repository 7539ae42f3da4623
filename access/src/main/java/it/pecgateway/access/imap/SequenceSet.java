package it.pecgateway.access.imap;

import java.util.ArrayList;
import java.util.List;

/** An IMAP sequence set ({@code 1,3:5,7:*}); {@code *} is kept symbolic until resolved against a mailbox. */
record SequenceSet(List<long[]> ranges) {
    static final long STAR = Long.MAX_VALUE;

    static SequenceSet parse(String text) {
        List<long[]> ranges = new ArrayList<>();
        for (String part : text.split(",", -1)) {
            int colon = part.indexOf(':');
            long a = value(colon < 0 ? part : part.substring(0, colon));
            long b = colon < 0 ? a : value(part.substring(colon + 1));
            ranges.add(new long[] {Math.min(a, b), Math.max(a, b)});
        }
        return new SequenceSet(List.copyOf(ranges));
    }

    static boolean looksLikeSet(String text) {
        return !text.isEmpty() && text.chars().allMatch(c -> Character.isDigit(c) || c == ':' || c == ',' || c == '*');
    }

    private static long value(String s) {
        if (s.equals("*")) {
            return STAR;
        }
        if (s.isEmpty() || s.length() > 10 || !s.chars().allMatch(Character::isDigit)) {
            throw new ImapSyntaxException("Invalid sequence set");
        }
        long v = Long.parseLong(s);
        if (v == 0 || v > 0xFFFFFFFFL) {
            throw new ImapSyntaxException("Invalid sequence set");
        }
        return v;
    }

    boolean contains(long value, long star) {
        for (long[] r : ranges) {
            long lo = r[0] == STAR ? star : r[0];
            long hi = r[1] == STAR ? star : r[1];
            if (value >= Math.min(lo, hi) && value <= Math.max(lo, hi)) {
                return true;
            }
        }
        return false;
    }

    /** Compact text of ascending values ({@code 1:3,7}), as COPYUID and MODIFIED want it. */
    static String format(List<Long> values) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < values.size()) {
            int j = i;
            while (j + 1 < values.size() && values.get(j + 1) == values.get(j) + 1) {
                j++;
            }
            if (out.length() > 0) {
                out.append(',');
            }
            out.append(values.get(i));
            if (j > i) {
                out.append(':').append(values.get(j));
            }
            i = j + 1;
        }
        return out.toString();
    }
}

package it.pecgateway.access.imap;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Parses SEARCH criteria (RFC 3501 6.4.4, MODSEQ of RFC 7162) into a predicate over {@link SearchTarget}s. */
final class SearchKeys {

    interface Key {
        boolean test(SearchTarget t) throws IOException;
    }

    private final ImapReader r;
    private final ImapSession s;
    boolean usesModSeq;

    SearchKeys(ImapReader r, ImapSession s) {
        this.r = r;
        this.s = s;
    }

    /** All keys up to the end of the line (or a closing parenthesis), ANDed. */
    Key all() throws IOException {
        List<Key> keys = new ArrayList<>();
        while (!r.atEnd() && r.peek() != ')') {
            keys.add(one());
            r.tryConsume(' ');
        }
        if (keys.isEmpty()) {
            throw new ImapSyntaxException("Missing search criteria");
        }
        return t -> {
            for (Key k : keys) {
                if (!k.test(t)) {
                    return false;
                }
            }
            return true;
        };
    }

    private Key one() throws IOException {
        if (r.tryConsume('(')) {
            Key inner = all();
            r.expect(')');
            return inner;
        }
        String word = r.atom();
        String key = word.toUpperCase(Locale.ROOT);
        switch (key) {
            case "ALL": return t -> true;
            case "ANSWERED": return flag("\\Answered", true);
            case "DELETED": return flag("\\Deleted", true);
            case "DRAFT": return flag("\\Draft", true);
            case "FLAGGED": return flag("\\Flagged", true);
            case "SEEN": return flag("\\Seen", true);
            case "UNANSWERED": return flag("\\Answered", false);
            case "UNDELETED": return flag("\\Deleted", false);
            case "UNDRAFT": return flag("\\Draft", false);
            case "UNFLAGGED": return flag("\\Flagged", false);
            case "UNSEEN": return flag("\\Seen", false);
            case "RECENT": return t -> s.selected.isRecent(t.info.uid());
            case "OLD": return t -> !s.selected.isRecent(t.info.uid());
            case "NEW": return t -> s.selected.isRecent(t.info.uid()) && !t.info.flags().contains(Flags.SEEN);
            case "KEYWORD": return flag(arg(), true);
            case "UNKEYWORD": return flag(arg(), false);
            case "BCC": case "CC": case "FROM": case "TO": case "SUBJECT": return header(key.toLowerCase(Locale.ROOT), arg());
            case "HEADER": {
                String name = arg().toLowerCase(Locale.ROOT);
                return header(name, arg());
            }
            case "BODY": {
                String needle = arg();
                return t -> t.bodyContains(needle);
            }
            case "TEXT": {
                String needle = arg();
                return t -> t.headerContains(needle) || t.bodyContains(needle);
            }
            case "BEFORE": return internalDate(date(), -1);
            case "ON": return internalDate(date(), 0);
            case "SINCE": return internalDate(date(), 1);
            case "SENTBEFORE": return sentDate(date(), -1);
            case "SENTON": return sentDate(date(), 0);
            case "SENTSINCE": return sentDate(date(), 1);
            case "LARGER": {
                long n = number();
                return t -> t.info.size() > n;
            }
            case "SMALLER": {
                long n = number();
                return t -> t.info.size() < n;
            }
            case "NOT": {
                r.space();
                Key k = one();
                return t -> !k.test(t);
            }
            case "OR": {
                r.space();
                Key a = one();
                r.space();
                Key b = one();
                return t -> a.test(t) || b.test(t);
            }
            case "UID": {
                r.space();
                SequenceSet set = SequenceSet.parse(r.atom());
                java.util.Set<Integer> msns = new java.util.HashSet<>(s.selected.resolve(set, true));
                return t -> msns.contains(t.msn);
            }
            case "MODSEQ": return modSeq();
            default:
                if (SequenceSet.looksLikeSet(word)) {
                    java.util.Set<Integer> msns = new java.util.HashSet<>(s.selected.resolve(SequenceSet.parse(word), false));
                    return t -> msns.contains(t.msn);
                }
                throw new ImapSyntaxException("Unknown search criterion");
        }
    }

    private String arg() {
        r.space();
        return r.astring();
    }

    private long number() {
        r.space();
        return r.number();
    }

    private LocalDate date() {
        return ImapDates.parseDate(arg());
    }

    private static Key flag(String flag, boolean set) {
        return t -> Flags.has(t.info.flags(), flag) == set;
    }

    private static Key header(String name, String needle) {
        String wanted = needle.toLowerCase(Locale.ROOT);
        return t -> {
            for (String value : t.header(name)) {
                if (value.toLowerCase(Locale.ROOT).contains(wanted)) {
                    return true;
                }
            }
            return false;
        };
    }

    private static Key internalDate(LocalDate day, int direction) {
        return t -> compare(ImapDates.dateOf(t.info.internalDate()), day, direction);
    }

    private static Key sentDate(LocalDate day, int direction) {
        return t -> {
            Optional<LocalDate> sent = t.header("date").stream().findFirst().flatMap(ImapDates::headerDate);
            return sent.isPresent() && compare(sent.get(), day, direction);
        };
    }

    private static boolean compare(LocalDate date, LocalDate day, int direction) {
        return direction < 0 ? date.isBefore(day) : direction == 0 ? date.isEqual(day) : !date.isBefore(day);
    }

    /** MODSEQ [entry-name entry-type-req] mod-sequence-valzer. */
    private Key modSeq() {
        usesModSeq = true;
        r.space();
        if (r.peek() == '"') {
            r.astring();
            r.space();
            r.atom();
            r.space();
        }
        long n = r.number();
        return t -> t.info.modSeq() >= n;
    }
}

package it.pecgateway.gateway.admin;

import it.pecgateway.config.Sizes;
import it.pecgateway.gateway.ops.Actor;
import it.pecgateway.gateway.ops.LifecycleSweep;
import it.pecgateway.gateway.ops.MailboxImport;
import it.pecgateway.gateway.ops.NewMember;
import it.pecgateway.gateway.ops.OpsException;
import it.pecgateway.gateway.ops.Operations;
import it.pecgateway.mailstore.Mailbox;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The mailbox commands of the CLI on the service layer, as the local operator: add, passwd, show, holder, suspend,
 * resume, renew, delete, reset, import, and one run of the life-cycle job.
 */
final class MailboxLifecycleAdministration {
    private static final Actor OPERATOR = Actor.Operator.LOCAL;

    private final Operations ops;

    MailboxLifecycleAdministration(Operations ops) {
        this.ops = ops;
    }

    AdminReply execute(AdminRequest request) {
        Map<String, String> w = Words.of(request.arguments());
        String a = request.subject();
        return switch (request.operation()) {
            case ADD_MAILBOX -> add(a, request.password(), w);
            case SET_PASSWORD -> {
                boolean activated = ops.passwords().setByOperator(OPERATOR, a, request.password().orElseThrow().toCharArray());
                yield AdminReply.done("password of " + a + " changed" + (activated ? "; mailbox activated" : "") + "\n");
            }
            case SHOW_MAILBOX -> AdminReply.done(MailboxText.show(ops.status().view(OPERATOR, a)));
            case SET_HOLDER -> {
                ops.provisioning().setHolder(OPERATOR, a, member(a, w));
                yield AdminReply.done(MailboxText.show(ops.status().view(OPERATOR, a)));
            }
            case SUSPEND -> {
                ops.lifecycle().suspend(OPERATOR, a, w.getOrDefault("reason", ""));
                yield AdminReply.done(a + " suspended\n");
            }
            case RESUME -> AdminReply.done(a + " resumed: " + ops.lifecycle().resume(OPERATOR, a).name().toLowerCase(Locale.ROOT) + "\n");
            case RENEW -> AdminReply.done(a + " valid until " + ops.lifecycle().renew(OPERATOR, a, Words.get(w, "until").map(
                    MailboxLifecycleAdministration::date)) + "\n");
            case DELETE_MAILBOX -> {
                ops.deletion().delete(OPERATOR, a);
                yield AdminReply.done(a + " deleted\n");
            }
            case SEND_RESET -> AdminReply.done("reset link for " + a + " sent to " + ops.resets().sendByAdministrator(OPERATOR, a) + "\n");
            case IMPORT_MAILBOXES -> imported(ops.imports().run(OPERATOR, w.getOrDefault("csv", "")));
            case LIFECYCLE_RUN -> {
                LifecycleSweep.Outcome o = ops.sweep().run();
                yield AdminReply.done("life cycle: " + o.expired() + " expired, " + o.deleted() + " deleted, "
                        + o.credentialsPurged() + " expired credentials purged, " + o.queueEntriesPurged()
                        + " finished queue entries and " + o.claimsPurged() + " claims past their retention removed\n");
            }
            default -> AdminReply.failed(2, "not a mailbox operation: " + request.operation());
        };
    }

    private AdminReply add(String address, Optional<String> password, Map<String, String> w) {
        Mailbox m = ops.provisioning().create(OPERATOR, member(address, w), password.map(String::toCharArray), false);
        String state = m.state().name().toLowerCase(Locale.ROOT);
        String hint = password.isPresent() ? ""
                : Words.get(w, "recovery-email").map(e -> "; activation link sent to " + e)
                .orElse("; set a password with `mailbox passwd` to activate it");
        return AdminReply.done("mailbox " + m.address() + " added (" + state + hint + ")\n");
    }

    private static NewMember member(String address, Map<String, String> w) {
        return new NewMember(address, Words.get(w, "tax-code"), Words.get(w, "recovery-email"), Words.get(w, "phone"),
                Words.get(w, "quota").map(MailboxLifecycleAdministration::quota), Words.get(w, "expires").map(MailboxLifecycleAdministration::date));
    }

    private static AdminReply imported(MailboxImport.Report report) {
        StringBuilder s = new StringBuilder();
        for (MailboxImport.LineResult r : report.lines()) {
            s.append("line ").append(r.line()).append(": ").append(r.address()).append(": ")
                    .append(r.created() ? "created" : "REFUSED: " + r.message())
                    .append(r.problems().isEmpty() ? "" : " (" + String.join("; ", r.problems()) + ")").append('\n');
        }
        s.append(report.created()).append(" created, ").append(report.refused()).append(" refused\n");
        return new AdminReply(report.refused() == 0 ? 0 : 1, s.toString(), "");
    }

    private static long quota(String text) {
        try {
            return Sizes.parse(text);
        } catch (IllegalArgumentException e) {
            throw OpsException.badRequest("--quota: " + e.getMessage());
        }
    }

    private static LocalDate date(String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw OpsException.badRequest("'" + text + "' is not a date (2029-12-31)");
        }
    }
}

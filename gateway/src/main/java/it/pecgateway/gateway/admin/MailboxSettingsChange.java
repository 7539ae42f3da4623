package it.pecgateway.gateway.admin;

import it.pecgateway.gateway.ops.Actor;
import it.pecgateway.gateway.ops.HolderSettings;
import it.pecgateway.gateway.ops.Operations;
import it.pecgateway.mailstore.MailboxSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code mailbox rule} and {@code mailbox notify} (issue 5), through {@link HolderSettings}. Arguments: rule
 * {@code [reject | anomaly | forward ADDR | folder NAME]} (none: show); notify {@code [off | (to ADDR)... (from ADDR)...]}
 * (none: show).
 */
final class MailboxSettingsChange {
    private final Operations ops;

    MailboxSettingsChange(Operations ops) {
        this.ops = ops;
    }

    AdminReply execute(AdminRequest request) {
        String address = ops.context().mailbox(request.subject()).address();
        List<String> args = request.arguments();
        MailboxSettings now;
        if (args.isEmpty()) {
            now = ops.context().mailbox(address).settings();
        } else if (request.operation() == AdminRequest.Operation.MAILBOX_RULE) {
            if (args.size() > 2) {
                return AdminReply.failed(2, "too many arguments for a rule");
            }
            now = ops.settings().setRule(Actor.Operator.LOCAL, address, args.get(0),
                    args.size() > 1 ? Optional.of(args.get(1)) : Optional.empty());
        } else {
            List<String> to = new ArrayList<>();
            List<String> from = new ArrayList<>();
            if (!args.equals(List.of("off"))) {
                for (int i = 0; i + 1 < args.size(); i += 2) {
                    (args.get(i).equals("to") ? to : from).add(args.get(i + 1));
                }
                if (to.isEmpty()) {
                    return AdminReply.failed(2, "arrival notices need at least one address to notify");
                }
            }
            now = ops.settings().setNotices(Actor.Operator.LOCAL, address, to, from);
        }
        return AdminReply.done(address + ": " + HolderSettings.describe(now) + "\n");
    }
}

package it.pecgateway.gateway.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Optional;

/**
 * One administration command, as the CLI sends it to a running gateway (or runs it on the store itself).
 *
 * @param subject  the domain or mailbox address; for {@link Operation#LIST_MAILBOXES} an optional domain ("" for all)
 * @param password the new password for {@link Operation#ADD_MAILBOX} and {@link Operation#SET_PASSWORD}; never logged
 */
public record AdminRequest(Operation operation, String subject, Optional<String> password, java.util.List<String> arguments) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * MAILBOX_RULE and MAILBOX_NOTIFY carry their words in {@code arguments} ({@link MailboxSettingsChange}); the
     * others carry {@code name=value} words ({@link Words}).
     */
    public enum Operation {
        ADD_DOMAIN, ADD_MAILBOX, SET_PASSWORD, LIST_MAILBOXES, MAILBOX_RULE, MAILBOX_NOTIFY,
        SHOW_MAILBOX, SET_HOLDER, SUSPEND, RESUME, RENEW, DELETE_MAILBOX, SEND_RESET, IMPORT_MAILBOXES, LIFECYCLE_RUN,
        TOKEN_CREATE, TOKEN_LIST, TOKEN_REVOKE,
        LOG_QUERY, LOG_EXPORT, LOG_VERIFY
    }

    public AdminRequest {
        arguments = java.util.List.copyOf(arguments);
    }

    public AdminRequest(Operation operation, String subject, Optional<String> password) {
        this(operation, subject, password, java.util.List.of());
    }

    /** Keeps the password out of logs and exception messages. */
    @Override
    public String toString() {
        return (operation + " " + subject).strip() + password.map(p -> " (with password)").orElse("");
    }

    String toJson() {
        ObjectNode node = JSON.createObjectNode().put("operation", operation.name()).put("subject", subject);
        password.ifPresent(p -> node.put("password", p));
        arguments.forEach(node.putArray("arguments")::add);
        return node.toString();
    }

    private static java.util.List<String> arguments(JsonNode node) {
        java.util.List<String> result = new java.util.ArrayList<>();
        node.path("arguments").forEach(a -> result.add(a.asText()));
        return result;
    }

    static AdminRequest fromJson(String json) throws IOException {
        JsonNode node = JSON.readTree(json);
        try {
            return new AdminRequest(Operation.valueOf(node.path("operation").asText()), node.path("subject").asText(),
                    Optional.ofNullable(node.get("password")).map(JsonNode::asText), arguments(node));
        } catch (IllegalArgumentException e) {
            throw new IOException("unknown administration operation");
        }
    }
}

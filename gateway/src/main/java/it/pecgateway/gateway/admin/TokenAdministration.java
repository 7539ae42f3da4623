package it.pecgateway.gateway.admin;

import it.pecgateway.config.Durations;
import it.pecgateway.gateway.ops.Actor;
import it.pecgateway.gateway.ops.ApiTokens;
import it.pecgateway.gateway.ops.OpsException;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

/** {@code token create|list|revoke}: API tokens of operators and postmasters, made on the gateway's host only. */
final class TokenAdministration {
    private final ApiTokens tokens;

    TokenAdministration(ApiTokens tokens) {
        this.tokens = tokens;
    }

    AdminReply execute(AdminRequest request) {
        Map<String, String> w = Words.of(request.arguments());
        return switch (request.operation()) {
            case TOKEN_CREATE -> {
                String token = tokens.create(Actor.Operator.LOCAL, request.subject(), Words.get(w, "domain"),
                        Words.get(w, "valid-for").map(TokenAdministration::duration));
                yield AdminReply.done(token + "\n");
            }
            case TOKEN_LIST -> AdminReply.done(tokens.list(Actor.Operator.LOCAL).stream()
                    .map(t -> t.id() + "\t" + t.name() + "\t" + t.role() + t.domain().map(d -> " of " + d).orElse("")
                            + "\tcreated " + t.createdAt() + "\t" + t.expiresAt().map(e -> "expires " + e).orElse("no expiry") + "\n")
                    .collect(Collectors.joining()));
            case TOKEN_REVOKE -> AdminReply.done("token " + tokens.revoke(Actor.Operator.LOCAL, request.subject()).name() + " revoked\n");
            default -> AdminReply.failed(2, "not a token operation");
        };
    }

    private static Duration duration(String text) {
        try {
            return Durations.parse(text);
        } catch (IllegalArgumentException e) {
            throw OpsException.badRequest("--valid-for: " + e.getMessage());
        }
    }
}

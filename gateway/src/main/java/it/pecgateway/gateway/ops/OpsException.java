package it.pecgateway.gateway.ops;

import java.util.List;

/**
 * An operation refused, with the kind of refusal the API turns into an HTTP status and the CLI into an exit
 * status ({@link Kind#cliStatus()}). The message is for people and never holds a secret.
 */
public final class OpsException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public enum Kind {
        BAD_REQUEST(400, "bad_request"),
        UNAUTHENTICATED(401, "unauthenticated"),
        FORBIDDEN(403, "forbidden"),
        NOT_FOUND(404, "not_found"),
        CONFLICT(409, "conflict"),
        UNPROCESSABLE(422, "unprocessable"),
        TOO_MANY_REQUESTS(429, "too_many_requests"),
        UNAVAILABLE(503, "unavailable");

        private final int httpStatus;
        private final String code;

        Kind(int httpStatus, String code) {
            this.httpStatus = httpStatus;
            this.code = code;
        }

        public int httpStatus() {
            return httpStatus;
        }

        public String code() {
            return code;
        }

        /** 2 for a request that is wrong in itself (usage), 1 for one that failed. */
        public int cliStatus() {
            return this == BAD_REQUEST || this == UNPROCESSABLE ? 2 : 1;
        }
    }

    private final Kind kind;
    private final transient List<String> problems;

    public OpsException(Kind kind, String message) {
        this(kind, message, List.of());
    }

    public OpsException(Kind kind, String message, List<String> problems) {
        super(message);
        this.kind = kind;
        this.problems = List.copyOf(problems);
    }

    public Kind kind() {
        return kind;
    }

    /** Each thing wrong, for a 422 (password policy, CSV fields). */
    public List<String> problems() {
        return problems;
    }

    public static OpsException notFound(String what) {
        return new OpsException(Kind.NOT_FOUND, what);
    }

    public static OpsException forbidden(String why) {
        return new OpsException(Kind.FORBIDDEN, why);
    }

    public static OpsException conflict(String why) {
        return new OpsException(Kind.CONFLICT, why);
    }

    public static OpsException badRequest(String why) {
        return new OpsException(Kind.BAD_REQUEST, why);
    }

    public static OpsException unprocessable(String why, List<String> problems) {
        return new OpsException(Kind.UNPROCESSABLE, why, problems);
    }
}

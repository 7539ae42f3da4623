package it.pecgateway.gateway.smtp;

/**
 * Every reply the SMTP listeners send, in one place, each with its enhanced status code (RFC 3463, RFC 5248).
 * Session-level replies that SubEthaSMTP writes itself are rewritten to these by {@link ReplyFixingOutputStream}.
 */
public final class SmtpReplies {
    private SmtpReplies() {
    }

    // positive
    public static final SmtpReply OK = new SmtpReply(250, "2.0.0", "Ok");
    public static final SmtpReply SENDER_OK = new SmtpReply(250, "2.1.0", "Sender ok");
    public static final SmtpReply RECIPIENT_OK = new SmtpReply(250, "2.1.5", "Recipient ok");
    public static final SmtpReply RESET_OK = new SmtpReply(250, "2.0.0", "Reset");
    public static final SmtpReply ACCEPTED = new SmtpReply(250, "2.0.0", "Accepted");
    /** The access point took the message and answered with a signed non-acceptance notice (digest 5.3, 5.4). */
    public static final SmtpReply NOT_ACCEPTED = new SmtpReply(250, "2.0.0", "Not accepted, see the non-acceptance notice");
    public static final SmtpReply BYE = new SmtpReply(221, "2.0.0", "Bye");
    public static final SmtpReply READY_FOR_TLS = new SmtpReply(220, "2.0.0", "Ready to start TLS");
    public static final SmtpReply AUTH_OK = new SmtpReply(235, "2.7.0", "Authentication successful");
    public static final SmtpReply START_DATA = new SmtpReply(354, "", "End data with <CR><LF>.<CR><LF>");
    public static final SmtpReply AUTH_CONTINUE = new SmtpReply(334, "", "");

    // sequence and syntax
    public static final SmtpReply UNKNOWN_COMMAND = new SmtpReply(500, "5.5.2", "Command not recognized");
    public static final SmtpReply COMMAND_LINE_TOO_LONG = new SmtpReply(500, "5.5.2", "Line too long");
    public static final SmtpReply COMMAND_BARE_LINE_ENDING = new SmtpReply(500, "5.5.2", "Command lines must end with CRLF");
    public static final SmtpReply COMMAND_BAD_CHARACTERS = new SmtpReply(500, "5.5.2", "Invalid characters in command");
    public static final SmtpReply SYNTAX = new SmtpReply(501, "5.5.4", "Syntax error in parameters or arguments");
    public static final SmtpReply HELO_SYNTAX = new SmtpReply(501, "5.5.4", "Syntax: EHLO hostname");
    public static final SmtpReply NO_PARAMETERS_ALLOWED = new SmtpReply(501, "5.5.4", "No parameters allowed");
    public static final SmtpReply BAD_RECIPIENT_ADDRESS = new SmtpReply(501, "5.1.3", "Bad recipient address syntax");
    public static final SmtpReply BAD_SENDER_ADDRESS = new SmtpReply(501, "5.1.7", "Bad sender address syntax");
    public static final SmtpReply PARAMETER_NOT_SUPPORTED = new SmtpReply(555, "5.5.4", "Parameter not recognized or not implemented");
    public static final SmtpReply NOT_IMPLEMENTED = new SmtpReply(502, "5.5.1", "Command not implemented");
    public static final SmtpReply HELO_FIRST = new SmtpReply(503, "5.5.1", "Send EHLO or HELO first");
    public static final SmtpReply NEED_MAIL = new SmtpReply(503, "5.5.1", "Need MAIL command first");
    public static final SmtpReply NEED_RCPT = new SmtpReply(503, "5.5.1", "Need RCPT command first");
    public static final SmtpReply SENDER_ALREADY_GIVEN = new SmtpReply(503, "5.5.1", "Sender already specified");
    public static final SmtpReply TLS_ALREADY_ACTIVE = new SmtpReply(503, "5.5.1", "TLS already active");
    public static final SmtpReply ALREADY_AUTHENTICATED = new SmtpReply(503, "5.5.1", "Already authenticated");
    public static final SmtpReply NOT_DURING_TRANSACTION = new SmtpReply(503, "5.5.1", "Not allowed during a mail transaction");

    // security
    public static final SmtpReply TLS_REQUIRED = new SmtpReply(530, "5.7.0", "Must issue a STARTTLS command first");
    public static final SmtpReply AUTH_REQUIRED = new SmtpReply(530, "5.7.0", "Authentication required");
    public static final SmtpReply TLS_UNAVAILABLE = new SmtpReply(454, "4.7.0", "TLS not available");
    public static final SmtpReply AUTH_MECHANISM_UNSUPPORTED = new SmtpReply(504, "5.5.4", "Unrecognized authentication type");
    public static final SmtpReply AUTH_NOT_AVAILABLE = new SmtpReply(502, "5.5.1", "Authentication not available on this port");
    public static final SmtpReply AUTH_ENCRYPTION_REQUIRED = new SmtpReply(538, "5.7.11", "Encryption required for requested authentication mechanism");
    public static final SmtpReply AUTH_FAILED = new SmtpReply(535, "5.7.8", "Authentication credentials invalid");
    public static final SmtpReply AUTH_THROTTLED = new SmtpReply(454, "4.7.0", "Too many failed authentications, try again later");
    public static final SmtpReply AUTH_CANCELLED = new SmtpReply(501, "5.7.0", "Authentication cancelled");
    public static final SmtpReply AUTH_BAD_ENCODING = new SmtpReply(501, "5.5.2", "Cannot decode the authentication data");
    public static final SmtpReply ACCOUNT_DISABLED = new SmtpReply(525, "5.7.13", "Mailbox is not active and cannot send");
    public static final SmtpReply SENDER_NOT_OWNED = new SmtpReply(553, "5.7.1", "Sender address is not the authenticated mailbox");
    public static final SmtpReply RELAY_DENIED = new SmtpReply(550, "5.7.1", "Relaying denied: we do not host that domain");
    public static final SmtpReply TOO_MANY_CONNECTIONS = new SmtpReply(421, "4.7.0", "Too many connections, try again later");

    // recipients and content
    public static final SmtpReply MAILBOX_UNKNOWN = new SmtpReply(550, "5.1.1", "Mailbox unknown");
    public static final SmtpReply MAILBOX_DISABLED = new SmtpReply(550, "5.2.1", "Mailbox disabled");
    public static final SmtpReply TOO_MANY_RECIPIENTS = new SmtpReply(452, "4.5.3", "Too many recipients");
    public static final SmtpReply MESSAGE_TOO_BIG = new SmtpReply(552, "5.3.4", "Message size exceeds fixed limit");
    public static final SmtpReply BARE_LINE_ENDING = new SmtpReply(554, "5.6.0", "Message contains a bare CR or LF; lines must end with CRLF");
    public static final SmtpReply DATA_LINE_TOO_LONG = new SmtpReply(552, "5.6.0", "Message line longer than 1000 characters");
    public static final SmtpReply HEADER_TOO_LARGE = new SmtpReply(552, "5.6.0", "Message header too large");
    public static final SmtpReply VIRUS_REJECTED = new SmtpReply(554, "5.7.0", "Message refused: a virus was found");
    public static final SmtpReply NOT_CERTIFIED_REJECTED = new SmtpReply(550, "5.7.1", "This mailbox accepts only certified mail (PEC)");

    // our side
    public static final SmtpReply LOCAL_ERROR = new SmtpReply(451, "4.3.0", "Local error in processing, try again later");
    public static final SmtpReply STORAGE_UNAVAILABLE = new SmtpReply(452, "4.3.1", "Insufficient system storage, try again later");
    public static final SmtpReply SHUTTING_DOWN = new SmtpReply(421, "4.3.2", "Service shutting down, closing transmission channel");
    public static final SmtpReply TIMEOUT = new SmtpReply(421, "4.4.2", "Timeout, closing transmission channel");
}

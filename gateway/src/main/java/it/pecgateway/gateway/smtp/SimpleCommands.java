package it.pecgateway.gateway.smtp;

import java.io.IOException;

/** The verbs with nothing to decide: RSET, NOOP, QUIT, and the ones we answer with a fixed reply. */
final class SimpleCommands {
    private SimpleCommands() {
    }

    static final class Rset extends SmtpCommand {
        Rset() {
            super("RSET");
        }

        @Override
        boolean allowedBeforeTls() {
            return true;
        }

        @Override
        SmtpReply handle(SmtpSession session, String arguments) {
            if (!arguments.isBlank()) {
                return SmtpReplies.NO_PARAMETERS_ALLOWED;
            }
            session.resetTransaction();
            return SmtpReplies.RESET_OK;
        }
    }

    static final class Noop extends SmtpCommand {
        Noop() {
            super("NOOP");
        }

        @Override
        boolean allowedBeforeTls() {
            return true;
        }

        @Override
        SmtpReply handle(SmtpSession session, String arguments) {
            return SmtpReplies.OK;
        }
    }

    static final class Quit extends SmtpCommand {
        Quit() {
            super("QUIT");
        }

        @Override
        boolean allowedBeforeTls() {
            return true;
        }

        @Override
        SmtpReply handle(SmtpSession session, String arguments) {
            return SmtpReplies.BYE;
        }

        @Override
        void afterReply(SmtpSession session, SmtpReply reply) throws IOException {
            session.wire.quit();
        }
    }

    /** VRFY, EXPN, HELP, BDAT, ETRN...: a fixed answer, allowed in any state. */
    static final class Fixed extends SmtpCommand {
        private final SmtpReply reply;

        Fixed(String verb, SmtpReply reply) {
            super(verb);
            this.reply = reply;
        }

        @Override
        boolean allowedBeforeTls() {
            return true;
        }

        @Override
        SmtpReply handle(SmtpSession session, String arguments) {
            return reply;
        }
    }
}

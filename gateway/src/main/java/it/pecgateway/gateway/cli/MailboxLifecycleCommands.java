package it.pecgateway.gateway.cli;

import it.pecgateway.gateway.admin.AdminRequest;
import it.pecgateway.gateway.admin.AdminRequest.Operation;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The mailbox life cycle from the CLI: show, holder, suspend, resume, renew, delete, reset, import. Each one is an
 * administration request run by the local operator, through the running gateway or on the store.
 */
public final class MailboxLifecycleCommands {
    private MailboxLifecycleCommands() {
    }

    /** One mailbox, one operation, optional {@code name=value} words. */
    abstract static class OnMailbox implements Callable<Integer> {
        private final CliContext context;

        @Mixin
        ConfigOption config;

        @Parameters(index = "0", paramLabel = "ADDRESS", description = "the PEC mailbox")
        String address;

        private final Operation operation;

        OnMailbox(CliContext context, Operation operation) {
            this.context = context;
            this.operation = operation;
        }

        List<String> words() {
            return List.of();
        }

        @Override
        public Integer call() throws Exception {
            return AdminCommands.run(config, new AdminRequest(operation, address, Optional.empty(), words()), context);
        }

        /** {@code name=value} words for the options given: {@code given("until", until)}; null values are left out. */
        static List<String> given(String... namesAndValues) {
            List<String> words = new ArrayList<>();
            for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
                if (namesAndValues[i + 1] != null) {
                    words.add(namesAndValues[i] + "=" + namesAndValues[i + 1]);
                }
            }
            return words;
        }
    }

    @Command(name = "show", description = "State, dates, quota, holder and settings of a mailbox.")
    public static final class Show extends OnMailbox {
        public Show(CliContext context) {
            super(context, Operation.SHOW_MAILBOX);
        }
    }

    @Command(name = "holder", description = "Correct the holder's tax code, recovery e-mail or phone (no confirmation code).")
    public static final class Holder extends OnMailbox {
        @Option(names = "--tax-code", paramLabel = "CODE")
        String taxCode;

        @Option(names = "--recovery-email", paramLabel = "ADDRESS")
        String email;

        @Option(names = "--phone", paramLabel = "+39...")
        String phone;

        public Holder(CliContext context) {
            super(context, Operation.SET_HOLDER);
        }

        @Override
        List<String> words() {
            return given("tax-code", taxCode, "recovery-email", email, "phone", phone);
        }
    }

    @Command(name = "suspend", description = "Suspend an active or expired mailbox: no login, no sending, no certified mail in.")
    public static final class Suspend extends OnMailbox {
        @Option(names = "--reason", paramLabel = "TEXT", description = "recorded in the legal log")
        String reason;

        public Suspend(CliContext context) {
            super(context, Operation.SUSPEND);
        }

        @Override
        List<String> words() {
            return given("reason", reason);
        }
    }

    @Command(name = "resume", description = "End a suspension (back to active, or expired if the date passed).")
    public static final class Resume extends OnMailbox {
        public Resume(CliContext context) {
            super(context, Operation.RESUME);
        }
    }

    @Command(name = "renew", description = "Move the expiry date: --until DATE, or the validity period added to it.")
    public static final class Renew extends OnMailbox {
        @Option(names = "--until", paramLabel = "YYYY-MM-DD", description = "valid through this day")
        String until;

        public Renew(CliContext context) {
            super(context, Operation.RENEW);
        }

        @Override
        List<String> words() {
            return given("until", until);
        }
    }

    @Command(name = "delete", description = "Delete a mailbox with its messages (the legal log keeps its history).")
    public static final class Delete extends OnMailbox {
        public Delete(CliContext context) {
            super(context, Operation.DELETE_MAILBOX);
        }
    }

    @Command(name = "reset", description = "E-mail a password-reset link (an activation link if inactive) to the recovery address.")
    public static final class Reset extends OnMailbox {
        public Reset(CliContext context) {
            super(context, Operation.SEND_RESET);
        }
    }

    @Command(name = "import", description = "Create mailboxes from a CSV: address, tax code, recovery e-mail, phone[, quota[, expiry]]"
            + " per line; a report per line; exit 1 when a line was refused.")
    public static final class Import implements Callable<Integer> {
        private final CliContext context;

        @Mixin
        ConfigOption config;

        @Parameters(index = "0", paramLabel = "FILE.csv")
        Path file;

        public Import(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() throws Exception {
            Path path = context.workingDir().resolve(file);
            if (Files.isDirectory(path)) {
                throw new UsageError(file + ": not a file");
            }
            String csv;
            try {
                csv = Files.readString(path, StandardCharsets.UTF_8);
            } catch (NoSuchFileException e) {
                throw new UsageError(file + ": no such file");
            } catch (CharacterCodingException e) {
                // spreadsheets on Windows export Windows-1252 by default; the reading must not guess
                throw new UsageError(file + ": not UTF-8 text (save the CSV as UTF-8)");
            }
            return AdminCommands.run(config, new AdminRequest(Operation.IMPORT_MAILBOXES, file.toString(), Optional.empty(),
                    List.of("csv=" + csv)), context);
        }
    }
}

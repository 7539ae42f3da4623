package it.pecgateway.gateway.cli;

import it.pecgateway.gateway.admin.AdminReply;
import it.pecgateway.gateway.admin.AdminRequest;
import it.pecgateway.gateway.admin.AdminRequest.Operation;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code pec-gateway log query|export|verify}: extracts of the legal log and the check of its hash chain. */
@Command(name = "log", description = "The legal log: extracts by identificativo, address and time, and the hash-chain check.",
        subcommands = {LogCommand.Query.class, LogCommand.Export.class, LogCommand.Verify.class})
public final class LogCommand {

    /** The filters shared by query and export. */
    static final class Filters {
        @Option(names = "--id", paramLabel = "IDENTIFICATIVO", description = "one transaction")
        String id;

        @Option(names = "--address", paramLabel = "ADDRESS", description = "records whose sender or a recipient is ADDRESS")
        String address;

        @Option(names = "--from", paramLabel = "TIME", description = "from this time or date (2026-11-25, 2026-11-25T10:00:00Z)")
        String from;

        @Option(names = "--to", paramLabel = "TIME", description = "before this time, or to the end of this date")
        String to;

        @Option(names = "--limit", paramLabel = "N", description = "at most N records (default 100000)")
        String limit;

        List<String> words() {
            List<String> words = new ArrayList<>();
            add(words, "id", id);
            add(words, "address", address);
            add(words, "from", from);
            add(words, "to", to);
            add(words, "limit", limit);
            return words;
        }

        static void add(List<String> words, String name, String value) {
            if (value != null) {
                words.add(name + "=" + value);
            }
        }
    }

    @Command(name = "query", description = "Print matching records, one per line (sequence, time, event, identificativo, who).")
    public static final class Query implements Callable<Integer> {
        private final CliContext context;

        @Mixin
        ConfigOption config;

        @Mixin
        Filters filters;

        public Query(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() throws Exception {
            return AdminCommands.run(config, new AdminRequest(Operation.LOG_QUERY, "", Optional.empty(), filters.words()), context);
        }
    }

    @Command(name = "export", description = "Export matching records as CSV or JSON (JSON carries every field and hash).")
    public static final class Export implements Callable<Integer> {
        private final CliContext context;

        @Mixin
        ConfigOption config;

        @Mixin
        Filters filters;

        @Option(names = "--format", paramLabel = "csv|json", defaultValue = "json", description = "csv or json (default json)")
        String format;

        @Option(names = "--output", paramLabel = "FILE", description = "write to FILE instead of standard output")
        Path output;

        public Export(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() throws Exception {
            List<String> words = filters.words();
            words.add("format=" + format);
            AdminRequest request = new AdminRequest(Operation.LOG_EXPORT, "", Optional.empty(), words);
            if (output == null) {
                return AdminCommands.run(config, request, context);
            }
            AdminReply reply = AdminCommands.send(config, request, context);
            if (reply.status() == 0) {
                Files.writeString(context.workingDir().resolve(output), reply.output(), StandardCharsets.UTF_8);
            }
            return AdminCommands.report(new AdminReply(reply.status(), "", reply.error()), context);
        }
    }

    @Command(name = "verify", description = "Check the legal log's hash chain: exit 0 when intact, 1 when broken (says where).")
    public static final class Verify implements Callable<Integer> {
        private final CliContext context;

        @Mixin
        ConfigOption config;

        public Verify(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() throws Exception {
            return AdminCommands.run(config, new AdminRequest(Operation.LOG_VERIFY, "", Optional.empty()), context);
        }
    }
}

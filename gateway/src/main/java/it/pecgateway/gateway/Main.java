package it.pecgateway.gateway;

import it.pecgateway.config.ConfigException;
import it.pecgateway.gateway.cli.CheckConfigCommand;
import it.pecgateway.gateway.cli.CliContext;
import it.pecgateway.gateway.cli.DomainCommand;
import it.pecgateway.gateway.cli.LifecycleCommand;
import it.pecgateway.gateway.cli.LogCommand;
import it.pecgateway.gateway.cli.TokenCommand;
import it.pecgateway.gateway.cli.MailboxCommand;
import it.pecgateway.gateway.cli.PkiCommand;
import it.pecgateway.gateway.cli.SamplesCommand;
import it.pecgateway.gateway.cli.ServeCommand;
import it.pecgateway.gateway.cli.UsageError;
import it.pecgateway.gateway.cli.VerifyCommand;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import org.slf4j.bridge.SLF4JBridgeHandler;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code pec-gateway <command>}. Exit status: 0 done, 1 the operation failed (exists, not found, I/O ...),
 * 2 usage or configuration error (every problem listed). Never a stack trace.
 */
@Command(name = "pec-gateway", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "A PEC (Italian certified e-mail) provider gateway.",
        subcommands = {ServeCommand.class, CheckConfigCommand.class, PkiCommand.class, DomainCommand.class,
                MailboxCommand.class, TokenCommand.class, LifecycleCommand.class, LogCommand.class, VerifyCommand.class, SamplesCommand.class, CommandLine.HelpCommand.class})
public final class Main {
    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int USAGE_OR_CONFIGURATION = 2;

    public static void main(String[] args) {
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
        int status = run(args, CliContext.system());
        if (status != OK || !isServe(args)) {
            System.exit(status);
        }
    }

    public static int run(String[] args, CliContext context) {
        CommandLine cli = new CommandLine(new Main(), new ContextFactory(context));
        cli.setOut(context.out());
        cli.setErr(context.err());
        cli.setExecutionExceptionHandler((e, command, parsed) -> failure(e, context));
        return cli.execute(args);
    }

    private static int failure(Exception e, CliContext context) {
        if (e instanceof ConfigException c) {
            context.err().println("pec-gateway: the configuration cannot be used:");
            c.problems().forEach(p -> context.err().println("  - " + p));
            return USAGE_OR_CONFIGURATION;
        }
        if (e instanceof UsageError) {
            context.err().println("pec-gateway: " + e.getMessage());
            return USAGE_OR_CONFIGURATION;
        }
        context.err().println("pec-gateway: " + describe(e));
        return FAILED;
    }

    /** The JDK's file exceptions carry only the path as their message; the reason is in the type. */
    private static String describe(Exception e) {
        if (e instanceof NoSuchFileException f) {
            return f.getFile() + ": no such file or directory";
        }
        if (e instanceof AccessDeniedException f) {
            return f.getFile() + ": permission denied";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static boolean isServe(String[] args) {
        return args.length > 0 && args[0].equals("serve");
    }

    /** Gives commands the {@link CliContext} through their constructor. */
    private record ContextFactory(CliContext context) implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> type) throws Exception {
            try {
                return type.getDeclaredConstructor(CliContext.class).newInstance(context);
            } catch (NoSuchMethodException e) {
                return CommandLine.defaultFactory().create(type);
            }
        }
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = Main.class.getPackage().getImplementationVersion();
            return new String[] {"pec-gateway " + (version == null ? "(development build)" : version)};
        }
    }
}

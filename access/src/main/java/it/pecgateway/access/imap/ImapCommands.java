package it.pecgateway.access.imap;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Every IMAP command by name. */
final class ImapCommands {
    private ImapCommands() {
    }

    static Map<String, ImapCommand> all() {
        List<ImapCommand> commands = List.of(
                new SimpleCommands.Capability(), new SimpleCommands.Noop("NOOP"), new SimpleCommands.Noop("CHECK"),
                new SimpleCommands.Logout(), new SimpleCommands.StartTls(), new SimpleCommands.Namespace(),
                new SimpleCommands.Enable(), new SimpleCommands.Id(), new SimpleCommands.Close(true),
                new SimpleCommands.Close(false),
                new LoginCommand(), new AuthenticateCommand(),
                new SelectCommand(false), new SelectCommand(true),
                new FolderCommands.Create(), new FolderCommands.Delete(), new FolderCommands.Rename(),
                new FolderCommands.Subscribe(true), new FolderCommands.Subscribe(false),
                new ListCommand(false), new ListCommand(true), new StatusCommand(), new AppendCommand(),
                new ExpungeCommand(), new SearchCommand(), new FetchCommand(), new StoreCommand(),
                new CopyCommand(false), new CopyCommand(true), new IdleCommand(),
                new QuotaCommand("GETQUOTA"), new QuotaCommand("GETQUOTAROOT"), new QuotaCommand("SETQUOTA"));
        return commands.stream().collect(Collectors.toUnmodifiableMap(ImapCommand::name, Function.identity()));
    }
}

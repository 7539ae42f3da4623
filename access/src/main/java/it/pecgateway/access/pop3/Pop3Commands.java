package it.pecgateway.access.pop3;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Every POP3 command by name, with its state guard. */
final class Pop3Commands {
    private Pop3Commands() {
    }

    static Map<String, Pop3Command> all() {
        Pop3State auth = Pop3State.AUTHORIZATION;
        Pop3State trans = Pop3State.TRANSACTION;
        List<Pop3Command> commands = List.of(
                new Pop3Command("CAPA", Pop3Command.ANY, Pop3AuthCommands::capa),
                new Pop3Command("USER", auth, Pop3AuthCommands::user),
                new Pop3Command("PASS", auth, Pop3AuthCommands::pass),
                new Pop3Command("AUTH", auth, Pop3AuthCommands::auth),
                new Pop3Command("QUIT", Pop3Command.ANY, Pop3MaildropCommands::quit),
                new Pop3Command("STAT", trans, Pop3MaildropCommands::stat),
                new Pop3Command("LIST", trans, Pop3MaildropCommands::list),
                new Pop3Command("UIDL", trans, Pop3MaildropCommands::uidl),
                new Pop3Command("RETR", trans, Pop3MaildropCommands::retr),
                new Pop3Command("TOP", trans, Pop3MaildropCommands::top),
                new Pop3Command("DELE", trans, Pop3MaildropCommands::dele),
                new Pop3Command("RSET", trans, Pop3MaildropCommands::rset),
                new Pop3Command("NOOP", trans, Pop3MaildropCommands::noop));
        return commands.stream().collect(Collectors.toUnmodifiableMap(Pop3Command::name, Function.identity()));
    }
}

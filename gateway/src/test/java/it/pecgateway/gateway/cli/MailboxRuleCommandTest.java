package it.pecgateway.gateway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import it.pecgateway.config.DevProfile;
import it.pecgateway.config.GatewayConfig;
import it.pecgateway.mailstore.MailStore;
import it.pecgateway.mailstore.MailStores;
import it.pecgateway.mailstore.MailboxSettings;
import it.pecgateway.mailstore.MailboxState;
import it.pecgateway.mailstore.NewMailbox;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MailboxRuleCommandTest {
    @TempDir
    Path dir;
    StringWriter out;
    StringWriter err;
    GatewayConfig config;

    @BeforeEach
    void mailbox() throws Exception {
        config = DevProfile.config(dir);
        Files.createDirectories(config.storage().embeddedPath());
        try (MailStore store = MailStores.open(config.storage(), Clock.systemUTC())) {
            store.accounts().addDomain("pec.localhost");
            store.accounts().createMailbox(new NewMailbox("mario@pec.localhost", Optional.empty(), MailboxState.ACTIVE, Optional.empty(), 0));
        }
    }

    /** Through the real launcher: {@code pec-gateway mailbox <command> ...}, with the store opened by the CLI. */
    private int run(String command, String... args) {
        out = new StringWriter();
        err = new StringWriter();
        CliContext context = new CliContext(dir, new ByteArrayInputStream(new byte[0]), new PrintWriter(out, true),
                new PrintWriter(err, true), Clock.systemUTC());
        String[] all = new String[args.length + 2];
        all[0] = "mailbox";
        all[1] = command;
        System.arraycopy(args, 0, all, 2, args.length);
        return it.pecgateway.gateway.Main.run(all, context);
    }

    private MailboxSettings settings() {
        try (MailStore store = MailStores.open(config.storage(), Clock.systemUTC())) {
            return store.accounts().find("mario@pec.localhost").orElseThrow().settings();
        }
    }

    @Test
    void eachRuleCanBeSetAndIsShown() {
        assertThat(run("rule", "mario@pec.localhost")).isZero();
        assertThat(out.toString()).contains("rejected");

        assertThat(run("rule", "mario@pec.localhost", "forward", "mario@gmail.example")).isZero();
        assertThat(settings().ordinaryMail()).isEqualTo(MailboxSettings.OrdinaryMailRule.FORWARD);
        assertThat(settings().forwardTo()).contains("mario@gmail.example");

        assertThat(run("rule", "mario@pec.localhost", "folder", "Ordinaria")).isZero();
        assertThat(settings().folder()).contains("Ordinaria");

        assertThat(run("rule", "mario@pec.localhost", "anomaly")).isZero();
        assertThat(settings().ordinaryMail()).isEqualTo(MailboxSettings.OrdinaryMailRule.ANOMALY_TO_INBOX);
        assertThat(out.toString()).contains("anomaly envelope");
    }

    @Test
    void badRulesAndUnknownMailboxesAreRefused() {
        assertThat(run("rule", "mario@pec.localhost", "forward")).isEqualTo(2);
        assertThat(run("rule", "mario@pec.localhost", "forward", "not-an-address")).isEqualTo(2);
        assertThat(run("rule", "mario@pec.localhost", "delete-everything")).isEqualTo(2);
        assertThat(err.toString()).contains("unknown rule");
        assertThat(run("rule", "nessuno@pec.localhost", "reject")).isEqualTo(1);
        assertThat(settings().ordinaryMail()).isEqualTo(MailboxSettings.OrdinaryMailRule.REJECT);
    }

    @Test
    void aRefusedRuleSaysWhyOnce() {
        assertThat(run("rule", "mario@pec.localhost", "forward", "not-an-address")).isEqualTo(2);
        assertThat(err.toString()).endsWith("\npec-gateway: 'not-an-address' is not an e-mail address\n");
        assertThat(run("notify", "mario@pec.localhost", "--to", "a@x.example", "--to", "b@x.example", "--to", "c@x.example"))
                .isEqualTo(2);
        assertThat(err.toString()).endsWith("\npec-gateway: at most 2 addresses to notify and 2 senders\n");
    }

    @Test
    void arrivalNoticesTakeAtMostTwoAddressesAndTwoSenders() {
        assertThat(run("notify", "mario@pec.localhost", "--to", "a@gmail.example", "--to", "b@gmail.example",
                "--only-from", "capo@pec.other.example")).isZero();
        assertThat(settings().notifyAddresses()).containsExactly("a@gmail.example", "b@gmail.example");
        assertThat(settings().notifyOnlyFrom()).containsExactly("capo@pec.other.example");

        assertThat(run("notify", "mario@pec.localhost", "--to", "a@x.example", "--to", "b@x.example", "--to", "c@x.example"))
                .isEqualTo(2);
        assertThat(run("notify", "mario@pec.localhost", "--to", "bad")).isEqualTo(2);
        assertThat(settings().notifyAddresses()).hasSize(2);

        assertThat(run("notify", "mario@pec.localhost", "--off")).isZero();
        assertThat(settings().notifyAddresses()).isEmpty();
        assertThat(out.toString()).contains("no arrival notices");
    }
}

package it.pecgateway.gateway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import it.pecgateway.config.ConfigLoader;
import it.pecgateway.config.DevProfile;
import it.pecgateway.gateway.Gateway;
import it.pecgateway.gateway.TestConfigs;
import it.pecgateway.gateway.admin.AdminSocketService;
import it.pecgateway.mailstore.MailStore;
import it.pecgateway.mailstore.MailStores;
import it.pecgateway.mailstore.MailboxState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MailboxCommandsTest {
    @TempDir
    Path dir;

    Cli cli() {
        return new Cli(dir);
    }

    MailStore openDevStore() {
        return MailStores.open(DevProfile.config(dir).storage(), Clock.systemUTC());
    }

    @Test
    void withoutARunningGatewayCommandsWorkOnTheStoreItself() {
        Cli.Result added = cli().runWithInput("S3cret-pw\n", "mailbox", "add", "alice@pec.localhost", "--password-stdin");

        assertThat(added.status()).as(added.err()).isZero();
        assertThat(added.out()).isEqualTo("mailbox alice@pec.localhost added (active)\n");
        assertThat(added.err()).contains("using the development configuration");
        assertThat(added.out() + added.err()).doesNotContain("S3cret-pw");
        try (MailStore store = openDevStore()) {
            assertThat(store.accounts().domains()).containsExactly("pec.localhost");
            assertThat(store.accounts().authenticate("alice@pec.localhost", "S3cret-pw".toCharArray())).isPresent();
            assertThat(store.accounts().authenticate("alice@pec.localhost", "wrong".toCharArray())).isEmpty();
        }
    }

    @Test
    void aDomainNoMailCouldReachIsNotHosted() {
        for (String wrong : new String[] {"pec.example.org.", "pec_example.org", "localhost", "pec..example.org"}) {
            Cli.Result r = cli().run("domain", "add", wrong);
            assertThat(r.status()).as(wrong).isEqualTo(2);
            assertThat(r.err()).as(wrong).endsWith("pec-gateway: " + wrong + ": not a domain name\n");
        }
        try (MailStore store = openDevStore()) {
            assertThat(store.accounts().domains()).containsExactly("pec.localhost");
        }
    }

    @Test
    void domainsMailboxesPasswordsAndListingsFollowEachOther() {
        assertThat(cli().run("domain", "add", "pec.example.org").out()).isEqualTo("domain pec.example.org added\n");
        Cli.Result inactive = cli().run("mailbox", "add", "bob@pec.example.org");
        assertThat(inactive.status()).isZero();
        assertThat(inactive.out()).startsWith("mailbox bob@pec.example.org added (inactive;");
        cli().runWithInput("Pw-alice-1\n", "mailbox", "add", "alice@pec.localhost", "--password-stdin");

        assertThat(cli().run("mailbox", "list").out()).isEqualTo("alice@pec.localhost\tactive\nbob@pec.example.org\tinactive\n");
        assertThat(cli().run("mailbox", "list", "pec.example.org").out()).isEqualTo("bob@pec.example.org\tinactive\n");

        Cli.Result passwd = cli().runWithInput("Pw-bob-22\n", "mailbox", "passwd", "bob@pec.example.org", "--password-stdin");
        assertThat(passwd.status()).isZero();
        assertThat(passwd.out()).isEqualTo("password of bob@pec.example.org changed; mailbox activated\n");
        try (MailStore store = openDevStore()) {
            assertThat(store.accounts().authenticate("bob@pec.example.org", "Pw-bob-22".toCharArray()))
                    .hasValueSatisfying(m -> assertThat(m.state()).isEqualTo(MailboxState.ACTIVE));
        }
    }

    @Test
    void failuresExitWith1AndMisuseWith2() {
        cli().runWithInput("Pw-alice-1\n", "mailbox", "add", "alice@pec.localhost", "--password-stdin");

        Cli.Result twice = cli().runWithInput("other\n", "mailbox", "add", "alice@pec.localhost", "--password-stdin");
        Cli.Result unhosted = cli().run("mailbox", "add", "bob@not-hosted.example");
        Cli.Result nobody = cli().runWithInput("pw\n", "mailbox", "passwd", "nobody@pec.localhost", "--password-stdin");
        Cli.Result domainTwice = cli().run("domain", "add", "pec.localhost");
        Cli.Result noStdinOption = cli().run("mailbox", "passwd", "alice@pec.localhost");
        Cli.Result emptyPassword = cli().runWithInput("", "mailbox", "add", "carol@pec.localhost", "--password-stdin");
        Cli.Result badAddress = cli().run("mailbox", "add", "no-at-sign");

        assertThat(twice.status()).isEqualTo(1);
        assertThat(twice.err()).contains("pec-gateway: mailbox alice@pec.localhost exists already");
        assertThat(unhosted.status()).isEqualTo(1);
        assertThat(unhosted.err()).contains("not-hosted.example is not a PEC domain hosted here");
        assertThat(nobody.status()).isEqualTo(1);
        assertThat(nobody.err()).contains("no mailbox nobody@pec.localhost");
        assertThat(domainTwice.status()).isEqualTo(1);
        assertThat(noStdinOption.status()).isEqualTo(2);
        assertThat(emptyPassword.status()).isEqualTo(2);
        assertThat(emptyPassword.err()).contains("standard input holds no password");
        assertThat(badAddress.status()).isEqualTo(2);
        for (Cli.Result r : java.util.List.of(twice, unhosted, nobody, domainTwice, noStdinOption, emptyPassword, badAddress)) {
            assertThat(r.err()).doesNotContain("Exception").doesNotContain("\tat ");
        }
    }

    @Test
    void whileTheGatewayRunsCommandsGoThroughItsSocketAndTakeEffectAtOnce() throws Exception {
        Path config = Files.writeString(dir.resolve("pec-gateway.yaml"), TestConfigs.loopbackOnPortZero("starttls-optional"));
        try (Gateway gateway = Gateway.start(ConfigLoader.load(config), Clock.systemUTC())) {
            assertThat(gateway.store().accounts().domains()).as("configured domains are ensured at start").contains("pec.localhost");
            assertThat(AdminSocketService.socketOf(dir.resolve("data"))).exists();

            Cli.Result added = cli().runWithInput("Carol-pw-1\n", "mailbox", "add", "carol@pec.localhost", "--password-stdin");

            assertThat(added.status()).as(added.err()).isZero();
            assertThat(added.err()).as("a configuration file is present: no notice").isEmpty();
            assertThat(gateway.store().accounts().authenticate("carol@pec.localhost", "Carol-pw-1".toCharArray())).isPresent();
            // the certified transport creates the service mailbox (index mailReceipt) at start
            assertThat(cli().run("mailbox", "list").out()).isEqualTo("carol@pec.localhost\tactive\nposta-certificata@pec.localhost\tactive\n");
            assertThat(cli().runWithInput("x\n", "mailbox", "add", "carol@pec.localhost", "--password-stdin").status()).isEqualTo(1);
        }
        assertThat(AdminSocketService.socketOf(dir.resolve("data"))).doesNotExist();
        assertThat(cli().run("mailbox", "list").out()).as("the store is free again after the stop").contains("carol@pec.localhost");
    }
}

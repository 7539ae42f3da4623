package it.pecgateway.gateway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import it.pecgateway.config.DevProfile;
import it.pecgateway.mailstore.MailStore;
import it.pecgateway.mailstore.MailStores;
import it.pecgateway.mailstore.MailboxState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The life-cycle, import and token commands on the development store (the CLI opens it: no gateway runs). */
class OperationsCliTest {
    static final String TAX = "RSSMRA85T10A562S";

    @TempDir
    Path dir;

    Cli cli() {
        return new Cli(dir);
    }

    MailStore store() {
        return MailStores.open(DevProfile.config(dir).storage(), Clock.systemUTC());
    }

    @Test
    void aMailboxGoesThroughItsLifeFromTheCommandLine() {
        Cli.Result added = cli().run("mailbox", "add", "anna@pec.localhost", "--tax-code", TAX, "--recovery-email", "anna@example.org",
                "--phone", "+393331234567", "--quota", "2GB");
        assertThat(added.status()).as(added.err()).isZero();
        assertThat(added.out()).isEqualTo("mailbox anna@pec.localhost added (inactive; activation link sent to anna@example.org)\n");
        assertThat(cli().run("mailbox", "suspend", "anna@pec.localhost").status()).as("inactive: nothing to suspend").isEqualTo(1);
        assertThat(cli().runWithInput("Anna-pw-2024\n", "mailbox", "passwd", "anna@pec.localhost", "--password-stdin").out())
                .isEqualTo("password of anna@pec.localhost changed; mailbox activated\n");

        Cli.Result show = cli().run("mailbox", "show", "anna@pec.localhost");
        assertThat(show.out()).contains("state: active\n", "tax code: " + TAX + "\n", "recovery e-mail: anna@example.org\n",
                "quota: 0 of 2000000000 bytes, 0 messages\n");
        assertThat(cli().run("mailbox", "suspend", "anna@pec.localhost", "--reason", "court order").out()).isEqualTo("anna@pec.localhost suspended\n");
        assertThat(cli().run("mailbox", "resume", "anna@pec.localhost").out()).isEqualTo("anna@pec.localhost resumed: active\n");
        assertThat(cli().run("mailbox", "renew", "anna@pec.localhost", "--until", "2099-12-31").out())
                .isEqualTo("anna@pec.localhost valid until 2099-12-31T23:00:00Z\n");
        assertThat(cli().run("mailbox", "renew", "anna@pec.localhost", "--until", "2000-01-01").status()).isEqualTo(2);
        assertThat(cli().run("mailbox", "reset", "anna@pec.localhost").out()).isEqualTo("reset link for anna@pec.localhost sent to anna@example.org\n");
        assertThat(cli().run("mailbox", "holder", "anna@pec.localhost", "--recovery-email", "anna.new@example.org").out())
                .contains("recovery e-mail: anna.new@example.org");
        assertThat(cli().run("lifecycle", "run").out()).startsWith("life cycle: 0 expired, 0 deleted");
        assertThat(cli().run("mailbox", "delete", "anna@pec.localhost").out()).isEqualTo("anna@pec.localhost deleted\n");
        assertThat(cli().run("mailbox", "show", "anna@pec.localhost").status()).isEqualTo(1);
        Cli.Result log = cli().run("log", "query", "--address", "anna@pec.localhost");
        assertThat(log.out()).contains("mailbox-created", "activation-sent", "password-set", "mailbox-activated", "mailbox-suspended",
                "mailbox-resumed", "mailbox-renewed", "password-reset-requested", "holder-changed", "mailbox-deleted",
                "operator:local-administration");
        try (MailStore store = store()) {
            assertThat(store.queue().pending(100)).as("the activation and reset e-mails wait for the gateway to relay them")
                    .extracting(e -> e.recipient()).containsExactly("anna@example.org", "anna@example.org");
        }
    }

    @Test
    void theCliAppliesThePasswordPolicy() {
        cli().run("mailbox", "add", "bruno@pec.localhost");

        Cli.Result weak = cli().runWithInput("bruno\n", "mailbox", "passwd", "bruno@pec.localhost", "--password-stdin");

        assertThat(weak.status()).isEqualTo(2);
        assertThat(weak.err()).contains("the password does not follow the policy", "at least 8 characters").doesNotContain("bruno\n");
        try (MailStore store = store()) {
            assertThat(store.accounts().find("bruno@pec.localhost").orElseThrow().state()).isEqualTo(MailboxState.INACTIVE);
        }
    }

    @Test
    void anImportReportsEveryLineAndCreatesTheGoodOnes() throws Exception {
        Files.writeString(dir.resolve("members.csv"), """
                address,tax_code,recovery_email,phone,quota,expiry
                uno@pec.localhost,RSSMRA85T10A562S,uno@example.org,+39 333 1111111,1GB,2099-12-31
                due@pec.localhost,RSSMRA85T10A562X,due@example.org,,,
                tre@pec.localhost,RSSMRA85T10A562S,not-an-address,,,
                quattro@elsewhere.example,RSSMRA85T10A562S,q@example.org,,,
                uno@pec.localhost,RSSMRA85T10A562S,uno@example.org,,,
                cinque@pec.localhost,RSSMRA85T10A562S
                "sei@pec.localhost","00488410010","sei@example.org","",500MB,31/12/2099
                sette@pec.localhost,RSSMRA85T10A562S,sette@example.org,,lots,
                """);

        Cli.Result r = cli().run("mailbox", "import", "members.csv");

        assertThat(r.status()).as("some lines were refused").isEqualTo(1);
        assertThat(r.out().lines()).containsExactly(
                "line 2: uno@pec.localhost: created",
                "line 3: due@pec.localhost: REFUSED: the mailbox request is not valid (tax code: 'RSSMRA85T10A562X' is not a valid"
                        + " codice fiscale (16 characters or 11 digits with the right check character))",
                "line 4: tre@pec.localhost: REFUSED: the mailbox request is not valid (recovery e-mail: 'not-an-address' is not an e-mail address)",
                "line 5: quattro@elsewhere.example: REFUSED: elsewhere.example is not a PEC domain hosted here",
                "line 6: uno@pec.localhost: REFUSED: mailbox uno@pec.localhost exists already",
                "line 7: cinque@pec.localhost: REFUSED: expected 4 to 6 fields (found 2 fields: address, tax code, recovery e-mail, phone[, quota[, expiry]])",
                "line 8: sei@pec.localhost: created",
                "line 9: sette@pec.localhost: REFUSED: bad quota (quota: 'lots' is not a size (bytes, or a number with B, KB, MB, GB, KiB, MiB, GiB))",
                "2 created, 6 refused");
        try (MailStore store = store()) {
            var uno = store.accounts().find("uno@pec.localhost").orElseThrow();
            assertThat(uno.state()).isEqualTo(MailboxState.INACTIVE);
            assertThat(uno.quotaBytes()).isEqualTo(1_000_000_000L);
            assertThat(uno.expiresAt()).isPresent();
            assertThat(store.accounts().holder("sei@pec.localhost").taxCode()).contains("00488410010");
            assertThat(store.accounts().find("due@pec.localhost")).isEmpty();
        }
        assertThat(cli().run("mailbox", "import", "absent.csv").status()).isEqualTo(2);
        Files.writeString(dir.resolve("broken.csv"), "a@pec.localhost,\"unclosed\n");
        Cli.Result broken = cli().run("mailbox", "import", "broken.csv");
        assertThat(broken.status()).isEqualTo(2);
        assertThat(broken.err()).contains("line 1: a quoted field is not closed");
    }

    @Test
    void aCsvThatIsNotUtf8OrNotAFileIsAUsageErrorThatNamesTheFile() throws Exception {
        // as a spreadsheet exports it on Windows: Windows-1252, 'Niccolò' with 0xF2
        Files.write(dir.resolve("soci.csv"), "uno@pec.localhost,RSSMRA85T10A562S,niccol\u00f2@example.org,\n"
                .getBytes(java.nio.charset.Charset.forName("windows-1252")));
        Files.createDirectories(dir.resolve("cartella"));

        Cli.Result latin = cli().run("mailbox", "import", "soci.csv");
        Cli.Result folder = cli().run("mailbox", "import", "cartella");

        assertThat(latin.status()).isEqualTo(2);
        assertThat(latin.err()).endsWith("pec-gateway: soci.csv: not UTF-8 text (save the CSV as UTF-8)\n");
        assertThat(folder.status()).isEqualTo(2);
        assertThat(folder.err()).endsWith("pec-gateway: cartella: not a file\n");
    }

    @Test
    void tokensAreMadeOnceListedWithoutTheSecretAndRevoked() {
        Cli.Result made = cli().run("token", "create", "ops-team", "--operator");
        Cli.Result pm = cli().run("token", "create", "pm-local", "--postmaster", "pec.localhost", "--valid-for", "30d");
        Cli.Result unhosted = cli().run("token", "create", "pm-x", "--postmaster", "nowhere.example");
        Cli.Result twice = cli().run("token", "create", "ops-team", "--operator");
        Cli.Result neither = cli().run("token", "create", "x");

        assertThat(made.out()).startsWith("pgw_").hasSize(4 + 43 + 1);
        assertThat(pm.status()).isZero();
        assertThat(unhosted.status()).isEqualTo(1);
        assertThat(twice.status()).isEqualTo(1);
        assertThat(neither.status()).isEqualTo(2);
        String list = cli().run("token", "list").out();
        assertThat(list).contains("ops-team\toperator", "pm-local\tpostmaster of pec.localhost", "expires ")
                .doesNotContain(made.out().strip());
        assertThat(cli().run("token", "revoke", "ops-team").out()).isEqualTo("token ops-team revoked\n");
        assertThat(cli().run("token", "list").out()).doesNotContain("ops-team");
        assertThat(cli().run("log", "query", "--address", "ops-team").out()).contains("api-token-created", "api-token-revoked")
                .doesNotContain(made.out().strip());
    }
}

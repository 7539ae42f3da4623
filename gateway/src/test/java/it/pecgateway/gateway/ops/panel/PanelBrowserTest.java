package it.pecgateway.gateway.ops.panel;

import static org.assertj.core.api.Assertions.assertThat;

import it.pecgateway.certs.PemFiles;
import it.pecgateway.gateway.ops.OpsFixture;
import it.pecgateway.gateway.smtp.SmtpRole;
import it.pecgateway.mailstore.MailboxSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The holder's panel in a real headless browser: Debian's chromium driven by Debian's chromedriver (both named
 * explicitly, so Selenium Manager never downloads anything). The browser accepts the development TLS certificate
 * and no other: {@code --ignore-certificate-errors-spki-list} names the SHA-256 of that certificate's public key.
 * From the activation e-mail to the dashboard: activation, login, status and client settings, password change,
 * rule for ordinary mail, arrival notices, logout; and not one Content-Security-Policy violation on the way.
 */
class PanelBrowserTest {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    @TempDir
    static Path dir;
    static OpsFixture f;
    static ChromeDriver browser;
    static WebDriverWait wait;

    @BeforeAll
    static void start() throws Exception {
        for (Path p : List.of(CHROMIUM, CHROMEDRIVER)) {
            assertThat(p).as("install Debian's chromium and chromium-driver (.ci/run does)").isExecutable();
        }
        f = OpsFixture.start(dir.resolve("gateway"));
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + Files.createDirectories(dir.resolve("chromium-profile")),
                "--ignore-certificate-errors-spki-list=" + spkiHash(dir.resolve("gateway/data/pki/tls.pem")));
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        wait = new WebDriverWait(browser, Duration.ofSeconds(15));
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (f != null) {
            f.close();
        }
    }

    /** What Chromium pins: base64 of the SHA-256 of the certificate's SubjectPublicKeyInfo. */
    static String spkiHash(Path pem) throws Exception {
        X509Certificate tls = PemFiles.readCertificates(pem).get(0);
        return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(tls.getPublicKey().getEncoded()));
    }

    static WebElement visible(String id) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.id(id)));
    }

    static void type(String id, String text) {
        WebElement e = visible(id);
        e.clear();
        e.sendKeys(text);
    }

    static void says(String text) {
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("message"), text));
    }

    @Test
    void aHolderActivatesLogsInSeesItsSettingsAndChangesThemInTheBrowser() throws Exception {
        f.member("bea@pec.localhost", "bea@example.org");
        String link = OpsFixture.link(f.awaitMail("bea@example.org", 1));

        browser.get(link);
        assertThat(visible("link-address").getText()).isEqualTo("bea@pec.localhost");
        assertThat(browser.getCurrentUrl()).as("the token left the address bar").doesNotContain("pgl_");
        type("link-password", "Bea-pw-2024");
        type("link-repeat", "Bea-pw-2024");
        visible("link-submit").click();
        says("accept the service conditions");
        visible("link-accept").click();
        visible("link-submit").click();
        says("Mailbox activated");

        assertThat(visible("login-address").getAttribute("value")).isEqualTo("bea@pec.localhost");
        type("login-password", "wrong");
        visible("login-submit").click();
        says("wrong address or password");
        type("login-password", "Bea-pw-2024");
        visible("login-submit").click();
        says("Logged in.");

        assertThat(visible("status-state").getText()).isEqualTo("active");
        assertThat(visible("who").getText()).isEqualTo("bea@pec.localhost");
        String clients = visible("clients").getText();
        int smtps = f.gateway.transport().ports(SmtpRole.SUBMISSION).get(0);
        int submission = f.gateway.transport().ports(SmtpRole.SUBMISSION).get(1);
        int imaps = f.gateway.access().address("imaps").orElseThrow().getPort();
        int pop3s = f.gateway.access().address("pop3s").orElseThrow().getPort();
        assertThat(clients).contains("IMAP localhost " + imaps + " SSL/TLS", "POP3 localhost " + pop3s + " SSL/TLS",
                "SMTP localhost " + smtps + " SSL/TLS", "SMTP localhost " + submission + " STARTTLS");

        type("password-current", "Bea-pw-2024");
        type("password-new", "Bea-new-pw-77");
        type("password-repeat", "Bea-new-pw-77");
        visible("password-submit").click();
        says("Password changed.");
        assertThat(f.gateway.store().accounts().authenticate("bea@pec.localhost", "Bea-new-pw-77".toCharArray())).isPresent();

        new Select(visible("rule")).selectByValue("forward");
        type("rule-target", "bea@example.org");
        visible("rule-submit").click();
        says("forwarded to bea@example.org");
        type("notice-to-1", "bea.avvisi@example.org");
        type("notice-from-1", "capo@pec.other.localhost");
        visible("notices-submit").click();
        says("arrival notices to bea.avvisi@example.org");
        MailboxSettings s = f.gateway.store().accounts().find("bea@pec.localhost").orElseThrow().settings();
        assertThat(s.ordinaryMail()).isEqualTo(MailboxSettings.OrdinaryMailRule.FORWARD);
        assertThat(s.notifyAddresses()).containsExactly("bea.avvisi@example.org");
        assertThat(s.notifyOnlyFrom()).containsExactly("capo@pec.other.localhost");

        browser.navigate().refresh();
        assertThat(visible("status-state").getText()).as("a reload keeps the session (cookie)").isEqualTo("active");
        assertThat(browser.manage().getCookieNamed("__Host-pecgw-session").isHttpOnly()).isTrue();
        visible("logout").click();
        says("Logged out.");
        browser.navigate().refresh();
        assertThat(visible("login-section").isDisplayed()).isTrue();

        List<LogEntry> problems = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getMessage().contains("Content Security Policy") || e.getMessage().contains("Refused to")).toList();
        assertThat(problems).as("no CSP violation").isEmpty();
    }
}

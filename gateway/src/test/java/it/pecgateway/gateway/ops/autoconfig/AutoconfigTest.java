package it.pecgateway.gateway.ops.autoconfig;

import static org.assertj.core.api.Assertions.assertThat;

import it.pecgateway.config.ConfigLoader;
import it.pecgateway.config.GatewayConfig;
import it.pecgateway.gateway.http.HttpReply;
import it.pecgateway.gateway.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

class AutoconfigTest {
    static final GatewayConfig CONFIG = ConfigLoader.parse("""
            provider: {name: Example PEC & Co, domains: [pec.example.it], hostnames: [mx.pec.example.it]}
            listeners:
              imap: {enabled: true, port: 143}
              pop3s: {enabled: false}
            operations: {client-hostname: mail.pec.example.it}
            """, Path.of("/tmp"), "test");

    /** The submission listener was bound elsewhere (as with port 0): its real port is given. */
    final ClientSettings settings = new ClientSettings(CONFIG, name -> name.equals("submission") ? OptionalInt.of(10587) : OptionalInt.empty());

    static String xpath(HttpReply reply, String expression) throws Exception {
        Document doc = Xml.parse(new String(reply.body(), StandardCharsets.UTF_8));
        XPath x = XPathFactory.newInstance().newXPath();
        return x.evaluate(expression, doc);
    }

    @Test
    void thunderbirdGetsEveryEnabledServerWithHostPortAndTls() throws Exception {
        HttpReply reply = new ThunderbirdAutoconfig(settings).answer(HttpRequest.of("GET",
                "/.well-known/autoconfig/mail/config-v1.1.xml?emailaddress=alice%40pec.example.it"));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.contentType()).startsWith("application/xml");
        assertThat(xpath(reply, "/clientConfig/emailProvider/domain")).isEqualTo("pec.example.it");
        assertThat(xpath(reply, "/clientConfig/emailProvider/displayName")).isEqualTo("Example PEC & Co (PEC)");
        assertThat(xpath(reply, "count(//incomingServer)")).isEqualTo("2");
        assertThat(xpath(reply, "//incomingServer[1]/@type")).isEqualTo("imap");
        assertThat(xpath(reply, "//incomingServer[1]/hostname")).isEqualTo("mail.pec.example.it");
        assertThat(xpath(reply, "//incomingServer[1]/port")).isEqualTo("993");
        assertThat(xpath(reply, "//incomingServer[1]/socketType")).isEqualTo("SSL");
        assertThat(xpath(reply, "//incomingServer[2]/port")).isEqualTo("143");
        assertThat(xpath(reply, "//incomingServer[2]/socketType")).isEqualTo("STARTTLS");
        assertThat(xpath(reply, "//outgoingServer[1]/port")).isEqualTo("465");
        assertThat(xpath(reply, "//outgoingServer[1]/socketType")).isEqualTo("SSL");
        assertThat(xpath(reply, "//outgoingServer[2]/port")).isEqualTo("10587");
        assertThat(xpath(reply, "//outgoingServer[2]/socketType")).isEqualTo("STARTTLS");
        assertThat(xpath(reply, "//outgoingServer[2]/username")).isEqualTo("%EMAILADDRESS%");
    }

    @Test
    void thunderbirdAskingForAnotherDomainGets404() {
        HttpReply reply = new ThunderbirdAutoconfig(settings).answer(HttpRequest.of("GET", "/mail/config-v1.1.xml?emailaddress=bob@example.org"));

        assertThat(reply.status()).isEqualTo(404);
    }

    static HttpRequest post(String body) {
        return new HttpRequest("POST", "/autodiscover/autodiscover.xml", Map.of(), Map.of("content-type", "text/xml"),
                body.getBytes(StandardCharsets.UTF_8), true, Optional.empty());
    }

    static String outlookRequest(String address) {
        return """
                <?xml version="1.0" encoding="utf-8"?>
                <Autodiscover xmlns="http://schemas.microsoft.com/exchange/autodiscover/outlook/requestschema/2006">
                  <Request>
                    <EMailAddress>%s</EMailAddress>
                    <AcceptableResponseSchema>http://schemas.microsoft.com/exchange/autodiscover/outlook/responseschema/2006a</AcceptableResponseSchema>
                  </Request>
                </Autodiscover>
                """.formatted(address);
    }

    @Test
    void outlookGetsImapAndSmtpWithImplicitTlsPreferred() throws Exception {
        HttpReply reply = new OutlookAutodiscover(settings).answer(post(outlookRequest("alice@pec.example.it")));

        assertThat(reply.status()).isEqualTo(200);
        String account = "/*[local-name()='Autodiscover']/*[local-name()='Response']/*[local-name()='Account']";
        assertThat(xpath(reply, account + "/*[local-name()='Action']")).isEqualTo("settings");
        assertThat(xpath(reply, "count(" + account + "/*[local-name()='Protocol'])")).as("no POP3: it is disabled").isEqualTo("2");
        String imap = account + "/*[local-name()='Protocol'][*[local-name()='Type']='IMAP']";
        assertThat(xpath(reply, imap + "/*[local-name()='Server']")).isEqualTo("mail.pec.example.it");
        assertThat(xpath(reply, imap + "/*[local-name()='Port']")).isEqualTo("993");
        assertThat(xpath(reply, imap + "/*[local-name()='LoginName']")).isEqualTo("alice@pec.example.it");
        assertThat(xpath(reply, imap + "/*[local-name()='Encryption']")).isEqualTo("SSL");
        String smtp = account + "/*[local-name()='Protocol'][*[local-name()='Type']='SMTP']";
        assertThat(xpath(reply, smtp + "/*[local-name()='Port']")).isEqualTo("465");
    }

    @Test
    void outlookBadRequestsGetAnAutodiscoverErrorAndNoEntityIsExpanded() throws Exception {
        OutlookAutodiscover outlook = new OutlookAutodiscover(settings);

        assertThat(outlook.answer(post("not xml")).status()).isEqualTo(400);
        assertThat(outlook.answer(post(outlookRequest("bob@example.org"))).status()).isEqualTo(404);
        HttpReply xxe = outlook.answer(post("<?xml version=\"1.0\"?><!DOCTYPE a [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + outlookRequest("&x;").substring(outlookRequest("").indexOf("<Autodiscover"))));
        assertThat(xxe.status()).isEqualTo(400);
        assertThat(new String(xxe.body(), StandardCharsets.UTF_8)).doesNotContain("root:").contains("<ErrorCode>600</ErrorCode>");
    }
}

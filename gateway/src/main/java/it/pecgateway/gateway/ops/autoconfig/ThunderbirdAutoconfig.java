package it.pecgateway.gateway.ops.autoconfig;

import it.pecgateway.gateway.http.HttpReply;
import it.pecgateway.gateway.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Thunderbird's autoconfiguration file ({@code config-v1.1.xml}), asked for at
 * {@code /.well-known/autoconfig/mail/config-v1.1.xml} or {@code /mail/config-v1.1.xml} (host autoconfig.DOMAIN),
 * with {@code ?emailaddress=} naming the account. Passwords are sent in clear inside TLS only: every server is
 * implicit TLS or STARTTLS (required by the gateway).
 */
public final class ThunderbirdAutoconfig {
    private final ClientSettings settings;

    public ThunderbirdAutoconfig(ClientSettings settings) {
        this.settings = settings;
    }

    public HttpReply answer(HttpRequest request) {
        Optional<String> address = request.queryParameter("emailaddress");
        String domain = address.filter(a -> a.indexOf('@') > 0).map(a -> a.substring(a.lastIndexOf('@') + 1).toLowerCase(Locale.ROOT))
                .orElse(null);
        if (address.isPresent() && (domain == null || !settings.hostsDomain(domain))) {
            return HttpReply.error(404, "no PEC domain of ours");
        }
        return new HttpReply(200, "application/xml; charset=utf-8", xml(domain).getBytes(StandardCharsets.UTF_8), Map.of());
    }

    String xml(String domainOrNull) {
        StringBuilder x = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<clientConfig version=\"1.1\">\n");
        String id = domainOrNull == null ? settings.host() : domainOrNull;
        x.append("  <emailProvider id=\"").append(Xml.escape(id)).append("\">\n");
        if (domainOrNull != null) {
            x.append("    <domain>").append(Xml.escape(domainOrNull)).append("</domain>\n");
        }
        x.append("    <displayName>").append(Xml.escape(settings.providerName())).append(" (PEC)</displayName>\n");
        x.append("    <displayShortName>PEC</displayShortName>\n");
        for (ClientEndpoint e : settings.endpoints()) {
            String element = e.protocol() == ClientEndpoint.Protocol.SMTP ? "outgoingServer" : "incomingServer";
            String type = e.protocol().name().toLowerCase(Locale.ROOT);
            x.append("    <").append(element).append(" type=\"").append(type).append("\">\n")
                    .append("      <hostname>").append(Xml.escape(e.host())).append("</hostname>\n")
                    .append("      <port>").append(e.port()).append("</port>\n")
                    .append("      <socketType>").append(e.implicit() ? "SSL" : "STARTTLS").append("</socketType>\n")
                    .append("      <authentication>password-cleartext</authentication>\n")
                    .append("      <username>%EMAILADDRESS%</username>\n")
                    .append("    </").append(element).append(">\n");
        }
        return x.append("  </emailProvider>\n</clientConfig>\n").toString();
    }
}

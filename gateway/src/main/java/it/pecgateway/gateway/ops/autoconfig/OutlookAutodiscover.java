package it.pecgateway.gateway.ops.autoconfig;

import it.pecgateway.gateway.http.HttpReply;
import it.pecgateway.gateway.http.HttpRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/**
 * Outlook's Autodiscover (plain old XML): a POST of the request schema naming {@code EMailAddress}, answered with
 * the outlook response schema 2006a: one IMAP, one POP3 and one SMTP protocol (implicit TLS preferred).
 */
public final class OutlookAutodiscover {
    static final String REQUEST_NS = "http://schemas.microsoft.com/exchange/autodiscover/outlook/requestschema/2006";
    static final String RESPONSE_NS = "http://schemas.microsoft.com/exchange/autodiscover/responseschema/2006";
    static final String OUTLOOK_NS = "http://schemas.microsoft.com/exchange/autodiscover/outlook/responseschema/2006a";

    private final ClientSettings settings;

    public OutlookAutodiscover(ClientSettings settings) {
        this.settings = settings;
    }

    public HttpReply answer(HttpRequest request) {
        String address;
        try {
            Document parsed = Xml.parse(request.bodyText());
            NodeList found = parsed.getElementsByTagNameNS(REQUEST_NS, "EMailAddress");
            if (found.getLength() != 1) {
                return error(400, "the request names no EMailAddress");
            }
            address = found.item(0).getTextContent().trim();
        } catch (IOException e) {
            return error(400, "the request is not Autodiscover XML");
        }
        int at = address.lastIndexOf('@');
        if (at <= 0 || !settings.hostsDomain(address.substring(at + 1).toLowerCase(Locale.ROOT))) {
            return error(404, "no PEC domain of ours");
        }
        return xml(200, response(address));
    }

    String response(String address) {
        StringBuilder x = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n")
                .append("<Autodiscover xmlns=\"").append(RESPONSE_NS).append("\">\n")
                .append("  <Response xmlns=\"").append(OUTLOOK_NS).append("\">\n")
                .append("    <Account>\n      <AccountType>email</AccountType>\n      <Action>settings</Action>\n");
        for (ClientEndpoint.Protocol p : List.of(ClientEndpoint.Protocol.IMAP, ClientEndpoint.Protocol.POP3, ClientEndpoint.Protocol.SMTP)) {
            settings.endpoints(p).stream().findFirst().ifPresent(e -> x.append("      <Protocol>\n")
                    .append("        <Type>").append(p.name()).append("</Type>\n")
                    .append("        <Server>").append(Xml.escape(e.host())).append("</Server>\n")
                    .append("        <Port>").append(e.port()).append("</Port>\n")
                    .append("        <LoginName>").append(Xml.escape(address)).append("</LoginName>\n")
                    .append("        <DomainRequired>off</DomainRequired>\n")
                    .append("        <SPA>off</SPA>\n")
                    .append("        <SSL>on</SSL>\n")
                    .append("        <Encryption>").append(e.implicit() ? "SSL" : "TLS").append("</Encryption>\n")
                    .append("        <AuthRequired>on</AuthRequired>\n")
                    .append("      </Protocol>\n"));
        }
        return x.append("    </Account>\n  </Response>\n</Autodiscover>\n").toString();
    }

    private static HttpReply error(int status, String message) {
        return xml(status, "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<Autodiscover xmlns=\"" + RESPONSE_NS + "\">\n"
                + "  <Response>\n    <Error>\n      <ErrorCode>600</ErrorCode>\n      <Message>" + Xml.escape(message)
                + "</Message>\n      <DebugData />\n    </Error>\n  </Response>\n</Autodiscover>\n");
    }

    private static HttpReply xml(int status, String body) {
        return new HttpReply(status, "application/xml; charset=utf-8", body.getBytes(StandardCharsets.UTF_8), Map.of());
    }
}

package it.pecgateway.receipts.read;

import it.pecgateway.receipts.mime.MimeNode;
import java.util.Optional;

/** The daticert.xml and postacert.eml parts inside the first part of a signed PEC message, where present. */
record Parts(Optional<MimeNode> daticert, Optional<MimeNode> postacert) {
    static Parts of(MimeNode root) {
        if (!root.type().mimeType().equals("multipart/signed") || root.children().isEmpty()) {
            return new Parts(Optional.empty(), Optional.empty());
        }
        MimeNode content = root.children().get(0);
        Optional<MimeNode> daticert = content.find("daticert.xml").or(() -> content.find("certdata.xml"));
        Optional<MimeNode> postacert = content.find("postacert.eml").or(() -> content.children().stream()
                .filter(c -> c.type().mimeType().equals("message/rfc822")).findFirst());
        return new Parts(daticert, postacert);
    }
}

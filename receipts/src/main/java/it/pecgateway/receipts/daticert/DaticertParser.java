package it.pecgateway.receipts.daticert;

import it.pecgateway.receipts.ReceiptType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Reads a received daticert.xml into a {@link Daticert}: first the DTD check, then every field. Any problem is a
 * {@link DaticertException} with the reason, never another exception.
 */
public final class DaticertParser {
    /** Far above any real daticert (a few hundred recipients); protects the DOM from a hostile attachment. */
    public static final int MAX_BYTES = 1 << 20;

    private DaticertParser() {
    }

    public static Daticert parse(byte[] xml) throws DaticertException {
        if (xml.length > MAX_BYTES) {
            throw new DaticertException("daticert.xml is larger than " + MAX_BYTES + " bytes");
        }
        Element root = DaticertDtd.parse(xml).getDocumentElement();
        Element intestazione = child(root, "intestazione");
        Element dati = child(root, "dati");
        Element data = child(dati, "data");
        List<Destinatario> destinatari = new ArrayList<>();
        for (Element d : children(intestazione, "destinatari")) {
            destinatari.add(new Destinatario(text(d), !"esterno".equals(d.getAttribute("tipo"))));
        }
        List<String> ricezione = children(dati, "ricezione").stream().map(DaticertParser::text).toList();
        return new Daticert(
                DaticertTipo.fromValue(root.getAttribute("tipo"))
                        .orElseThrow(() -> new DaticertException("unknown tipo " + root.getAttribute("tipo"))),
                errore(root),
                text(child(intestazione, "mittente")),
                destinatari,
                text(child(intestazione, "risposte")),
                optional(intestazione, "oggetto"),
                text(child(dati, "gestore-emittente")),
                text(child(data, "giorno")),
                text(child(data, "ora")),
                data.getAttribute("zona").trim(),
                text(child(dati, "identificativo")),
                optional(dati, "msgid"),
                ricevuta(dati),
                optional(dati, "consegna"),
                ricezione,
                optional(dati, "errore-esteso"));
    }

    private static Errore errore(Element root) throws DaticertException {
        String value = root.hasAttribute("errore") ? root.getAttribute("errore") : "nessuno";
        return Errore.fromValue(value).orElseThrow(() -> new DaticertException("unknown errore " + value));
    }

    private static Optional<ReceiptType> ricevuta(Element dati) throws DaticertException {
        List<Element> r = children(dati, "ricevuta");
        if (r.isEmpty()) {
            return Optional.empty();
        }
        String tipo = r.get(0).getAttribute("tipo");
        return Optional.of(ReceiptType.fromValue(tipo)
                .orElseThrow(() -> new DaticertException("unknown ricevuta tipo " + tipo)));
    }

    private static Element child(Element parent, String name) throws DaticertException {
        List<Element> found = children(parent, name);
        if (found.isEmpty()) {
            throw new DaticertException("daticert.xml lacks " + parent.getTagName() + "/" + name);
        }
        return found.get(0);
    }

    private static Optional<String> optional(Element parent, String name) {
        List<Element> found = children(parent, name);
        return found.isEmpty() ? Optional.empty() : Optional.of(text(found.get(0)));
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(name)) {
                out.add(e);
            }
        }
        return out;
    }

    private static String text(Element e) {
        return e.getTextContent().trim();
    }
}

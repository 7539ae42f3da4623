package it.pecgateway.receipts.daticert;

import java.nio.charset.StandardCharsets;

/**
 * Writes daticert.xml in the shape real providers use (digest 6.4): UTF-8 declaration, no DOCTYPE, four-space
 * indentation, LF line ends, elements in DTD order. Every document is checked against the DTD before it is returned,
 * so nothing invalid is ever signed.
 */
public final class DaticertWriter {
    private DaticertWriter() {
    }

    public static byte[] write(Daticert d) throws DaticertException {
        StringBuilder x = new StringBuilder(1024);
        x.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        x.append("<postacert tipo=\"").append(d.tipo().value()).append("\" errore=\"").append(d.errore().value())
                .append("\">\n");
        x.append("    <intestazione>\n");
        element(x, 2, "mittente", d.mittente());
        for (Destinatario dest : d.destinatari()) {
            x.append("        <destinatari tipo=\"").append(dest.tipo()).append("\">").append(Xml.escape(dest.address()))
                    .append("</destinatari>\n");
        }
        element(x, 2, "risposte", d.risposte());
        d.oggetto().ifPresent(o -> element(x, 2, "oggetto", o));
        x.append("    </intestazione>\n");
        x.append("    <dati>\n");
        element(x, 2, "gestore-emittente", d.gestoreEmittente());
        x.append("        <data zona=\"").append(Xml.escape(d.zona())).append("\">\n");
        element(x, 3, "giorno", d.giorno());
        element(x, 3, "ora", d.ora());
        x.append("        </data>\n");
        element(x, 2, "identificativo", d.identificativo());
        d.msgid().ifPresent(m -> element(x, 2, "msgid", m));
        d.ricevuta().ifPresent(r -> x.append("        <ricevuta tipo=\"").append(r.value()).append("\" />\n"));
        d.consegna().ifPresent(c -> element(x, 2, "consegna", c));
        d.ricezione().forEach(r -> element(x, 2, "ricezione", r));
        d.erroreEsteso().ifPresent(e -> element(x, 2, "errore-esteso", e));
        x.append("    </dati>\n");
        x.append("</postacert>\n");
        byte[] xml = x.toString().getBytes(StandardCharsets.UTF_8);
        DaticertDtd.validate(xml);
        return xml;
    }

    private static void element(StringBuilder x, int depth, String name, String text) {
        x.append("    ".repeat(depth)).append('<').append(name).append('>').append(Xml.escape(text)).append("</")
                .append(name).append(">\n");
    }
}

package it.pecgateway.receipts.daticert;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Validates a daticert.xml against the normative DTD (RFC 6109 section 4.4, a verbatim copy shipped as a resource),
 * with the JDK parser. Real documents carry no DOCTYPE, so one is inserted that only our resolver can satisfy; a
 * document that brings its own DOCTYPE is refused, which also shuts out external entities.
 */
public final class DaticertDtd {
    private static final String DTD_NAME = "daticert-rfc6109.dtd";
    private static final byte[] DTD = loadDtd();
    private static final byte[] DOCTYPE = ("<!DOCTYPE postacert SYSTEM \"" + DTD_NAME + "\">\n")
            .getBytes(StandardCharsets.US_ASCII);
    /** The declarations only: the licence comments are 3 of the 5 KB and need not be scanned for every message. */
    private static final byte[] DECLARATIONS = new String(DTD, StandardCharsets.UTF_8)
            .replaceAll("(?s)<!--.*?-->", "").getBytes(StandardCharsets.UTF_8);
    private static final SAXParserFactory FACTORY = factory();
    /** A parser per thread: making one costs as much as the validation itself (SAXParser is not thread-safe). */
    private static final ThreadLocal<SAXParser> PARSER = ThreadLocal.withInitial(DaticertDtd::newParser);
    /** The same for reading into a DOM (DocumentBuilder is not thread-safe either). */
    private static final ThreadLocal<DocumentBuilder> BUILDER = ThreadLocal.withInitial(DaticertDtd::newBuilder);

    private DaticertDtd() {
    }

    /** The DTD text, verbatim. */
    public static byte[] dtd() {
        return DTD.clone();
    }

    public static void validate(byte[] xml) throws DaticertException {
        refuseOwnDoctype(xml);
        SAXParser parser = PARSER.get();
        try {
            parser.reset();
            parser.parse(new ByteArrayInputStream(withDoctype(xml)), new StrictHandler());
        } catch (SAXParseException e) {
            throw invalid(e);
        } catch (SAXException | IOException e) {
            throw new DaticertException("daticert.xml cannot be parsed: " + e.getMessage(), e);
        }
    }

    /**
     * Validates and builds the document in one pass (what {@link #validate} checks, with the same parser settings and
     * resolver), for readers: validating first and parsing again read every received daticert twice.
     */
    public static Document parse(byte[] xml) throws DaticertException {
        refuseOwnDoctype(xml);
        DocumentBuilder builder = BUILDER.get();
        try {
            builder.reset();
            StrictHandler strict = new StrictHandler();
            builder.setEntityResolver(strict);
            builder.setErrorHandler(strict);
            return builder.parse(new ByteArrayInputStream(withDoctype(xml)));
        } catch (SAXParseException e) {
            throw invalid(e);
        } catch (SAXException | IOException e) {
            throw new DaticertException("daticert.xml cannot be parsed: " + e.getMessage(), e);
        }
    }

    private static void refuseOwnDoctype(byte[] xml) throws DaticertException {
        if (indexOf(xml, "<!DOCTYPE".getBytes(StandardCharsets.US_ASCII), 0) >= 0) {
            throw new DaticertException("daticert.xml carries its own DOCTYPE");
        }
    }

    private static DaticertException invalid(SAXParseException e) {
        return new DaticertException("daticert.xml is not valid against the DTD (line " + e.getLineNumber() + "): "
                + e.getMessage());
    }

    private static DocumentBuilder newBuilder() {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setValidating(true);
            f.setNamespaceAware(false);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            return f.newDocumentBuilder();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK XML parser cannot validate", e);
        }
    }

    private static SAXParser newParser() {
        try {
            return FACTORY.newSAXParser();
        } catch (ParserConfigurationException | SAXException e) {
            throw new IllegalStateException("the JDK XML parser cannot validate", e);
        }
    }

    private static byte[] withDoctype(byte[] xml) {
        int at = 0;
        if (startsWith(xml, "<?xml")) {
            int end = indexOf(xml, "?>".getBytes(StandardCharsets.US_ASCII), 0);
            at = end < 0 ? 0 : end + 2;
        }
        byte[] out = new byte[xml.length + DOCTYPE.length + 1];
        System.arraycopy(xml, 0, out, 0, at);
        out[at] = '\n';
        System.arraycopy(DOCTYPE, 0, out, at + 1, DOCTYPE.length);
        System.arraycopy(xml, at, out, at + 1 + DOCTYPE.length, xml.length - at);
        return out;
    }

    private static boolean startsWith(byte[] bytes, String prefix) {
        return indexOf(bytes, prefix.getBytes(StandardCharsets.US_ASCII), 0) == 0;
    }

    static int indexOf(byte[] haystack, byte[] needle, int from) {
        outer:
        for (int i = from; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static SAXParserFactory factory() {
        try {
            SAXParserFactory f = SAXParserFactory.newInstance();
            f.setValidating(true);
            f.setNamespaceAware(false);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            return f;
        } catch (ParserConfigurationException | SAXException e) {
            throw new IllegalStateException("the JDK XML parser cannot validate", e);
        }
    }

    private static byte[] loadDtd() {
        try (InputStream in = DaticertDtd.class.getResourceAsStream(DTD_NAME)) {
            if (in == null) {
                throw new IllegalStateException(DTD_NAME + " is missing from the receipts jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + DTD_NAME, e);
        }
    }

    /** Turns every warning and error into a failure and resolves only our own DTD. */
    private static final class StrictHandler extends DefaultHandler {
        @Override
        public InputSource resolveEntity(String publicId, String systemId) throws SAXException {
            if (systemId != null && systemId.endsWith("/" + DTD_NAME) || DTD_NAME.equals(systemId)) {
                return new InputSource(new ByteArrayInputStream(DECLARATIONS));
            }
            throw new SAXException("external entity refused: " + systemId);
        }

        @Override
        public void error(SAXParseException e) throws SAXException {
            throw e;
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
            throw e;
        }
    }
}

package it.pecgateway.gateway.relay;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Hashtable;
import java.util.List;
import java.util.Locale;
import javax.naming.NameNotFoundException;
import javax.naming.NamingEnumeration;
import javax.naming.NamingException;
import javax.naming.directory.Attribute;
import javax.naming.directory.Attributes;
import javax.naming.directory.DirContext;
import javax.naming.directory.InitialDirContext;

/** MX and address lookups through the JDK's JNDI DNS provider, using the system's resolvers. */
public final class JndiMxResolver implements MxResolver {
    private final Duration timeout;

    public JndiMxResolver(Duration timeout) {
        this.timeout = timeout;
    }

    @Override
    public List<MxRecord> mx(String domain) throws DnsException {
        return parse(lookup(domain, "MX"));
    }

    @Override
    public boolean hasAddress(String host) throws DnsException {
        return !lookup(host, "A").isEmpty() || !lookup(host, "AAAA").isEmpty();
    }

    /** Parses MX record values as JNDI returns them ({@code "10 mx1.example.it."}), best first. */
    static List<MxRecord> parse(List<String> values) {
        List<MxRecord> records = new ArrayList<>();
        for (String value : values) {
            String[] parts = value.trim().split("\\s+");
            if (parts.length != 2) {
                continue;
            }
            try {
                String host = parts[1].endsWith(".") && parts[1].length() > 1
                        ? parts[1].substring(0, parts[1].length() - 1) : parts[1];
                records.add(new MxRecord(Integer.parseInt(parts[0]), host.toLowerCase(Locale.ROOT)));
            } catch (NumberFormatException e) {
                // a malformed record is skipped, like a resolver would
            }
        }
        records.sort(Comparator.comparingInt(MxRecord::preference));
        return records;
    }

    private List<String> lookup(String name, String type) throws DnsException {
        Hashtable<String, String> env = new Hashtable<>();
        env.put("java.naming.factory.initial", "com.sun.jndi.dns.DnsContextFactory");
        env.put("com.sun.jndi.dns.timeout.initial", String.valueOf(Math.max(100, timeout.toMillis() / 4)));
        env.put("com.sun.jndi.dns.timeout.retries", "2");
        DirContext context = null;
        try {
            context = new InitialDirContext(env);
            Attributes attributes = context.getAttributes(name, new String[] {type});
            Attribute attribute = attributes.get(type);
            List<String> values = new ArrayList<>();
            if (attribute != null) {
                NamingEnumeration<?> all = attribute.getAll();
                while (all.hasMore()) {
                    values.add(String.valueOf(all.next()));
                }
            }
            return values;
        } catch (NameNotFoundException e) {
            throw new DnsException(name + " does not exist", true, e);
        } catch (NamingException e) {
            throw new DnsException("DNS lookup of " + type + " " + name + " failed", false, e);
        } finally {
            if (context != null) {
                try {
                    context.close();
                } catch (NamingException e) {
                    // nothing held
                }
            }
        }
    }
}

# Python's standard imaplib against the gateway: prints one line per step, the Java test asserts on them.
import imaplib
import ssl
import sys

host, port, cafile, user, password = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4], sys.argv[5]
ctx = ssl.create_default_context(cafile=cafile)
with imaplib.IMAP4_SSL(host, port, ssl_context=ctx) as m:
    print("CAPS", " ".join(sorted(m.capabilities)))
    print("LOGIN", m.login(user, password)[0])
    typ, data = m.select("INBOX")
    print("SELECT", typ, data[0].decode())
    typ, data = m.search("UTF-8", "SUBJECT", '"Fattura"'.encode())
    print("SEARCH", typ, data[0].decode())
    typ, data = m.fetch("1", "(RFC822)")
    print("FETCH", typ, len(data[0][1]), data[0][1].split(b"\r\n")[2].decode())
    typ, data = m.store("1", "+FLAGS", "(\\Flagged)")
    print("STORE", typ, data[0].decode())
    typ, data = m.append("INBOX", "(\\Seen)", None, b"Subject: da python\r\n\r\nciao\r\n")
    print("APPEND", typ, data[0].decode())
    typ, data = m.uid("FETCH", "1:*", "(UID FLAGS)")
    print("UIDFETCH", typ, " | ".join(d.decode() for d in data))
    print("LOGOUT", m.logout()[0])

# Python's standard poplib against the gateway.
import poplib
import ssl
import sys

host, port, cafile, user, password = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4], sys.argv[5]
ctx = ssl.create_default_context(cafile=cafile)
p = poplib.POP3_SSL(host, port, context=ctx)
print("WELCOME", p.getwelcome().decode())
print("CAPA", " ".join(sorted(p.capa().keys())))
print("USER", p.user(user).decode())
print("PASS", p.pass_(password).decode())
print("STAT", p.stat())
resp, lines, octets = p.retr(1)
print("RETR", resp.decode(), octets, lines[2].decode())
resp, lines, octets = p.top(2, 0)
print("TOP", resp.decode(), len(lines))
print("UIDL", " ".join(x.decode() for x in p.uidl()[1]))
print("DELE", p.dele(1).decode())
print("QUIT", p.quit().decode())

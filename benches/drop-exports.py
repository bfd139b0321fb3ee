"""Removes a wasm module's exports whose names start with PREFIX; the module
is rewritten in place and the removed names printed. Used by islands-probe.sh.

Usage: python3 drop-exports.py MODULE.wasm PREFIX"""
import sys
path, prefix = sys.argv[1], sys.argv[2]
data = open(path, 'rb').read()
def leb(d, i):
    r = 0; s = 0
    while True:
        b = d[i]; i += 1; r |= (b & 0x7f) << s; s += 7
        if b < 0x80: return r, i
def enc(n):
    out = bytearray()
    while True:
        b = n & 0x7f; n >>= 7
        if n: out.append(b | 0x80)
        else: out.append(b); return bytes(out)
out = bytearray(data[:8]); i = 8; dropped = []
while i < len(data):
    sid = data[i]; i += 1; size, i = leb(data, i); end = i + size
    body = data[i:end]
    if sid == 7:
        n, j = leb(body, 0); entries = []
        for _ in range(n):
            start = j
            l, j = leb(body, j); nm = body[j:j+l].decode(); j += l
            j += 1; _, j = leb(body, j)
            if nm.startswith(prefix):
                dropped.append(nm)
            else:
                entries.append(body[start:j])
        body = enc(len(entries)) + b''.join(entries)
    out.append(sid); out += enc(len(body)); out += body
    i = end
open(path, 'wb').write(out)
print('dropped', len(dropped)); print('\n'.join(dropped))

#!/usr/bin/env python3
"""Resident memory of `quotelint server` over N reloads of its configuration and record.

Starts the server in a temporary workspace folder whose quotelint.yaml names a user record
(one quotation), opens an article, then N times: rewrites quotelint.yaml (a check toggled
between error and warning, so that every reload changes what is published), sends
`workspace/didChangeWatchedFiles` and waits for the article's diagnostics checked again under
the reloaded record. Prints the server's VmRSS (/proc/PID/status) after the first reload, after
a tenth and after all N: flat when the records replaced are freed.

    cargo build --release && scripts/server-reload-memory.py [N=200] [BINARY=target/release/quotelint]
"""
import json, os, subprocess, sys, tempfile

n = int(sys.argv[1]) if len(sys.argv) > 1 else 200
binary = os.path.abspath(sys.argv[2] if len(sys.argv) > 2 else "target/release/quotelint")
root = tempfile.mkdtemp()
os.makedirs(os.path.join(root, "records"))
with open(os.path.join(root, "records", "mine.yaml"), "w") as f:
    f.write("quotations:\n- id: baker-mine\n  speaker: baker\n  text: A remark of my own record, for the test.\n  confidence: low\n")
config = os.path.join(root, "quotelint.yaml")

def write_config(severity):
    with open(config, "w") as f:
        f.write(f"rules: [records]\nchecks:\n  misdated: {severity}\n")

write_config("error")
p = subprocess.Popen([binary, "server"], cwd=root, stdin=subprocess.PIPE, stdout=subprocess.PIPE)

def send(m):
    b = json.dumps(m).encode()
    p.stdin.write(b"Content-Length: %d\r\n\r\n" % len(b) + b)
    p.stdin.flush()

def read():
    length = None
    while True:
        h = p.stdout.readline().strip()
        if not h:
            break
        if h.startswith(b"Content-Length:"):
            length = int(h.split(b":")[1])
    return json.loads(p.stdout.read(length))

def diagnostics():
    while True:
        m = read()
        if m.get("method") == "window/showMessage":
            sys.exit(f"the server says: {m['params']['message']}")
        if m.get("method") == "textDocument/publishDiagnostics":
            return m["params"]["diagnostics"]

rss = lambda: int(next(l.split()[1] for l in open(f"/proc/{p.pid}/status") if l.startswith("VmRSS")))
uri = "file://" + os.path.join(root, "a.md")
article = "On 9 February 1991 Baker told Gorbachev there would be \"no extension of NATO’s jurisdiction for forces of NATO one inch to the east.\"\n"
send({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"capabilities": {}, "workspaceFolders": [{"uri": "file://" + root, "name": "w"}]}})
read()
send({"jsonrpc": "2.0", "method": "initialized", "params": {}})
send({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {"uri": uri, "languageId": "markdown", "version": 1, "text": article}}})
diagnostics()
seen = {}
for i in range(1, n + 1):
    severity = "warning" if i % 2 else "error"
    write_config(severity)
    send({"jsonrpc": "2.0", "method": "workspace/didChangeWatchedFiles", "params": {"changes": [{"uri": "file://" + config, "type": 2}]}})
    found = diagnostics()
    want = 2 if severity == "warning" else 1
    assert any(d["code"] == "misdated" and d["severity"] == want for d in found), found
    if i in (1, max(1, n // 10), n):
        seen[i] = rss()
send({"jsonrpc": "2.0", "id": 2, "method": "shutdown"})
read()
send({"jsonrpc": "2.0", "method": "exit"})
p.wait()
print("resident memory (VmRSS) after " + ", ".join(f"{i} reloads: {kib:,} KiB" for i, kib in seen.items()))
print(f"growth per reload after the first: {(seen[n] - seen[1]) / max(1, n - 1):.1f} KiB")

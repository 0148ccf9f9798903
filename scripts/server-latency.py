#!/usr/bin/env python3
"""Latency of `quotelint server` from a change to its published diagnostics.

Builds a 5,000-word article from the fixtures (whole articles, in name order, until it holds
5,000 words), opens it, then sends N incremental changes one at a time (a year in the last
paragraph toggled, so that the whole document is checked again each time) and waits for the
diagnostics of each version. Prints the article's size and the median, 95th percentile and
maximum of the N round trips, in milliseconds, and the server's resident memory (VmRSS) after
each tenth of the changes: run with N=10000 to see that it stays flat.
With MODE `words`, each change writes a different word into the quotation instead (five
letters in place of "forces"), so that every version quotes a text never seen before, as
typing in a quotation does.

    cargo build --release && scripts/server-latency.py [N=200] [BINARY=target/release/quotelint] [MODE=year|words]
"""
import json, os, subprocess, sys, time, glob, statistics

n = int(sys.argv[1]) if len(sys.argv) > 1 else 200
binary = sys.argv[2] if len(sys.argv) > 2 else "target/release/quotelint"
mode = sys.argv[3] if len(sys.argv) > 3 else "year"
root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
parts, words = [], 0
for path in sorted(glob.glob(os.path.join(root, "fixtures", "*.md"))):
    text = open(path, encoding="utf-8").read()
    parts.append(text)
    words += len(text.split())
    if words >= 5000:
        break
tail = "On 9 February 1991 Baker told Gorbachev there would be \"no extension of NATO’s jurisdiction for forces of NATO one inch to the east.\"\n"
article = "\n\n".join(parts) + "\n\n" + tail
line = article.count("\n") - 1
col = len("On 9 February ".encode("utf-16-le")) // 2
word_col = len(tail[:tail.index("forces")].encode("utf-16-le")) // 2

p = subprocess.Popen([binary, "server", "--isolated"], stdin=subprocess.PIPE, stdout=subprocess.PIPE)

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

def wait_version(v):
    while True:
        m = read()
        if m.get("method") == "textDocument/publishDiagnostics" and m["params"].get("version") == v:
            return m["params"]["diagnostics"]

uri = "file:///tmp/latency.md"
send({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"capabilities": {}}})
read()
send({"jsonrpc": "2.0", "method": "initialized", "params": {}})
send({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {"uri": uri, "languageId": "markdown", "version": 1, "text": article}}})
found = len(wait_version(1))
times = []
rss = lambda: next(l.split()[1] for l in open(f"/proc/{p.pid}/status") if l.startswith("VmRSS"))
rss_at = {}
for i in range(n):
    if i and i % max(1, n // 10) == 0:
        rss_at[i] = rss()
    if mode == "words":
        word = "".join(chr(ord("a") + (i // 26 ** k) % 26) for k in range(5))
        at, length, text = word_col, 6 if i == 0 else 5, word
    else:
        at, length, text = col, 4, "1990" if i % 2 == 0 else "1991"
    change = {"range": {"start": {"line": line, "character": at}, "end": {"line": line, "character": at + length}}, "text": text}
    start = time.perf_counter()
    send({"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {"textDocument": {"uri": uri, "version": i + 2}, "contentChanges": [change]}})
    wait_version(i + 2)
    times.append((time.perf_counter() - start) * 1000)
rss_at[n] = rss()
send({"jsonrpc": "2.0", "id": 2, "method": "shutdown"})
read()
send({"jsonrpc": "2.0", "method": "exit"})
p.wait()
times.sort()
print(f"article: {len(article.split())} words, {len(article.encode())} bytes, {found} findings on open")
print(f"change -> publishDiagnostics over {n} changes: median {statistics.median(times):.2f} ms, "
      f"p95 {times[int(n * 0.95) - 1]:.2f} ms, p99 {times[int(n * 0.99) - 1]:.2f} ms, max {times[-1]:.2f} ms, "
      f"{sum(t > 20 for t in times)} over 20 ms")
print("resident memory (KiB) after " + ", ".join(f"{i}: {kib}" for i, kib in rss_at.items()) + " changes")

#!/usr/bin/env bash
# Side-by-side benchmark of quotelint against the Markdown parser alone (and rumdl and
# markdownlint-cli2 when installed), alternating runs in one session: see docs/performance.md.
# markdownlint-cli2, hundreds of times slower, runs once after the alternated runs.
#
#   scripts/bench.sh [FILES=20000] [RUNS=5]
#
# Install the optional linters with `pip install rumdl` (or `cargo install rumdl`) and
# `npm install -g markdownlint-cli2`.
# Needs bash 5 (EPOCHREALTIME), awk and GNU time (/usr/bin/time, Debian package `time`).
set -euo pipefail
files=${1:-20000}
runs=${2:-5}
cd "$(dirname "$0")/.."
cargo build --release -q -p quotelint --bin quotelint
cargo build --release -q -p xtask
corpus="target/bench-corpus-$files"
[ -d "$corpus" ] || target/release/xtask gen-corpus --files "$files" --out "$corpus"
size=$(du -sm "$corpus" | cut -f1)

names=(quotelint parse-only)
cmds=("target/release/quotelint check --format json-lines $corpus" "target/release/xtask parse-only $corpus")
if command -v rumdl >/dev/null; then names+=(rumdl); cmds+=("rumdl check $corpus"); fi

log=$(mktemp)
timed() { # name command
  start=$EPOCHREALTIME
  /usr/bin/time -f "%M" -o "$log.rss" sh -c "$2 > /dev/null 2>&1" || true
  end=$EPOCHREALTIME
  echo "$1 $(awk -v a="$start" -v b="$end" 'BEGIN { print b - a }') $(tail -1 "$log.rss")" >> "$log"
}
for ((r = 1; r <= runs; r++)); do
  for i in "${!names[@]}"; do
    timed "${names[$i]}" "${cmds[$i]}"
  done
done
# markdownlint-cli2 takes minutes on both cores, which slows whatever runs right after it: it
# runs once, after the others.
if command -v markdownlint-cli2 >/dev/null; then
  names+=(markdownlint-cli2)
  timed markdownlint-cli2 "markdownlint-cli2 $corpus/**/*.md"
fi

median() { sort -n | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
echo "corpus: $files files, ${size} MB; $runs alternating runs; $(nproc) cores; $(date -u +%Y-%m-%d)"
base=$(awk '$1 == "parse-only" { print $2 }' "$log" | median)
printf "%-18s %10s %8s %12s\n" tool "median s" ratio "max RSS MB"
for name in "${names[@]}"; do
  t=$(awk -v n="$name" '$1 == n { print $2 }' "$log" | median)
  m=$(awk -v n="$name" '$1 == n { print $3 }' "$log" | sort -n | tail -1)
  awk -v n="$name" -v t="$t" -v b="$base" -v m="$m" 'BEGIN { printf "%-18s %10.3f %8.2f %12.1f\n", n, t, t / b, m / 1024 }'
done

# The editor-plugin case: one small article, a whole process each time, alternated with a
# hello-world (the floor for any process) by scripts/alternate.py.
article=$(mktemp --suffix .md)
printf 'In March 1991 John Major told Gorbachev: "We are not talking about the strengthening of NATO." ([diary](https://nsarchive.gwu.edu/))\n' > "$article"
hello=target/bench-hello
printf 'fn main() { println!("hello"); }\n' > "$hello.rs"
rustc -C opt-level=3 -o "$hello" "$hello.rs"
echo "one small article as a process, alternated with a hello-world (ms):"
scripts/alternate.py 300 "$hello" "target/release/quotelint check --format json $article"
rm -f "$log" "$log.rss" "$article"

#!/usr/bin/env bash
# Side-by-side benchmark of quotelint against the Markdown parser alone (and rumdl, typos and
# markdownlint-cli2 when installed), alternating runs in one session, on two corpora: the
# synthetic one (`xtask gen-corpus`: a few recorded quotations again and again) and the seed
# corpus (`../shared/tools/gen_seed_corpus.py`: the seed's own quote-dense paragraphs, the
# realistic one). See docs/performance.md. markdownlint-cli2, hundreds of times slower, runs
# once per corpus after the alternated runs.
#
#   scripts/bench.sh [FILES=20000] [RUNS=5]
#
# SEED_TOOL and SEED_TEXT name the seed corpus's generator and text (by default those of
# ../shared); without them only the synthetic corpus is run.
# Install the optional tools with `pip install rumdl typos` (or `cargo install rumdl
# typos-cli`) and `npm install -g markdownlint-cli2`.
# Needs bash 5 (EPOCHREALTIME), awk and GNU time (/usr/bin/time, Debian package `time`).
set -euo pipefail
files=${1:-20000}
runs=${2:-5}
cd "$(dirname "$0")/.."
seed_tool=${SEED_TOOL:-../shared/tools/gen_seed_corpus.py}
seed_text=${SEED_TEXT:-../shared/seeds/globalsecurity-russia-nato-relations.txt}
cargo build --release -q -p quotelint --bin quotelint
cargo build --release -q -p xtask
synthetic="target/bench-corpus-$files"
[ -d "$synthetic" ] || target/release/xtask gen-corpus --files "$files" --out "$synthetic"
corpora=("$synthetic")
if [ -f "$seed_tool" ] && [ -f "$seed_text" ]; then
  seed="target/bench-seed-corpus-$files"
  [ -d "$seed" ] || python3 "$seed_tool" "$seed_text" "$seed" "$files" > /dev/null
  corpora+=("$seed")
fi

timed() { # log name command
  start=$EPOCHREALTIME
  /usr/bin/time -f "%M" -o "$1.rss" sh -c "$3 > /dev/null 2>&1" || true
  end=$EPOCHREALTIME
  echo "$2 $(awk -v a="$start" -v b="$end" 'BEGIN { print b - a }') $(tail -1 "$1.rss")" >> "$1"
}
# A tool's program: pip's under pyenv is behind a shell-script shim, which would be timed too.
tool() {
  command -v "$1" > /dev/null || return 1
  if command -v pyenv > /dev/null && pyenv which "$1" 2> /dev/null; then return 0; fi
  command -v "$1"
}
median() { sort -n | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
for corpus in "${corpora[@]}"; do
  names=(quotelint parse-only)
  cmds=("target/release/quotelint check --format json-lines $corpus" "target/release/xtask parse-only $corpus")
  if rumdl=$(tool rumdl); then names+=(rumdl); cmds+=("$rumdl check $corpus"); fi
  if typos=$(tool typos); then names+=(typos); cmds+=("$typos $corpus"); fi
  log=$(mktemp)
  for ((r = 1; r <= runs; r++)); do
    for i in "${!names[@]}"; do
      timed "$log" "${names[$i]}" "${cmds[$i]}"
    done
  done
  # markdownlint-cli2 takes minutes on both cores, which slows whatever runs right after it: it
  # runs once, after the others.
  if command -v markdownlint-cli2 >/dev/null; then
    names+=(markdownlint-cli2)
    timed "$log" markdownlint-cli2 "markdownlint-cli2 $corpus/**/*.md"
  fi
  size=$(du -sm "$corpus" | cut -f1)
  echo "corpus $corpus: $files files, ${size} MB; $runs alternating runs; $(nproc) cores; load $(cut -d' ' -f1-3 /proc/loadavg); $(date -u '+%Y-%m-%d %H:%M') UTC"
  base=$(awk '$1 == "parse-only" { print $2 }' "$log" | median)
  printf "%-18s %10s %8s %12s\n" tool "median s" ratio "max RSS MB"
  for name in "${names[@]}"; do
    t=$(awk -v n="$name" '$1 == n { print $2 }' "$log" | median)
    m=$(awk -v n="$name" '$1 == n { print $3 }' "$log" | sort -n | tail -1)
    awk -v n="$name" -v t="$t" -v b="$base" -v m="$m" 'BEGIN { printf "%-18s %10.3f %8.2f %12.1f\n", n, t, t / b, m / 1024 }'
  done
  rm -f "$log" "$log.rss"
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
rm -f "$article"

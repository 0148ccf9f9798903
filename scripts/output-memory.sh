#!/usr/bin/env bash
# Peak memory of every output format on the hostile inputs of issue 18, in the release build:
#   - a 50 MB line of `word "a b c d" ` (3.3 M `unsourced` findings),
#   - a 50 MB line of `“` (no finding),
#   - 100,000 paragraphs of one four-word `unsourced` finding each, and the same file with the
#     check off, which gives the extra peak memory per finding.
# Prints one line per run: input, format, peak RSS (GNU time's %M, KiB), wall time, exit code.
#
#   scripts/output-memory.sh [MB=50]
#
# Needs GNU time (/usr/bin/time) and python3. See docs/performance.md for the figures.
set -euo pipefail
mb=${1:-50}
cd "$(dirname "$0")/.."
cargo build --release -q -p quotelint --bin quotelint
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
python3 - "$dir" "$mb" <<'PY'
import sys
d, mb = sys.argv[1], int(sys.argv[2])
open(f"{d}/hostile.md", "w").write('word "a b c d" ' * (mb * 1024 * 1024 // 16) + "\n")
open(f"{d}/curly.md", "w").write("“" * (mb * 1024 * 1024 // 3) + "\n")
open(f"{d}/findings.md", "w").write("".join(f'Paragraph {i} says "alpha beta gamma delta".\n\n' for i in range(100_000)))
PY
run() { # input format [flags...]
  local input=$1 format=$2
  shift 2
  local code=0
  /usr/bin/time -f "%M %e" -o "$dir/time" target/release/quotelint check --format "$format" "$@" "$dir/$input" > /dev/null 2>&1 || code=$?
  read -r kb secs < <(tail -1 "$dir/time")
  printf '%-12s %-11s %9s KiB %7s s  exit %s %s\n' "$input" "$format" "$kb" "$secs" "$code" "$*"
}
for input in hostile.md curly.md; do
  for format in human json json-lines sarif github checkstyle; do run "$input" "$format"; done
done
run findings.md human --disable unsourced
for format in human json json-lines sarif github checkstyle; do run findings.md "$format"; done

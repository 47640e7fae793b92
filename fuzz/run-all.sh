#!/usr/bin/env bash
# Run every fuzz target for SECONDS (default 600) each, one after another, on one core, at low
# priority; crashing inputs land in fuzz/artifacts/TARGET/. Seeds: fuzz/corpus/TARGET/ (not kept in
# git: copy the shipped data files and a few report passages in, as docs/testing.md says).
set -euo pipefail
cd "$(dirname "$0")"
seconds="${1:-600}"
for target in ${TARGETS:-load csv numbers draft}; do
  mkdir -p "corpus/$target" "artifacts/$target"
  nice -n 19 cargo +nightly fuzz run -O "$target" "corpus/$target" -- \
    -max_total_time="$seconds" -rss_limit_mb=4096 -timeout=10 \
    -artifact_prefix="artifacts/$target/" 2>&1 | tail -n 30 > "artifacts/$target.log" || true
  echo "$target: $(grep -c . "artifacts/$target.log") lines of log; crashes: $(ls "artifacts/$target" | wc -l)"
done

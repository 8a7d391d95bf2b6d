#!/usr/bin/env bash
# Builds the libFuzzer targets with clang in build-fuzz and runs each one for
# SECONDS (default 60), one after another, on a scratch copy of its seed corpus
# (new finds stay out of the tree). A crash leaves crash-* files in the
# scratch folder: copy each into tests/fuzz/regressions/TARGET/ once fixed.
# usage: tests/fuzz/run.sh [SECONDS] [TARGET...]      (TARGET: csv jsonl rules)
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
seconds=${1:-60}
shift || true
targets=${*:-csv jsonl rules}
build=$root/build-fuzz
CXX=${CXX:-clang++} cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DLEADSCORE_FUZZ=ON -DBUILD_TESTING=OFF >/dev/null
cmake --build "$build" -j2 --target $(for t in $targets; do printf '%s_fuzz ' "$t"; done)
for t in $targets; do
  work=$build/fuzz-work/$t
  mkdir -p "$work/corpus"
  cp -n "$root/tests/fuzz/corpus/$t"/* "$work/corpus/" 2>/dev/null || true
  echo "== $t: ${seconds}s"
  (cd "$work" && "$build/tests/fuzz/${t}_fuzz" -max_total_time="$seconds" -print_final_stats=1 -timeout=10 \
     -rss_limit_mb=2048 corpus "$root/tests/fuzz/regressions/$t")
done

#!/usr/bin/env bash
# leadscore benchmark: generates leads with bench/gen_leads.py, times leadscore on them with the
# reference rules (rules/bench.yaml) and, when the benchmark kit ../shared/bench is beside the
# repository, times the kit's peers (Python csv, pandas, Miller, jq, DuckDB) on the SAME files
# in the same run, checks that every output agrees with the Python csv peer on lead_id, score,
# stage and the fired criteria, and prints a Markdown table. It reports figures; it never fails
# because something is slow.
#
# Usage: bench/run.sh [options]          (from anywhere; paths are relative to the repo root)
#   --rows "N ..."     sizes to time (default "100000 1000000")
#   --runs K           timed runs per command, the median is reported (default 3)
#   --warmup K         untimed rounds of every command before the timed ones (default 1; a
#                      machine just booted pays for the first touch of its memory)
#   --seed S           generator seed (default 42)
#   --jobs N           the multi-threaded --jobs value (default: nproc)
#   --big              also 10,000,000 leads, leadscore only, one run: peak RSS stays flat
#   --big-rows N       the size --big uses (default 10000000)
#   --no-peers         time leadscore only (the Python csv peer still runs once, untimed, for
#                      the agreement check when the kit is there)
#   --peers REGEX      time only the peers and limits whose name matches REGEX (grep -E)
#   --bin PATH         the leadscore binary to time (default build/src/leadscore; when that is
#                      missing it is built: cmake -S . -B build -G Ninja
#                      -DCMAKE_BUILD_TYPE=Release && cmake --build build)
#   --keep             keep leadscore's full outputs (by default only their converted
#                      lead_id,score,stage,fired form is kept: 1M leads with --explain is GBs)
#
# Environment: BENCH_RUNS (default bench/runs, git-ignored) receives data/, out/, results/
# (raw.tsv: every run; summary.md: the table) and leadscore-bin, a private copy of the binary
# (others may rebuild build/ during the run). BENCH_KIT (default ../shared/bench) is the kit.
# Timing: /usr/bin/time (Debian package `time`) for peak RSS and CPU; wall clock from bash's
# EPOCHREALTIME around it. Each input is read again before each timed run (page cache warm); outputs go to a
# file. Runs are round-robin (run 1 of every command, then run 2, ...) so a burst of load from
# elsewhere on the machine hits one run of many commands, not every run of one.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"

ROWS="100000 1000000"; BIG_ROWS=10000000; RUNS=3; WARMUP=1; SEED=42; JOBS=$(nproc); BIG=0; PEERS=1; PEER_RE=""; BIN=""; KEEP=0
while [ $# -gt 0 ]; do
  case "$1" in
    --rows) ROWS="$2"; shift 2 ;;
    --runs) RUNS="$2"; shift 2 ;;
    --warmup) WARMUP="$2"; shift 2 ;;
    --seed) SEED="$2"; shift 2 ;;
    --jobs) JOBS="$2"; shift 2 ;;
    --big) BIG=1; shift ;;
    --big-rows) BIG_ROWS="$2"; shift 2 ;;
    --no-peers) PEERS=0; shift ;;
    --peers) PEER_RE="$2"; shift 2 ;;
    --bin) BIN="$2"; shift 2 ;;
    --keep) KEEP=1; shift ;;
    -h|--help) awk 'NR > 1 && /^#/ {sub(/^# ?/, ""); print; next} NR > 1 {exit}' "$0"; exit 0 ;;
    *) echo "unknown option $1 (see bench/run.sh -h)" >&2; exit 2 ;;
  esac
done

WORK="${BENCH_RUNS:-bench/runs}"
KIT="${BENCH_KIT:-../shared/bench}"
RULES=rules/bench.yaml
log() { printf '== %s\n' "$*" >&2; }
have() { command -v "$1" >/dev/null 2>&1; }
[ -x /usr/bin/time ] || { echo "needs GNU time at /usr/bin/time: apt-get install -y time" >&2; exit 2; }
have python3 || { echo "needs python3" >&2; exit 2; }
mkdir -p "$WORK"/data "$WORK"/out "$WORK"/results "$WORK"/bin
WORK=$(cd "$WORK" && pwd)

# ---------------------------------------------------------------- the binary
if [ -z "$BIN" ]; then
  BIN=build/src/leadscore
  if [ ! -x "$BIN" ]; then
    log "building leadscore (Release) in build/"
    cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release >&2 && cmake --build build >&2
  fi
fi
[ -x "$BIN" ] || { echo "no leadscore binary at $BIN" >&2; exit 2; }
LS="$WORK/leadscore-bin"
cp "$BIN" "$LS.tmp" && mv "$LS.tmp" "$LS"   # time a private copy: build/ may be rebuilt meanwhile
bindir=$(dirname "$(dirname "$(readlink -f "$BIN")")")
BUILD_TYPE=$(sed -n 's/^CMAKE_BUILD_TYPE:[A-Z]*=//p' "$bindir/CMakeCache.txt" 2>/dev/null || true)
CXX=$(sed -n 's/^CMAKE_CXX_COMPILER:[A-Z]*=//p' "$bindir/CMakeCache.txt" 2>/dev/null || true)
[ -n "$CXX" ] && CXX="$("$CXX" --version 2>/dev/null | head -1)"
[ "${BUILD_TYPE:-}" = Release ] || log "WARNING: $BIN is not a Release build (CMAKE_BUILD_TYPE='${BUILD_TYPE:-?}'): figures are not representative"
COMMIT=$(git log -1 --oneline 2>/dev/null || echo "not a git checkout")
DIRTY=$(git status --porcelain -- src include CMakeLists.txt 2>/dev/null | wc -l)

# ---------------------------------------------------------------- peers and limits
HAVE_KIT=0; [ -f "$KIT/run_peers.sh" ] && [ -f "$KIT/compare.py" ] && HAVE_KIT=1
KIT=$( [ "$HAVE_KIT" = 1 ] && cd "$KIT" && pwd || echo "$KIT")
PANDAS_PY=""; DDB=""; CSVSCAN=""
if [ "$HAVE_KIT" = 1 ]; then
  for p in python3 /usr/bin/python3; do
    if "$p" -c 'import pandas' >/dev/null 2>&1; then PANDAS_PY="$p"; break; fi
  done
  for d in "$KIT/peers/duckdb" "$WORK/duckdb"; do
    if have node && [ -d "$d/node_modules/@duckdb/node-api" ]; then DDB="$d"; break; fi
  done
  if have cc && cc -O3 -march=native -o "$WORK/bin/csvscan" "$KIT/limits/csvscan.c" 2>/dev/null; then
    CSVSCAN="$WORK/bin/csvscan"
  fi
else
  log "no benchmark kit at $KIT: timing leadscore only, no agreement check with a peer"
fi

# ---------------------------------------------------------------- machine and versions
META="$WORK/results/meta.txt"
{
  echo "date=$(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //')"
  echo "nproc=$(nproc)"
  echo "memory=$(awk '/MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo)"
  echo "kernel=$(uname -sr)"
  echo "os=$(. /etc/os-release 2>/dev/null && echo "$PRETTY_NAME")"
  echo "load_start=$(cut -d' ' -f1-3 /proc/loadavg)"
  echo "binary=$BIN"
  echo "binary_mtime=$(date -u -r "$BIN" +%Y-%m-%dT%H:%M:%SZ)"
  echo "copy=$LS"
  echo "build_type=${BUILD_TYPE:-unknown}"
  echo "compiler=${CXX:-unknown}"
  echo "commit=$COMMIT"
  echo "dirty=$DIRTY"
  echo "jobs=$JOBS"
  echo "runs=$RUNS"
  echo "seed=$SEED"
  echo "python=$(python3 --version 2>&1)"
  [ -n "$PANDAS_PY" ] && echo "pandas=$("$PANDAS_PY" -c 'import pandas; print(pandas.__version__)')"
  [ "$HAVE_KIT" = 1 ] && have mlr && echo "miller=$(mlr --version)"
  [ "$HAVE_KIT" = 1 ] && have jq && echo "jq=$(jq --version)"
  [ -n "$DDB" ] && echo "duckdb=$(sed -n 's/.*"version": "\(.*\)".*/\1/p' "$DDB/node_modules/@duckdb/node-api/package.json" | head -1) (node $(node --version))"
  echo "peers=$PEERS"
} > "$META"
sed 's/^/   /' "$META" >&2

# ---------------------------------------------------------------- data
gen() {  # rows format -> path of the generated file
  local f="$WORK/data/leads_${1}_s${SEED}.$2"
  if [ ! -s "$f" ] || [ bench/gen_leads.py -nt "$f" ]; then
    log "generating $f"
    local t0=$EPOCHREALTIME
    python3 bench/gen_leads.py --rows "$1" --seed "$SEED" --format "$2" > "$f.tmp"
    mv "$f.tmp" "$f"
    log "   $(awk -v a="$t0" -v b="$EPOCHREALTIME" 'BEGIN{printf "%.1f", b-a}') s"
  fi
  printf '%s' "$f"
}

# ---------------------------------------------------------------- commands
# name|input format|output extension|command ({in} input, {out} output file, run by eval)
# leadscore's name says which flags; the summary pairs every peer with a leadscore command.
L="$(printf %q "$LS") score -r $RULES"
CMDS=(
  "leadscore --jobs 1|csv|csv|$L {in} -f csv --jobs 1 > {out} 2> {out}.err"
  "leadscore --jobs $JOBS|csv|csv|$L {in} -f csv --jobs $JOBS > {out} 2> {out}.err"
  "leadscore --jobs 1|jsonl|jsonl|$L {in} -f jsonl --jobs 1 > {out} 2> {out}.err"
  "leadscore --jobs $JOBS|jsonl|jsonl|$L {in} -f jsonl --jobs $JOBS > {out} 2> {out}.err"
  "leadscore --jobs $JOBS -f csv|jsonl|csv|$L {in} -f csv --jobs $JOBS > {out} 2> {out}.err"
  "leadscore --explain --jobs $JOBS|jsonl|jsonl|$L {in} -f jsonl --explain --jobs $JOBS > {out} 2> {out}.err"
  # The same two without the file system: --explain writes 4 KiB a lead, and
  # storing GBs in the page cache can take longer than making them.
  "leadscore --jobs $JOBS > /dev/null|jsonl|none|$L {in} -f jsonl --jobs $JOBS > /dev/null 2> /dev/null"
  "leadscore --explain --jobs $JOBS > /dev/null|jsonl|none|$L {in} -f jsonl --explain --jobs $JOBS > /dev/null 2> /dev/null"
)
NLS=${#CMDS[@]}
PEER_CMDS=()
if [ "$HAVE_KIT" = 1 ]; then
  PEER_CMDS+=("peer: Python csv|csv|csv|python3 $KIT/peers/score_csv.py {in} > {out}")
  [ -n "$PANDAS_PY" ] && PEER_CMDS+=("peer: pandas|csv|csv|$PANDAS_PY $KIT/peers/score_pandas.py {in} > {out}")
  have mlr && PEER_CMDS+=("peer: Miller|csv|csv|mlr --icsv --ocsv put -f $KIT/peers/score.mlr {in} > {out}")
  have jq && PEER_CMDS+=("peer: jq|jsonl|jsonl|jq -c -n -f $KIT/peers/score.jq {in} > {out}")
  if [ -n "$DDB" ]; then
    PEER_CMDS+=("peer: DuckDB, $JOBS threads|csv|csv|node $DDB/score_duckdb.mjs {in} {out} $JOBS > /dev/null")
    PEER_CMDS+=("peer: DuckDB, 1 thread|csv|csv|node $DDB/score_duckdb.mjs {in} {out} 1 > /dev/null")
    PEER_CMDS+=("peer: DuckDB, $JOBS threads|jsonl|jsonl|node $DDB/score_duckdb.mjs {in} {out} $JOBS > /dev/null")
  fi
  PEER_CMDS+=("limit: cat|csv|none|cat {in} > /dev/null" "limit: cat|jsonl|none|cat {in} > /dev/null")
  [ -n "$CSVSCAN" ] && PEER_CMDS+=(
    "limit: C quote-aware scan, vectorised|csv|none|$CSVSCAN -f {in} > /dev/null"
    "limit: C quote-aware scan, byte at a time|csv|none|$CSVSCAN {in} > /dev/null")
  if [ "$PEERS" = 1 ]; then
    for e in "${PEER_CMDS[@]}"; do
      if [ -z "$PEER_RE" ] || grep -qE "$PEER_RE" <<<"${e%%|*}"; then CMDS+=("$e"); fi
    done
  fi
  for p in "Python csv" pandas Miller jq DuckDB; do
    found=0
    for e in "${PEER_CMDS[@]}"; do case "$e" in "peer: $p"*) found=1 ;; esac; done
    if [ "$found" = 0 ]; then log "peer $p not available: skipped"; fi
  done
fi

slug() { printf '%s' "$1" | tr -c 'A-Za-z0-9\n' '_' | tr -s '_' | sed 's/_$//'; }
expand() {  # template in out -> command
  local c="$1"; c="${c//\{in\}/$2}"; c="${c//\{out\}/$3}"; printf '%s' "$c"
}
outpath() {  # name fmt ext rows
  [ "$3" = none ] && { printf '/dev/null'; return; }
  printf '%s/out/%s_%s_%s.%s' "$WORK" "$(slug "$1")" "$2" "$4" "$3"
}

RAW="$WORK/results/raw.tsv"
printf 'name\tformat\trows\tinput_bytes\trun\twall_s\tuser_s\tsys_s\tmaxrss_kb\texit\tload1\tcommand\n' > "$RAW"
prepare_run() {  # input output: what every run starts from, outside the clock
  # The last run's output (GBs with --explain) is removed and every dirty page written back: otherwise
  # one run's write-back and truncation land in the next run's time.
  [ "$2" != /dev/null ] && rm -f "$2"
  sync
  # The targets are for a warm page cache: the input is read again, so that
  # what the last run wrote (GBs with --explain) or the kernel's reclaim has
  # not pushed part of it out.
  cat "$1" > /dev/null
}

time_one() {  # name fmt rows input command run output
  local tf t0 t1 wall u s rss rc load
  tf=$(mktemp)
  prepare_run "$4" "$7"
  load=$(cut -d' ' -f1 /proc/loadavg)
  t0=$EPOCHREALTIME
  eval "/usr/bin/time -o \"\$tf\" -f '%U %S %M %x' $5" || true
  t1=$EPOCHREALTIME
  wall=$(awk -v a="$t0" -v b="$t1" 'BEGIN{printf "%.4f", b-a}')
  read -r u s rss rc < <(tail -1 "$tf" | awk '{print $(NF-3), $(NF-2), $(NF-1), $NF}')
  rm -f "$tf"
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$1" "$2" "$3" "$(stat -c %s "$4")" \
    "$6" "$wall" "$u" "$s" "$rss" "$rc" "$load" "$5" >> "$RAW"
  printf '   %-42s %-5s %9s run %s: %8ss %8s KiB exit %s (load %s)\n' \
    "$1" "$2" "$3" "$6" "$wall" "$rss" "$rc" "$load" >&2
}

warm_one() {  # name fmt rows input command output: run once, untimed and unrecorded
  prepare_run "$4" "$6"
  printf '   %-42s %-5s %9s warm-up\n' "$1" "$2" "$3" >&2
  eval "$5" || true
}

CHECKS="$WORK/results/checks.txt"; : > "$CHECKS"
check() { printf '%s\n' "$*" | tee -a "$CHECKS" >&2; }
compare() {  # label ref outs... : the kit's compare.py, its verdict into checks.txt
  local label="$1" out; shift
  if out=$(python3 "$KIT/compare.py" "$@" 2>&1); then
    check "OK    $label"
  else
    check "DIFF  $label"
  fi
  printf '%s\n' "$out" | sed "s|$WORK/||g; s/^/      /" | tee -a "$CHECKS" >&2
}

# edge cases of the kit, hand-computed
if [ "$HAVE_KIT" = 1 ]; then
  log "edge cases ($KIT/edge)"
  e="$WORK/out/edge"
  "$LS" score -r $RULES "$KIT/edge/edge_cases.csv" -f csv > "$e.csv" 2>/dev/null || true
  "$LS" score -r $RULES "$KIT/edge/edge_cases.jsonl" -f jsonl > "$e.jsonl" 2>/dev/null || true
  "$LS" score -r $RULES "$KIT/edge/edge_cases.jsonl" -f jsonl --explain > "$e.explain.jsonl" 2>/dev/null || true
  for f in "$e.csv" "$e.jsonl" "$e.explain.jsonl"; do python3 bench/to_fired.py "$f" > "$f.fired.csv" || true; done
  compare "edge cases: leadscore CSV, JSONL, --explain vs the kit's hand-computed expectation" \
    "$KIT/edge/edge_cases.expected.csv" "$e.csv.fired.csv" "$e.jsonl.fired.csv" "$e.explain.jsonl.fired.csv"
fi

# ---------------------------------------------------------------- timing and checks per size
SMALLEST=$(printf '%s\n' $ROWS | sort -n | head -1)
for n in $ROWS; do
  csv=$(gen "$n" csv); jsonl=$(gen "$n" jsonl)
  cat "$csv" "$jsonl" > /dev/null
  rm -f "$WORK"/out/*_"$n".*   # no stale output of an earlier run in the checks
  log "timing $n leads: $csv ($(stat -c %s "$csv") bytes), $jsonl ($(stat -c %s "$jsonl") bytes)"
  # Untimed rounds first: a machine that has just booted pays for the first touch of each page of
  # memory it hands out (a virtual machine's host backs it then), which once made the first run of
  # 1,000,000 JSON lines 3 s and the later ones 1.5 s.
  for ((r = 1; r <= WARMUP; r++)); do
    for entry in "${CMDS[@]}"; do
      IFS='|' read -r name fmt ext tpl <<<"$entry"
      in="$csv"; [ "$fmt" = jsonl ] && in="$jsonl"
      out=$(outpath "$name" "$fmt" "$ext" "$n")
      warm_one "$name" "$fmt" "$n" "$in" "$(expand "$tpl" "$in" "$out")" "$out"
    done
  done
  for ((r = 1; r <= RUNS; r++)); do
    for entry in "${CMDS[@]}"; do
      IFS='|' read -r name fmt ext tpl <<<"$entry"
      in="$csv"; [ "$fmt" = jsonl ] && in="$jsonl"
      out=$(outpath "$name" "$fmt" "$ext" "$n")
      time_one "$name" "$fmt" "$n" "$in" "$(expand "$tpl" "$in" "$out")" "$r" "$out"
    done
  done

  log "checking the $n-lead outputs"
  o() { outpath "$1" "$2" "$3" "$n"; }
  a=$(o "leadscore --jobs 1" csv csv); b=$(o "leadscore --jobs $JOBS" csv csv)
  if cmp -s "$a" "$b"; then check "OK    $n CSV: --jobs 1 and --jobs $JOBS outputs byte-identical"
  else check "DIFF  $n CSV: --jobs 1 and --jobs $JOBS outputs differ"; fi
  a=$(o "leadscore --jobs 1" jsonl jsonl); b=$(o "leadscore --jobs $JOBS" jsonl jsonl)
  if cmp -s "$a" "$b"; then check "OK    $n JSONL: --jobs 1 and --jobs $JOBS outputs byte-identical"
  else check "DIFF  $n JSONL: --jobs 1 and --jobs $JOBS outputs differ"; fi
  for f in "$WORK"/out/leadscore*_"$n".*.err; do
    if [ -s "$f" ]; then check "NOTE  $(basename "$f"): $(head -c 300 "$f" | tr '\n' ' ')"; fi
  done
  if [ "$HAVE_KIT" = 1 ]; then
    ref=$(o "peer: Python csv" csv csv)
    if [ ! -s "$ref" ]; then
      log "running the Python csv peer once (untimed) as the reference"
      python3 "$KIT/peers/score_csv.py" "$csv" > "$ref"
    fi
    outs=()
    conv=("leadscore --jobs $JOBS|csv|csv" "leadscore --jobs $JOBS|jsonl|jsonl" "leadscore --jobs $JOBS -f csv|jsonl|csv")
    [ "$n" = "$SMALLEST" ] && conv+=("leadscore --explain --jobs $JOBS|jsonl|jsonl")
    for c in "${conv[@]}"; do
      IFS='|' read -r name fmt ext <<<"$c"
      f=$(o "$name" "$fmt" "$ext")
      [ -s "$f" ] || continue
      python3 bench/to_fired.py "$f" > "$f.fired.csv" || true
      outs+=("$f.fired.csv")
    done
    for f in "$WORK"/out/peer_*_"$n".csv "$WORK"/out/peer_*_"$n".jsonl; do
      if [ -s "$f" ] && [ "$f" != "$ref" ]; then outs+=("$f"); fi
    done
    compare "$n leads: leadscore (CSV, JSONL$([ "$n" = "$SMALLEST" ] && echo ", --explain")) and the peers vs the Python csv peer" "$ref" "${outs[@]}"
  fi
  if [ "$KEEP" = 0 ]; then rm -f "$WORK"/out/leadscore*_"$n".csv "$WORK"/out/leadscore*_"$n".jsonl; fi
  find "$WORK/out" -name "*_$n.*.err" -empty -delete
done

# ---------------------------------------------------------------- 10M: flat memory
if [ "$BIG" = 1 ]; then
  n=$BIG_ROWS
  csv=$(gen "$n" csv); jsonl=$(gen "$n" jsonl)
  log "$n leads, leadscore only, one run each (peak RSS)"
  for entry in "${CMDS[@]:0:NLS}"; do
    IFS='|' read -r name fmt ext tpl <<<"$entry"
    case "$name" in *explain* | *null*) continue ;; esac
    in="$csv"; [ "$fmt" = jsonl ] && in="$jsonl"
    out=$(outpath "$name" "$fmt" "$ext" "$n")
    time_one "$name" "$fmt" "$n" "$in" "$(expand "$tpl" "$in" "$out")" 1 "$out"
    rm -f "$out"
    [ -s "$out.err" ] || rm -f "$out.err"
  done
fi
echo "load_end=$(cut -d' ' -f1-3 /proc/loadavg)" >> "$META"

# ---------------------------------------------------------------- summary
python3 bench/summarize.py "$WORK/results" > "$WORK/results/summary.md"
log "summary: $WORK/results/summary.md (every run: $RAW)"
cat "$WORK/results/summary.md"

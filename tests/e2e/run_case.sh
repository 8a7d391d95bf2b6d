#!/usr/bin/env bash
# Runs one end-to-end case: a folder holding `cmd` (a shell command line that
# calls "$LEADSCORE"), optional `stdin`, and the expected `expected.out`,
# `expected.err` and `expected.rc` (default 0); an optional `check.sh` makes
# further assertions in the work directory. UPDATE=1 rewrites the expectations.
# usage: run_case.sh LEADSCORE_BINARY CASE_DIR REPO_ROOT
set -u
bin=$1 case_dir=$2 root=$3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -R "$case_dir"/. "$work"/
cd "$work" || exit 2
# Relative paths keep messages (which name files) the same on every machine.
ln -s "$root/tests/data" data
ln -s "$root/rules" rules
ln -s "$root/examples" examples
export LEADSCORE="$bin" ROOT="$root" DATA="$root/tests/data" LC_ALL=C.UTF-8
stdin=/dev/null
[ -f stdin ] && stdin=stdin
bash -c "$(cat cmd)" <"$stdin" >actual.out 2>actual.err
rc=$?
if [ "${UPDATE:-0}" = 1 ]; then
  cp actual.out "$case_dir/expected.out"
  cp actual.err "$case_dir/expected.err"
  echo "$rc" >"$case_dir/expected.rc"
  exit 0
fi
fail=0
expected_rc=$(cat expected.rc 2>/dev/null || echo 0)
if [ "$rc" != "$expected_rc" ]; then
  echo "exit status $rc, expected $expected_rc"
  fail=1
fi
for stream in out err; do
  if [ -f "expected.$stream" ] && ! diff -u "expected.$stream" "actual.$stream"; then
    name=output
    [ "$stream" = err ] && name=error
    echo "standard $name differs (above: - expected, + actual)"
    fail=1
  fi
done
if [ -f check.sh ] && ! bash check.sh; then
  echo "check.sh failed"
  fail=1
fi
exit $fail

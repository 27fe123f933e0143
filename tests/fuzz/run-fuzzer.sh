#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Fuzzes one libFuzzer target (the DOTS_FUZZ build) on its committed corpus:
#   tests/fuzz/run-fuzzer.sh build/fuzz/tests/fuzz/fuzz_cbor_decode tests/fuzz/corpus/fuzz_cbor_decode 1800
# New inputs go to a temporary directory (the committed corpus stays as it is); a crash input is
# written as crash-<sha1> into $DOTS_FUZZ_ARTIFACTS (default: the current directory) and the
# script fails. To keep what a long run found: merge it into the corpus with -merge=1.
set -euo pipefail
target=$1
corpus=$2
seconds=${3:-10}
artifacts=${DOTS_FUZZ_ARTIFACTS:-$PWD}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$artifacts"
# Leaks are checked by the sanitizer suites; here they would stop a run on Qt's one-time caches.
status=0
ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0} \
    "$target" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
    -print_final_stats=1 -artifact_prefix="$artifacts/" "$work" "$corpus" >"$work.log" 2>&1 || status=$?
# The progress lines say little; the rest (start, stats, any crash report) is kept.
grep -Ev '^#[0-9]+[[:space:]]+(NEW|REDUCE|pulse)' "$work.log" || true
rm -f "$work.log"
exit "$status"

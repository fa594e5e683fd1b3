#!/usr/bin/env bash
# One fuzz target as a meson test (suite "fuzz"):
#   fuzz-target.sh TARGET SEEDS WORK [REGRESSION_DIR…]
# First runs every seed and every regression input once (a crash there is
# a known bug come back), then fuzzes for $NB_FUZZ_SECONDS seconds (0:
# only the replay), seeded by all of them.  New inputs that libFuzzer finds go to WORK/corpus,
# crashes, leaks and timeouts to WORK/artifacts; the last lines print the
# executions per second.
set -euo pipefail
target=$1 seeds=$2 work=$3
shift 3
seconds=${NB_FUZZ_SECONDS:-0}
name=$(basename "$target")

mkdir -p "$work/corpus" "$work/artifacts"
export ASAN_OPTIONS=${ASAN_OPTIONS:-abort_on_error=1:detect_leaks=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}
export G_DEBUG=gc-friendly
# GLib's slice allocator off: ASan then sees every block
export G_SLICE=always-malloc

common=(-timeout=10 -rss_limit_mb=2048 -artifact_prefix="$work/artifacts/")

shopt -s nullglob
replay=("$seeds"/*)
for dir in "$@"; do
  [ -d "$dir" ] && replay+=("$dir"/*)
done
echo "# $name: replaying ${#replay[@]} inputs"
"$target" "${common[@]}" -runs=1 "${replay[@]}" >"$work/replay.log" 2>&1 || {
  cat "$work/replay.log"; echo "# $name: an input of the corpus fails"; exit 1; }

[ "$seconds" -gt 0 ] || exit 0
echo "# $name: fuzzing for $seconds s"
status=0
"$target" "${common[@]}" -max_total_time="$seconds" -print_final_stats=1 \
  -close_fd_mask=1 "$work/corpus" "$seeds" "$@" >"$work/fuzz.log" 2>&1 || status=$?
grep -E '^(stat::|Done )' "$work/fuzz.log" || true
if [ $status -ne 0 ]; then
  tail -n 80 "$work/fuzz.log"
  echo "# $name: FAILED, see $work/artifacts/"
  exit 1
fi
runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$work/fuzz.log")
rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$work/fuzz.log")
echo "# $name: $runs executions in $seconds s, $rate per second; corpus $(ls "$work/corpus" | wc -l) inputs"

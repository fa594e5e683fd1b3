#!/usr/bin/env bash
# Fuzzes the loader and the importer (text, HTML and PDF) with libFuzzer:
#   tests/fuzz/run.sh [SECONDS]      (default 60; the three targets side by side)
# Builds _build-fuzz with clang-14, ASan and UBSan when needed.  Each
# target first replays its corpus and tests/data/bad*; a crash, leak,
# undefined behaviour or a 10 s timeout fails it and leaves the input in
# _build-fuzz/tests/fuzz/<target>-work/artifacts/.
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-60}
build=${NB_FUZZ_BUILD:-_build-fuzz}

if ! command -v clang-14 >/dev/null; then
  echo "clang-14 is not installed: no fuzzing" >&2
  exit 77
fi
[ -d "$build" ] || CC=clang-14 meson setup "$build" -Dfuzzing=true \
  -Db_sanitize=address,undefined -Db_lundef=false >/dev/null
ninja -C "$build" tests/fuzz/fuzz-load tests/fuzz/fuzz-import-text tests/fuzz/fuzz-import-html tests/fuzz/fuzz-import-pdf
NB_FUZZ_SECONDS=$seconds meson test -C "$build" --suite fuzz --no-rebuild --print-errorlogs \
  --num-processes 3 --verbose

#!/usr/bin/env bash
# Takes the window's screenshots under Xvfb (1280×800), in English and in
# Simplified Chinese: section 三 with one balance broken (an error marked
# on its cells and in the sidebar), a warning in section 五, and the
# problems panel open; then the same in Chinese on a small (1024×700) and
# a large (1400×900) office screen, into docs/; last, a published report
# imported with its source beside the grid (docs/window-import-*.png).
# Renderer: cairo (GDK_DEBUG=gl-disable).
#
#   data/screenshots/take.sh [BUILD_DIR]
set -euo pipefail
cd "$(dirname "$0")/../.."
build=${1:-_build}
ninja -C "$build" benchmarks/nb-screenshot po/zh_CN/LC_MESSAGES/nianbao.mo >/dev/null

export GDK_DEBUG=gl-disable GSETTINGS_BACKEND=memory GSETTINGS_SCHEMA_DIR="$PWD/$build/data"
export NB_LOCALEDIR="$PWD/$build/po" LANG=C.UTF-8
# A scratch data folder: no recovery copies of the user's are offered.
export XDG_DATA_HOME; XDG_DATA_HOME=$(mktemp -d)
trap 'rm -rf "$XDG_DATA_HOME"' EXIT

sample=data/sample/sample-2024.nianbao
for lang in en zh_CN; do
  out=data/screenshots/main-window.png
  [ "$lang" = en ] && language=C || { language=$lang; out=data/screenshots/main-window-$lang.png; }
  LANGUAGE=$language dbus-run-session -- xvfb-run -a -s '-screen 0 1280x800x24' \
    "$build/benchmarks/nb-screenshot" "$out" "$sample" 2>/dev/null
  identify -format '%f: %wx%h\n' "$out" 2>/dev/null || true
done

# The small and the large office screen, in Chinese (docs/).
for size in 1024x700 1400x900; do
  out=docs/window-$size.png
  LANGUAGE=zh_CN dbus-run-session -- xvfb-run -a -s "-screen 0 ${size}x24" \
    "$build/benchmarks/nb-screenshot" "$out" "$sample" 3 "$size" 2>/dev/null
  identify -format '%f: %wx%h\n' "$out" 2>/dev/null || true
done

# An import checked against its source, in Chinese (docs/): the PDF's page
# beside the grid, the focused cell's number marked; and a crawler's text
# whose glued rows were not placed, the first of them marked.
for input in published/huaian-2024.pdf import/huaian-2024-glued.txt; do
  case $input in *.pdf) out=docs/window-import-source.png ;; *) out=docs/window-import-text.png ;; esac
  LANGUAGE=zh_CN dbus-run-session -- xvfb-run -a -s '-screen 0 1280x800x24' \
    "$build/benchmarks/nb-screenshot" "$out" "tests/data/$input" import 2>/dev/null
  identify -format '%f: %wx%h\n' "$out" 2>/dev/null || true
done

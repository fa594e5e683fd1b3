#!/bin/sh
# The manual page follows the program: every verb of nb-cli.c has a
# subsection (.SS) and a SYNOPSIS line, and every long option its --help
# lists is in that subsection.
#
# Usage: check-manpage.sh NIANBAO MANPAGE NB-CLI.C
#
# SPDX-License-Identifier: GPL-3.0-or-later

set -eu

nianbao=$1 man=$2 source=$3
export LC_ALL=C.UTF-8 LANGUAGE=
unset DISPLAY WAYLAND_DISPLAY || true
status=0

verbs=$(sed -n 's/^ *{ "\([a-z]*\)", nb_cli_[a-z]* },$/\1/p' "$source")
[ -n "$verbs" ] || { echo "no verbs found in $source"; exit 1; }
synopsis=$(sed -n '/^\.SH SYNOPSIS/,/^\.SH /p' "$man")
for verb in $verbs; do
  # the subsection: from its .SS to the next .SS or .SH
  section=$(awk -v verb="$verb" '
    /^\.S[SH] / { inside = ($0 == ".SS " verb) }
    inside' "$man")
  if [ -z "$section" ]; then
    echo "not documented: $verb has no .SS $verb"; status=1; continue
  fi
  printf '%s\n' "$synopsis" | grep -q -x "\.B $verb\( .*\)\?" ||
    { echo "not documented: $verb is not in SYNOPSIS"; status=1; }
  printf '%s\n' "$section" | grep -q "Exit status" ||
    { echo "not documented: the exit status of $verb"; status=1; }
  for option in $("$nianbao" "$verb" --help | sed -n 's/^ *\(-[a-z], \)\?--\([a-z-]*\).*/\2/p' |
                  grep -v -x help); do
    roff=$(printf '%s' "$option" | sed 's/-/\\\\-/g')
    printf '%s\n' "$section" | grep -q -e "\\\\-\\\\-$roff" ||
      { echo "not documented: $verb --$option"; status=1; }
  done
  [ $status = 1 ] || echo "ok: $verb"
done
exit $status

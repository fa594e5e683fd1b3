#!/usr/bin/python3
# check-flatpak-pins.py — every module the Flatpak manifest builds beside
# Nianbao gets the same code on every rebuild: an archive or a file by its
# sha256, a git source by its tag and the commit that tag names (no
# branch).  Nianbao itself, the last module, is the one "dir" source:
# the tree it is built from.  flatpak-builder checks the checksum and the tag's commit when it
# downloads; this checks, offline, that there is one to check.
#
#   check-flatpak-pins.py MANIFEST.json
#
# SPDX-License-Identifier: GPL-3.0-or-later

import json
import re
import sys

HEX = {"sha256": re.compile(r"[0-9a-f]{64}"), "commit": re.compile(r"[0-9a-f]{40}")}


def hex_field(source, key):
    return isinstance(source.get(key), str) and HEX[key].fullmatch(source[key]) is not None


def problems_of(module, is_app):
    """What is not pinned in @module and the modules nested in it."""
    name = module.get("name", "?")
    found = []
    for source in module.get("sources", []):
        kind = source.get("type")
        if kind in ("archive", "file"):
            if not hex_field(source, "sha256"):
                found.append(f"{name}: the {kind} {source.get('url', '?')} has no sha256")
        elif kind == "git":
            if "branch" in source:
                found.append(f"{name}: a git source follows the branch {source['branch']}")
            if not isinstance(source.get("tag"), str) or not hex_field(source, "commit"):
                found.append(f"{name}: the git source {source.get('url', '?')} needs a tag "
                             "and the 40-digit commit it names")
        elif kind == "dir":
            if not is_app:
                found.append(f"{name}: a dir source, which only Nianbao itself may have")
        elif kind != "patch":
            found.append(f"{name}: a source of type {kind}, which is not pinned")
    for nested in module.get("modules", []):
        found += problems_of(nested, False)
    return found


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        manifest = json.load(f)
    problems = []
    modules = manifest["modules"]
    for module in modules:
        found = problems_of(module, module is modules[-1])
        problems += found
        if not found:
            print(f"ok: {module['name']}")
    for problem in problems:
        print(f"not pinned: {problem}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())

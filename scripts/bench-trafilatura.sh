#!/usr/bin/env bash
# Side-by-side in one run: Parallax and trafilatura 2.3.1 on the article-extraction benchmark,
# scored with the same metric (crates/eval/src/extract.rs), each timed on one thread.
#
# Usage: scripts/bench-trafilatura.sh [DATASET_DIR]
#   DATASET_DIR defaults to ../shared/data/article-extraction-benchmark beside the checkout.
# Needs python3 with venv and access to PyPI; everything goes into a throwaway temp dir.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
data="${1:-$here/../../shared/data/article-extraction-benchmark}"
if [ ! -f "$data/ground-truth.json" ]; then
  echo "no benchmark at $data (pass its folder as the first argument)" >&2
  exit 2
fi
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
python3 -m venv "$tmp/venv"
# lxml 6 split lxml.html.clean into lxml_html_clean, which jusText (a trafilatura dependency) imports.
"$tmp/venv/bin/pip" install --quiet --disable-pip-version-check "trafilatura==2.3.1" lxml_html_clean >&2
# One thread: keep numerical libraries from spawning pools.
OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 "$tmp/venv/bin/python" "$here/bench_trafilatura.py" "$data"

# Parallax on the same pages, same metric, one thread.
cd "$here/.."
cargo run --release --quiet -p parallax-cli -- --jobs 1 eval extract \
  --dataset article-extraction-benchmark --path "$data" --json

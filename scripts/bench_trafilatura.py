"""Scores trafilatura on the article-extraction benchmark with Parallax's metric.

Run through scripts/bench-trafilatura.sh, which makes a throwaway virtualenv with
trafilatura==2.3.1. Prints one JSON line in the shape of `parallax eval extract --json`.

The metric is the benchmark's own (see shared/data/article-extraction-benchmark/SOURCE.txt):
\\w+ tokens (Unicode, case kept), multisets of word 4-gram shingles, per-page tp/fp/fn
normalised to sum 1, mean precision over pages with predictions, mean recall over pages with
gold, F1 of the means; accuracy = share of pages whose token lists are identical.
"""

import gzip
import json
import os
import re
import sys
import time
from collections import Counter
from pathlib import Path

# The benchmark's own harness reads each page as UTF-8 text; TRAFILATURA_INPUT=bytes hands
# trafilatura the raw bytes to decode itself instead.
BYTES_INPUT = os.environ.get("TRAFILATURA_INPUT") == "bytes"
TOKEN_RE = re.compile(r"\w+", re.UNICODE | re.MULTILINE | re.IGNORECASE | re.DOTALL)


def tokens(text):
    return TOKEN_RE.findall(text or "")


def shingles(text, n=4):
    toks = tokens(text)
    out = []
    for i in range(0, max(1, len(toks) - n + 1)):
        s = " ".join(toks[i : i + n])
        if s:
            out.append(s)
    return Counter(out)


def tp_fp_fn(gold, pred):
    g, p = shingles(gold), shingles(pred)
    tp = fp = fn = 0
    for k in set(g) | set(p):
        gc, pc = g.get(k, 0), p.get(k, 0)
        tp += min(gc, pc)
        fp += max(0, pc - gc)
        fn += max(0, gc - pc)
    s = tp + fp + fn
    if s > 0:
        return tp / s, fp / s, fn / s
    return 0.0, 0.0, 0.0


def main():
    data = Path(sys.argv[1])
    import trafilatura

    gold = json.loads((data / "ground-truth.json").read_text(encoding="utf-8"))
    pages = []
    for key in sorted(gold):
        raw = gzip.decompress((data / "html" / f"{key}.html.gz").read_bytes())
        pages.append((key, raw))
    line = {
        "task": "extract",
        "dataset": "article-extraction-benchmark",
        "extractor": f"trafilatura {trafilatura.__version__}",
        "input": "bytes" if BYTES_INPUT else "utf-8 text",
        "n": len(pages),
    }
    started = time.perf_counter()
    # Default settings first (they append readers' comments to the text), then without comments,
    # which is how the benchmark's published figure for trafilatura reads.
    for suffix, comments in (("", True), ("_no_comments", False)):
        precisions, recalls, exact, spent = [], [], 0, 0.0
        for key, raw in pages:
            page = raw if BYTES_INPUT else raw.decode("utf-8", errors="replace")
            t0 = time.perf_counter()
            text = trafilatura.extract(page, output_format="txt", include_comments=comments) or ""
            spent += time.perf_counter() - t0
            body = gold[key].get("articleBody", "")
            tp, fp, fn = tp_fp_fn(body, text)
            if tp + fp > 0:
                precisions.append(tp / (tp + fp))
            if tp + fn > 0:
                recalls.append(tp / (tp + fn))
            if tokens(body) == tokens(text):
                exact += 1
        p = sum(precisions) / len(precisions) if precisions else 0.0
        r = sum(recalls) / len(recalls) if recalls else 0.0
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        line["precision" + suffix] = round(p, 4)
        line["recall" + suffix] = round(r, 4)
        line["f1" + suffix] = round(f1, 4)
        line["accuracy" + suffix] = round(exact / len(pages), 4)
        line["pages_per_second" + suffix] = round(len(pages) / spent, 2)
    line["seconds"] = round(time.perf_counter() - started, 2)
    print(json.dumps(line))


if __name__ == "__main__":
    main()

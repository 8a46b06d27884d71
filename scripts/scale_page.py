#!/usr/bin/env python3
"""Writes an HTML page of N short paragraphs, for the per-document scaling benchmark.

Usage: python3 scripts/scale_page.py N OUT.html

Each paragraph is one short sentence of the team's own words ("The mayor said on day 7 that
the bridge would open soon."), so the page holds N sentences, N statements and N dates: every
stage that does per-sentence work on the whole document shows any cost that grows faster than
the page. Measure with:

  parallax --data /tmp/stN ingest --max-doc-mib 64 OUT.html
  parallax --data /tmp/stN story "$(parallax --data /tmp/stN stories --json | head -1 | jq -r .id)"
"""
import random
import sys

WORDS = "council river bridge mayor budget school flood road harbour market train police hospital winter".split()


def main():
    n, out = int(sys.argv[1]), sys.argv[2]
    rng = random.Random(3)
    with open(out, "w", encoding="utf-8") as f:
        f.write("<html><head><title>Long page</title></head><body><article>"
                "<h1>Long page of short paragraphs</h1>\n")
        for i in range(n):
            f.write("<p>The %s said on day %d that the %s would open soon.</p>\n"
                    % (rng.choice(WORDS), i, rng.choice(WORDS)))
        f.write("</article></body></html>\n")


if __name__ == "__main__":
    main()

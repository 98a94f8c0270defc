#!/usr/bin/env python3
"""Reads a running Praxis with the clients its users run, and fails on anything they
would refuse:

- every Atom feed (initiatives per language, each call's signatories) with feedparser;
- the concept glossary (SKOS, Turtle) with rdflib;
- the public CSV of each call's register with Python's csv module, which also checks
  that no cell could start a spreadsheet formula;
- the sitemap index and every sitemap it names with Python's XML parser (sitemaps.org
  schema names, absolute addresses), and each page's JSON-LD block as JSON.

Usage: check_formats.py BASE_URL   (e.g. http://127.0.0.1:8080; exit 1 on any problem)
"""
import csv
import io
import json
import pathlib
import sys
import urllib.request
import xml.etree.ElementTree as ET

import feedparser
import rdflib
from rdflib.namespace import RDF, SKOS


def get(base, path):
    with urllib.request.urlopen(base + path, timeout=30) as response:
        return response.status, response.headers.get("Content-Type", ""), response.read()


problems = []


def check(condition, message):
    if not condition:
        problems.append(message)


def feeds(base, langs, calls):
    paths = [f"/{lang}/feed.atom" for lang in langs]
    paths += [f"/{lang}/calls/{call}/feed.atom" for lang in langs for call in calls]
    for path in paths:
        status, ctype, body = get(base, path)
        parsed = feedparser.parse(body)
        check(status == 200 and ctype.startswith("application/atom+xml"), f"{path}: {status} {ctype}")
        check(not parsed.bozo, f"{path}: feedparser refuses it: {parsed.get('bozo_exception')}")
        check(parsed.feed.get("title"), f"{path}: no feed title")
        for entry in parsed.entries:
            check(entry.get("id") and entry.get("link") and entry.get("title"), f"{path}: an entry lacks id, link or title")
    return len(paths)


def glossary(base):
    status, ctype, body = get(base, "/api/v1/glossary.ttl")
    check(status == 200 and ctype.startswith("text/turtle"), f"glossary: {status} {ctype}")
    graph = rdflib.Graph()
    graph.parse(data=body.decode("utf-8"), format="turtle")
    concepts = set(graph.subjects(RDF.type, SKOS.Concept))
    check(len(concepts) >= 100, f"glossary: only {len(concepts)} skos:Concept")
    unlabelled = [c for c in concepts if not any(True for _ in graph.objects(c, SKOS.prefLabel))]
    check(not unlabelled, f"glossary: {len(unlabelled)} concepts without a prefLabel, such as {unlabelled[:3]}")
    return len(concepts)


def registers(base, calls):
    rows = 0
    for call in calls:
        path = f"/api/v1/calls/{call}/signatories?format=csv"
        status, ctype, body = get(base, path)
        check(status == 200 and ctype.startswith("text/csv"), f"{path}: {status} {ctype}")
        table = list(csv.reader(io.StringIO(body.decode("utf-8-sig"), newline="")))
        check(len(table) >= 1, f"{path}: no header")
        width = len(table[0])
        for n, row in enumerate(table[1:], 2):
            check(len(row) == width, f"{path}: row {n} has {len(row)} cells, the header {width}")
            for cell in row:
                check(not cell[:1] in ("=", "+", "-", "@", "\t", "\r"), f"{path}: row {n}: a cell starts a formula: {cell!r}")
        rows += len(table) - 1
    return rows


SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def sitemaps(base, public):
    """Returns how many page addresses the sitemaps list, checking each is absolute, and
    reads the JSON-LD of the first few initiative pages."""
    status, ctype, body = get(base, "/sitemap.xml")
    check(status == 200 and "xml" in ctype, f"/sitemap.xml: {status} {ctype}")
    index = ET.fromstring(body)
    check(index.tag == SITEMAP + "sitemapindex", f"/sitemap.xml: root {index.tag}")
    pages = []
    for loc in index.iter(SITEMAP + "loc"):
        check(loc.text.startswith(public + "/sitemaps/"), f"/sitemap.xml: {loc.text} is not on {public}")
        path = loc.text[len(public):]
        urlset = ET.fromstring(get(base, path)[2])
        check(urlset.tag == SITEMAP + "urlset", f"{path}: root {urlset.tag}")
        for page in urlset.iter(SITEMAP + "loc"):
            check(page.text.startswith(public + "/"), f"{path}: {page.text} is not absolute on {public}")
            pages.append(page.text[len(public):])
    for path in [p for p in pages if "/initiatives/" in p][:20]:
        html = get(base, path)[2].decode("utf-8")
        start = html.find('<script type="application/ld+json">')
        check(start >= 0, f"{path}: no JSON-LD")
        if start >= 0:
            block = html[start + 35:html.index("</script>", start)]
            try:
                check(json.loads(block).get("@type") == "CreativeWork", f"{path}: JSON-LD is not a CreativeWork")
            except ValueError as e:
                check(False, f"{path}: JSON-LD is not JSON: {e}")
    return len(pages)


def main(base, public=None):
    base = base.rstrip("/")
    _, _, body = get(base, "/api/v1/calls")
    calls = [c["id"] for c in json.loads(body)]
    registry = pathlib.Path(__file__).resolve().parent.parent / "data" / "languages" / "registry.json"
    langs = [entry["code"] for entry in json.loads(registry.read_text("utf-8"))["languages"]]
    n_feeds = feeds(base, langs, calls)
    n_concepts = glossary(base)
    n_rows = registers(base, calls)
    n_pages = sitemaps(base, (public or base).rstrip("/"))
    for p in problems:
        print(p, file=sys.stderr)
    print(f"{n_feeds} feeds read by feedparser {feedparser.__version__}, {n_concepts} concepts by rdflib "
          f"{rdflib.__version__}, {n_rows} register rows by csv, {n_pages} sitemap addresses by xml: "
          f"{len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))

#!/usr/bin/env python3
"""Parses iCalendar files with the `icalendar` library (a real client's parser) and
prints one JSON line per file: the events with their UID, start, end (UTC), summary
and location, so tests can compare them with what Praxis meant to say.

Usage: check_ics.py FILE...   (exit 1 on any parse problem)
"""
import json
import sys

import icalendar


def main(paths):
    for path in paths:
        with open(path, "rb") as f:
            raw = f.read()
        # Strict about line ends and length: RFC 5545 says CRLF and at most 75 octets.
        for n, line in enumerate(raw.split(b"\r\n")[:-1], 1):
            if b"\n" in line or len(line) > 75:
                raise SystemExit(f"{path}:{n}: line of {len(line)} octets or a bare LF")
        cal = icalendar.Calendar.from_ical(raw)
        if cal.get("VERSION") != "2.0" or not cal.get("PRODID"):
            raise SystemExit(f"{path}: VERSION 2.0 and PRODID are required")
        events = []
        for ev in cal.walk("VEVENT"):
            for required in ("UID", "DTSTAMP", "DTSTART"):
                if ev.get(required) is None:
                    raise SystemExit(f"{path}: an event lacks {required}")
            events.append({
                "uid": str(ev.get("UID")),
                "start": ev.decoded("DTSTART").isoformat(),
                "end": ev.decoded("DTEND").isoformat(),
                "summary": str(ev.get("SUMMARY")),
                "description": str(ev.get("DESCRIPTION", "")),
                "location": str(ev.get("LOCATION", "")),
                "categories": [str(c) for cats in ([ev.get("CATEGORIES")] if ev.get("CATEGORIES") else []) for c in cats.cats],
            })
        print(json.dumps({"file": path, "events": events}, ensure_ascii=False))


if __name__ == "__main__":
    main(sys.argv[1:])

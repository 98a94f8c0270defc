#!/usr/bin/env python3
"""Soak run: mixed traffic on loopback against a store of 10,000 initiatives for ten
minutes, printing each minute the answers, the errors, p50/p99 latency and the server's
memory. It measures; it asserts nothing (read the figures).

    scripts/soak.py [--binary PATH] [--model FILE] [--minutes 10] [--count 10000] [--clients 8]

The traffic, per client in turn: catalogue and initiative pages, calls, events, feeds and
calendars; searches in four languages with the model (each query new, so no cache
answers it); sign-ins with the demo member's password (and the account page after);
registrations for an event (a new address each time). An error is any answer >= 400
other than 429; 429s (a throttle doing its work) are counted apart.

Without --binary it builds the release binary. Without --model it uses the one
`praxis demo` fetched (DATA/models or ~/.cache/praxis/models), else searches are lexical.
"""

import argparse
import http.client
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse

WORDS = {
    "en": "housing water heat flood cycling schools health budget tenants trees energy waste jobs youth".split(),
    "fr": "logement eau chaleur inondation vélo écoles santé budget locataires arbres énergie déchets emploi jeunes".split(),
    "es": "vivienda agua calor inundación bicicleta escuelas salud presupuesto inquilinos árboles energía residuos empleo".split(),
    "pt": "habitação água calor enchente bicicleta escolas saúde orçamento inquilinos árvores energia resíduos emprego".split(),
}
PAGES = [
    "/en/initiatives", "/fr/initiatives?theme=housing-land", "/es/initiatives?sort=newest", "/pt/initiatives",
    "/en/calls", "/fr/events", "/es/events/past", "/en/places", "/en/feed.atom", "/calendar.ics",
    "/api/v1/calls", "/api/v1/events?when=upcoming", "/", "/fr/",
]


def rss_mb(pid):
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return float("nan")


class Client:
    """One visitor: a keep-alive connection and its cookies."""

    def __init__(self, port):
        self.port = port
        self.conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        self.cookies = {}

    def request(self, method, path, form=None):
        body = urllib.parse.urlencode(form) if form is not None else None
        headers = {"Accept-Language": "en", "Accept-Encoding": "identity"}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        if body is not None:
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            headers["Origin"] = f"http://127.0.0.1:{self.port}"
        for attempt in range(2):
            try:
                self.conn.request(method, path, body=body, headers=headers)
                response = self.conn.getresponse()
                data = response.read()
                break
            except (http.client.HTTPException, OSError):
                self.conn.close()
                self.conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
                if attempt == 1:
                    return 599, b""
        for header, value in response.getheaders():
            if header.lower() == "set-cookie":
                name, _, rest = value.partition("=")
                self.cookies[name.strip()] = rest.split(";")[0]
        return response.status, data


class Stats:
    def __init__(self):
        self.lock = threading.Lock()
        self.reset()

    def reset(self):
        self.latencies, self.errors, self.throttled, self.samples = [], 0, 0, []

    def add(self, seconds, status, what):
        with self.lock:
            self.latencies.append(seconds)
            if status == 429:
                self.throttled += 1
            elif status >= 400:
                self.errors += 1
                if len(self.samples) < 5:
                    self.samples.append(f"{what} → {status}")

    def take(self):
        with self.lock:
            out = (sorted(self.latencies), self.errors, self.throttled, self.samples)
            self.reset()
            return out


def csrf(page):
    m = re.search(rb'name="csrf" value="([^"]+)"', page)
    return m.group(1).decode() if m else ""


def visitor(port, ids, event, stats, stop, seed):
    rng = random.Random(seed)
    client = Client(port)
    n = 0

    def timed(method, path, form=None):
        started = time.perf_counter()
        status, data = client.request(method, path, form)
        stats.add(time.perf_counter() - started, status, f"{method} {path.split('?')[0]}")
        return status, data

    while not stop.is_set():
        n += 1
        roll = rng.random()
        if roll < 0.40:
            path = rng.choice(PAGES) if rng.random() < 0.6 else f"/{rng.choice(list(WORDS))}/initiatives/{rng.choice(ids)}"
            timed("GET", path)
        elif roll < 0.75:
            lang = rng.choice(list(WORDS))
            words = " ".join(rng.sample(WORDS[lang], 2)) + f" {seed}x{n}"
            q = urllib.parse.quote(words)
            path = f"/api/v1/search?q={q}&lang={lang}" if rng.random() < 0.5 else f"/{lang}/initiatives?q={q}"
            timed("GET", path)
        elif roll < 0.88:
            signed = Client(port)
            client, kept = signed, client
            _, page = timed("GET", "/en/sign-in")
            timed("POST", "/en/sign-in", {
                "csrf": csrf(page), "email": "member@praxis.example", "password": "praxis-demo-2026", "next": "",
            })
            timed("GET", "/en/account")
            signed.conn.close()
            client = kept
        else:
            _, page = timed("GET", f"/en/events/{event}")
            timed("POST", f"/en/events/{event}/register", {
                "csrf": csrf(page), "name": f"Soak {seed}-{n}", "email": f"soak{seed}-{n}@example.org",
                "organisation": "Soak City", "consent": "yes",
            })


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--binary")
    ap.add_argument("--model")
    ap.add_argument("--minutes", type=int, default=10)
    ap.add_argument("--count", type=int, default=10_000)
    ap.add_argument("--clients", type=int, default=8)
    args = ap.parse_args()
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    binary = args.binary
    if not binary:
        subprocess.run(["cargo", "build", "--release", "--locked", "-p", "praxis-cli"], cwd=root, check=True)
        target = os.environ.get("CARGO_TARGET_DIR", os.path.join(root, "target"))
        binary = os.path.join(target, "release", "praxis")

    work = tempfile.mkdtemp(prefix="praxis-soak-")
    server = None
    try:
        data = os.path.join(work, "data")
        generated = os.path.join(work, "initiatives.jsonl")
        with open(generated, "w") as out:
            subprocess.run([binary, "generate", "--count", str(args.count)], stdout=out, check=True)
        subprocess.run([binary, "import", "--data", data, generated], check=True, stdout=subprocess.DEVNULL)
        ids = [json.loads(line)["id"] for line in open(generated)]
        port = random.randint(20000, 40000)
        command = [binary, "demo", "--data", data, "--addr", f"127.0.0.1:{port}"]
        if args.model:
            command += ["--model", args.model]
        elif os.path.exists(os.path.expanduser("~/.cache/praxis/models/e5-small-q4.bin")):
            command += ["--model", os.path.expanduser("~/.cache/praxis/models/e5-small-q4.bin")]
        log = open(os.path.join(work, "server.log"), "w")
        server = subprocess.Popen(command, stdout=log, stderr=log)
        probe = Client(port)
        # Every initiative gets its embedding first (about 10 a second on two cores), so
        # the soak measures serving, not the first indexing.
        for _ in range(3600):
            try:
                status, body = probe.request("GET", "/healthz/details")
                details = json.loads(body)
                pending, semantic = details["search"]["semantic_pending"], details["search"]["semantic"]
                if not semantic or pending == 0:
                    break
                print(f"\rwaiting for the embeddings: {pending} to go   ", end="", file=sys.stderr, flush=True)
            except (ValueError, KeyError):
                pass
            time.sleep(1)
        print(file=sys.stderr)
        _, events = probe.request("GET", "/api/v1/events?when=upcoming")
        event = json.loads(events)[0]["id"]
        print(f"Soak: {args.count} initiatives, {args.clients} clients, {args.minutes} minutes, "
              f"search with the model: {semantic}; pid {server.pid}")
        print(f"{'minute':>6} {'answers':>8} {'req/s':>7} {'errors':>6} {'429':>5} {'p50 ms':>7} {'p99 ms':>7} {'RSS MB':>7}")

        stats, stop = Stats(), threading.Event()
        threads = [threading.Thread(target=visitor, args=(port, ids, event, stats, stop, i), daemon=True)
                   for i in range(args.clients)]
        for t in threads:
            t.start()
        memory, total_errors = [], 0
        for minute in range(1, args.minutes + 1):
            time.sleep(60)
            lat, errors, throttled, samples = stats.take()
            total_errors += errors
            mem = rss_mb(server.pid)
            memory.append(mem)
            p = lambda q: lat[min(len(lat) - 1, int(q * len(lat)))] * 1000 if lat else float("nan")
            print(f"{minute:>6} {len(lat):>8} {len(lat) / 60:>7.0f} {errors:>6} {throttled:>5} "
                  f"{p(0.50):>7.1f} {p(0.99):>7.1f} {mem:>7.0f}", flush=True)
            for s in samples:
                print(f"       e.g. {s}")
        stop.set()
        for t in threads:
            t.join(timeout=35)
        if len(memory) >= 2:
            drift = (memory[-1] - memory[1]) / memory[1] * 100
            print(f"Errors: {total_errors}. Memory: minute 2 {memory[1]:.0f} MB, last minute {memory[-1]:.0f} MB "
                  f"({drift:+.1f} %).")
    finally:
        if server:
            server.terminate()
            server.wait(timeout=30)
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()

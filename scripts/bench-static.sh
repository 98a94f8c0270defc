#!/usr/bin/env bash
# Praxis beside a static server, on the same machine and in one run: builds a store of N
# generated initiatives, serves it with `praxis serve`, saves the same pages for nginx,
# and runs wrk against each route on both. Prints, per route, requests per second, p50
# and p99 for each server and Praxis's share of nginx's rate. It measures; it asserts
# nothing. Installs wrk and nginx from Debian when they are missing.
#
#   scripts/bench-static.sh [--count 10000] [--connections 32] [--seconds 10]
#                           [--model FILE] [--binary PATH] [--runs 1]
#
# Search routes have no static twin; they run twice: the same query over and over (what
# a node's kept answers make cheap), and a new query every time (what no cache has seen).
set -euo pipefail

count=10000
connections=32
seconds=10
model=""
binary="${PRAXIS_BIN:-}"
runs=1
while [ $# -gt 0 ]; do
  case "$1" in
    --count) count="$2"; shift 2 ;;
    --connections) connections="$2"; shift 2 ;;
    --seconds) seconds="$2"; shift 2 ;;
    --model) model="$2"; shift 2 ;;
    --binary) binary="$2"; shift 2 ;;
    --runs) runs="$2"; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

command -v wrk >/dev/null || apt-get install -y wrk >/dev/null
[ -x /usr/sbin/nginx ] || apt-get install -y nginx-light >/dev/null 2>&1 || apt-get install -y nginx >/dev/null
root="$(cd "$(dirname "$0")/.." && pwd)"
if [ -z "$binary" ]; then
  cargo build --release -p praxis-cli --manifest-path "$root/Cargo.toml" >&2
  binary="${CARGO_TARGET_DIR:-$root/target}/release/praxis"
fi

work="$(mktemp -d)"
port=$((20000 + RANDOM % 20000))
static_port=$((port + 1))
server=""
nginx_pid=""
trap 'kill "$server" "$nginx_pid" 2>/dev/null || true; rm -rf "$work"' EXIT

echo "Generating and importing $count initiatives…" >&2
"$binary" generate --count "$count" >"$work/initiatives.jsonl"
start=$(date +%s.%N)
"$binary" import --data "$work/data" "$work/initiatives.jsonl" >/dev/null
import_s=$(echo "$(date +%s.%N) - $start" | bc)

args=(serve --data "$work/data" --addr "127.0.0.1:$port")
start=$(date +%s.%N)
if [ -n "$model" ]; then
  "$binary" "${args[@]}" --model "$model" >"$work/server.log" 2>&1 &
else
  # Without --model, no model: not even the one a home folder's cache holds.
  HOME="$work" "$binary" "${args[@]}" >"$work/server.log" 2>&1 &
fi
server=$!
base="http://127.0.0.1:$port"
for _ in $(seq 1 600); do
  curl -fs "$base/healthz" >/dev/null 2>&1 && break
  sleep 0.1
done
ready_s=$(echo "$(date +%s.%N) - $start" | bc)
if [ -n "$model" ]; then
  for _ in $(seq 1 7200); do
    pending="$(curl -fs "$base/healthz/details" | python3 -c 'import json,sys; print(json.load(sys.stdin)["search"]["semantic_pending"])')"
    [ "$pending" = "0" ] && break
    sleep 1
  done
fi

id="$(curl -fs "$base/api/v1/search?q=&limit=1" | python3 -c 'import json,sys; print(json.load(sys.stdin)["hits"][0]["id"])')"
# name|path|whether nginx serves a saved copy
routes="catalogue|/en/initiatives|static
initiative|/en/initiatives/$id|static
catalogue search|/en/initiatives?q=affordable+housing|
API search|/api/v1/search?q=logement+abordable&lang=fr|"

mkdir -p "$work/static" "$work/nginx/logs"
n=0
while IFS='|' read -r name path static; do
  n=$((n + 1))
  [ "$static" = "static" ] && curl -fs "$base$path" >"$work/static/page$n.html"
done <<<"$routes"
cat >"$work/nginx/nginx.conf" <<NGINX
worker_processes auto;
pid $work/nginx/nginx.pid;
error_log $work/nginx/logs/error.log;
events { worker_connections 1024; }
http {
  access_log off;
  default_type text/html;
  sendfile on;
  server { listen 127.0.0.1:$static_port; root $work/static; }
}
NGINX
/usr/sbin/nginx -p "$work/nginx" -c "$work/nginx/nginx.conf" -g 'daemon off;' &
nginx_pid=$!
sleep 0.5

cat >"$work/unique.lua" <<'LUA'
local n = 0
request = function()
  n = n + 1
  local path = string.gsub(wrk.path, "q=", "q=" .. n .. "+", 1)
  return wrk.format("GET", path)
end
LUA

# "req/s p50 p99" of one wrk run, latencies in ms.
measure() {
  wrk -t2 -c"$connections" -d"${seconds}s" --latency "$@" | python3 -c '
import re, sys
text = sys.stdin.read()
def ms(label):
    m = re.search(r"^\s*" + label + r"\s+([\d.]+)(us|ms|s)\s*$", text, re.M)
    value, unit = float(m.group(1)), m.group(2)
    return value / 1000 if unit == "us" else value * 1000 if unit == "s" else value
rate = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
errors = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
p50, p99 = ms("50%"), ms("99%")
print(f"{rate:.0f} {p50:.2f} {p99:.2f} {errors.group(1) if errors else 0}")'
}

semantic="$(curl -fs "$base/healthz/details" | python3 -c 'import json,sys; print("with the model" if json.load(sys.stdin)["search"]["semantic"] else "without the model")')"
echo
echo "$count initiatives, $semantic; wrk, $connections connections, ${seconds}s per route; $(nproc) cores"
printf 'import: %.1f s (%.0f per second); serving %.1f s after start\n' "$import_s" "$(echo "$count / $import_s" | bc -l)" "$ready_s"
for run in $(seq 1 "$runs"); do
  echo
  [ "$runs" -gt 1 ] && echo "Run $run"
  echo "| route | Praxis req/s | p50 ms | p99 ms | nginx req/s | p50 ms | p99 ms | Praxis/nginx |"
  echo "|---|---|---|---|---|---|---|---|"
  n=0
  while IFS='|' read -r name path static; do
    n=$((n + 1))
    read -r rate p50 p99 errors < <(measure "$base$path")
    bad=""
    [ "$errors" != "0" ] && bad=" ($errors errors)"
    if [ "$static" = "static" ]; then
      read -r srate sp50 sp99 _ < <(measure "http://127.0.0.1:$static_port/page$n.html")
      ratio=$(python3 -c "print(f'{$rate / $srate:.0%}')")
      echo "| $name$bad | $rate | $p50 | $p99 | $srate | $sp50 | $sp99 | $ratio |"
    else
      echo "| $name, same query$bad | $rate | $p50 | $p99 | — | — | — | — |"
      read -r rate p50 p99 errors < <(measure -s "$work/unique.lua" "$base$path")
      bad=""
      [ "$errors" != "0" ] && bad=" ($errors errors)"
      echo "| $name, every query new$bad | $rate | $p50 | $p99 | — | — | — | — |"
    fi
  done <<<"$routes"
done
echo
echo "Server memory: $(ps -o rss= -p "$server" | awk '{printf "%.0f MB", $1/1024}')"

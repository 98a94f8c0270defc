#!/usr/bin/env bash
# Checks what docs/deploy.md tells an operator to do, as they would do it:
#  1. the systemd unit (deploy/praxis.service) passes `systemd-analyze verify`, and its
#     Environment= lines and commands, run as written, serve;
#  2. nginx with deploy/nginx.conf in front of it: pages and the API answer through the
#     proxy, compressed; /metrics is closed at the proxy and open to the machine; the
#     client's address is the one nginx appends, not one a client forges;
#  3. a backup of the running demo (SQLite) restored into PostgreSQL serves the same pages
#     and exports the same initiatives.
# Usage: scripts/check-deploy.sh PRAXIS_BINARY DEMO_DATA_DIR DEMO_URL POSTGRES_URL WORK_DIR
# (scripts/test.sh calls it with its running demo and its private PostgreSQL.)
set -euo pipefail
cd "$(dirname "$0")/.."
praxis=$1 demo_data=$2 demo_url=$3 pg_url=$4 work=$5
mkdir -p "$work"
pids=()
cleanup() { for pid in "${pids[@]:-}"; do [ -n "$pid" ] && kill "$pid" 2>/dev/null || true; done; }
trap cleanup EXIT
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
fail() { echo "check-deploy: $*" >&2; exit 1; }
wait_for() {
  for _ in $(seq 1 150); do curl -fsS "$1" >/dev/null 2>&1 && return 0; sleep 0.2; done
  return 1
}

# --- 1. The systemd unit -----------------------------------------------------------------
app_port=$(free_port)
unit="$work/praxis.service"
sed -e "s#/usr/local/bin/praxis#$praxis#g" deploy/praxis.service >"$unit"
verify=$(systemd-analyze verify "$unit" 2>&1) || fail "systemd-analyze verify: $verify"
[ -z "$verify" ] || fail "systemd-analyze verify warns: $verify"
# Its environment, as systemd would give it (only the data folder and port moved).
env_args=()
while IFS= read -r line; do
  value=${line#Environment=}
  value=${value//\/var\/lib\/praxis/$work/unit-data}
  value=${value//127.0.0.1:8080/127.0.0.1:$app_port}
  env_args+=("$value")
done < <(grep '^Environment=' "$unit")
# Only the log filter is widened, so that serving logs something to check the format of.
env_args+=("PRAXIS_LOG=warn,tower_http=debug")
run_unit() { env -i PATH="$PATH" HOME="$work" "${env_args[@]}" PRAXIS_E5_MODEL="${PRAXIS_E5_MODEL:-}" "$@"; }
pre=$(grep '^ExecStartPre=' "$unit" | cut -d= -f2-)
start=$(grep '^ExecStart=' "$unit" | cut -d= -f2-)
mkdir -p "$work/unit-data"
run_unit $pre >"$work/unit-pre.log" 2>&1 || { cat "$work/unit-pre.log"; fail "ExecStartPre failed"; }
"$praxis" import --data "$work/unit-data" data/demo/initiatives-en.jsonl >/dev/null
run_unit $start >"$work/unit.log" 2>&1 &
pids+=($!)
wait_for "http://127.0.0.1:$app_port/healthz" || { cat "$work/unit.log"; fail "the unit's ExecStart does not serve"; }
echo "systemd unit: verified, and its commands serve with its environment"

# --- 2. nginx in front, as deploy/nginx.conf says ----------------------------------------
proxy_port=$(free_port)
conf="$work/nginx.conf"
# The site as written, on a plain-HTTP port of its own (no certificate here): the TLS
# lines and the redirect server go, the locations and headers stay exactly as written.
python3 - "$proxy_port" "$app_port" deploy/nginx.conf >"$work/site.conf" <<'PY'
import re, sys
proxy, app = sys.argv[1], sys.argv[2]
text = open(sys.argv[3]).read()
text = text.replace("127.0.0.1:8080", f"127.0.0.1:{app}")
servers = text.split("server {")
# Keep the upstream and the TLS server (the last); drop the port-80 redirect.
head, tls = servers[0], servers[-1]
tls = re.sub(r"\n\s*listen [^\n]*", "", tls)
tls = re.sub(r"\n\s*(ssl_[a-z_]+|http2)[^\n]*", "", tls)
print(head + "server {\n    listen 127.0.0.1:%s;" % proxy + tls)
PY
cat >"$conf" <<EOF
daemon off;
pid $work/nginx.pid;
error_log $work/nginx-error.log;
events { worker_connections 64; }
http {
    access_log $work/nginx-access.log;
    client_body_temp_path $work/nginx-body;
    proxy_temp_path $work/nginx-proxy;
    fastcgi_temp_path $work/nginx-fastcgi;
    uwsgi_temp_path $work/nginx-uwsgi;
    scgi_temp_path $work/nginx-scgi;
    include $work/site.conf;
}
EOF
nginx -t -c "$conf" -p "$work" >/dev/null 2>"$work/nginx-test.log" || { cat "$work/nginx-test.log"; fail "nginx refuses the configuration"; }
nginx -c "$conf" -p "$work" &
pids+=($!)
proxied="http://127.0.0.1:$proxy_port"
wait_for "$proxied/healthz" || { cat "$work/nginx-error.log"; fail "nginx does not reach Praxis"; }
status() { curl -s -o /dev/null -w '%{http_code}' "$@"; }
[ "$(status "$proxied/en/initiatives")" = 200 ] || fail "the catalogue through nginx"
[ "$(status "$proxied/api/v1/search?q=water")" = 200 ] || fail "the API through nginx"
encoding=$(curl -s -o /dev/null -D - -H 'Accept-Encoding: br' "$proxied/en/initiatives" | tr -d '\r' | awk -F': ' 'tolower($1)=="content-encoding"{print $2}')
[ "$encoding" = br ] || fail "pages through nginx are not brotli-compressed (got '$encoding')"
[ "$(status "$proxied/metrics")" = 404 ] || fail "/metrics is open through the proxy"
[ "$(status "http://127.0.0.1:$app_port/metrics")" = 200 ] || fail "/metrics is closed to the machine itself"
metrics=$(curl -s "http://127.0.0.1:$app_port/metrics")
grep -q 'praxis_http_requests_total{.*route="/api/v1/search"' <<<"$metrics" || fail "searches are not counted in /metrics"
# PRAXIS_LOG_FORMAT=json (the unit sets it): the log is JSON lines.
grep -q '^{"timestamp"' "$work/unit.log" || fail "no JSON log lines: $(head -c 300 "$work/unit.log")"
grep '^{' "$work/unit.log" | python3 -c 'import json, sys; [json.loads(l) for l in sys.stdin]' \
  || fail "a log line is not JSON"
echo "nginx: pages, API and brotli through the proxy; /metrics closed there, open locally"

# --- 3. Backup of the demo, restored into PostgreSQL -------------------------------------
archive="$work/demo-backup.tar.gz"
"$praxis" backup --data "$demo_data" --out "$archive" 2>"$work/backup.log" || { cat "$work/backup.log"; fail "backup"; }
db="praxis_restore_$$"
admin_url=$pg_url
psql "$admin_url" -qc "CREATE DATABASE $db" >/dev/null
restored_url="${pg_url%/*}/$db"
"$praxis" restore --data "$work/restored" --database-url "$restored_url" "$archive" 2>"$work/restore.log" \
  || { cat "$work/restore.log"; fail "restore into PostgreSQL"; }
restored_port=$(free_port)
PRAXIS_PUBLIC_URL="$demo_url" "$praxis" serve --data "$work/restored" --database-url "$restored_url" \
  --addr "127.0.0.1:$restored_port" >"$work/restored.log" 2>&1 &
pids+=($!)
wait_for "http://127.0.0.1:$restored_port/healthz" || { cat "$work/restored.log"; fail "the restored store does not serve"; }
# Both nodes have embedded every initiative (the restored one reads the vectors the backup
# carried, and computes the rest).
settled() {
  for _ in $(seq 1 600); do
    curl -fsS "$1/healthz/details" | python3 -c 'import json,sys; sys.exit(json.load(sys.stdin)["search"]["semantic_pending"] != 0)' \
      && return 0
    sleep 0.5
  done
  return 1
}
settled "$demo_url" && settled "http://127.0.0.1:$restored_port" || fail "embeddings never finished"
# Pages compare without their per-visit parts (the CSRF token).
page() { curl -s "$1" | sed -E 's/name="csrf" value="[^"]*"//g; s/csrf=[A-Za-z0-9_-]+//g'; }
for path in /en/initiatives /fr/initiatives/demo-es-026 /es/calls /pt/events /en/places/fr-lyon /api/v1/calls \
  /api/v1/events /en/feed.atom /calendar.ics /sitemap.xml; do
  if ! diff <(page "$demo_url$path") <(page "http://127.0.0.1:$restored_port$path") >"$work/page.diff"; then
    head -20 "$work/page.diff"
    fail "$path differs after the restore into PostgreSQL"
  fi
done
cmp <("$praxis" export --data "$demo_data") <("$praxis" export --data "$work/restored" --database-url "$restored_url") \
  || fail "the export differs after the restore into PostgreSQL"
psql "$admin_url" -qc "DROP DATABASE $db WITH (FORCE)" >/dev/null 2>&1 || true
echo "backup: the demo restored into PostgreSQL serves the same pages and exports the same initiatives"

#!/usr/bin/env bash
# Web latency with >= 100,000 stored forms: p50/p95/p99 of /forms/{id} and /api/v1/forms/{id} under 32
# concurrent connections (wrk), and the dashboard's time. Usage: bench/web-latency.sh [forms] [db-file]
# HOT=n picks the ids among the first n forms only (popular pages, which the output cache keeps) instead
# of all of them (each page about once in a run: the cache's worst case).
set -euo pipefail
cd "$(dirname "$0")/.."
forms=${1:-100000}
db=${2:-/tmp/jixiao-bench-web.db}
port=5097
command -v wrk >/dev/null || { echo "installing wrk…"; DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; }

dotnet build -c Release bench/Jixiao.Bench -v q -nologo >/dev/null
dotnet build -c Release src/Jixiao.Web -v q -nologo >/dev/null
ids=$(dotnet bench/Jixiao.Bench/bin/Release/net10.0/Jixiao.Bench.dll fill-db --forms "$forms" --db "Data Source=$db" ${JIXIAO_SEEDS:+--seeds "$JIXIAO_SEEDS"} | tee /dev/stderr | awk '/^form-ids/ { print $2, $3 }')
read -r min max <<<"$ids"
if [ -n "${HOT:-}" ]; then max=$((min + HOT - 1)); fi

export JIXIAO_DB="Data Source=$db" Jixiao__Seeds=/nonexistent ASPNETCORE_URLS="http://127.0.0.1:$port" Logging__LogLevel__Default=Warning
(cd src/Jixiao.Web && exec dotnet bin/Release/net10.0/Jixiao.Web.dll) & server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 1; done

lua=$(mktemp --suffix=.lua)
cat > "$lua" <<LUA
math.randomseed(42)
pattern = os.getenv("PATTERN")
request = function() return wrk.format("GET", string.format(pattern, math.random($min, $max))) end
done = function(summary, latency, requests)
  io.write(string.format("  requests %d, %.0f/s, errors %d\n", summary.requests, summary.requests / (summary.duration / 1e6), summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.timeout))
  io.write(string.format("  p50 %.2f ms  p95 %.2f ms  p99 %.2f ms\n", latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000))
end
LUA
for path in "/forms/%d" "/api/v1/forms/%d"; do
  curl -sf "http://127.0.0.1:$port${path/\%d/$min}" >/dev/null   # warm up
  echo "GET $path over ids $min..$max (32 connections, 2 threads, 20 s)"
  PATTERN=$path wrk -t2 -c32 -d20s -s "$lua" "http://127.0.0.1:$port/" | sed -n '/requests /,$p'
done
echo "GET / (dashboard over $forms forms), 5 runs:"
for _ in 1 2 3 4 5; do curl -s -o /dev/null -w "  %{time_total}s\n" "http://127.0.0.1:$port/"; done
rm -f "$lua"

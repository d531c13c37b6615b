#!/usr/bin/env bash
# The dashboard's time when its cached value is missing or stale: right after start, after a CLI import
# (another process: noticed by the import audit line), and after the cache's 60 s max age. Needs a database
# filled by `fill-db` (see web-latency.sh). Usage: bench/dashboard-freshness.sh [db-file] [runs] [web-dir]
# (web-dir: a Release build of Jixiao.Web, to time another build than this tree's)
set -euo pipefail
cd "$(dirname "$0")/.."
db=${1:-/tmp/jixiao-bench-web.db}
runs=${2:-3}
web=${3:-}
port=5098
seed=$(ls "${JIXIAO_SEEDS:-../shared/seeds}"/*.txt | head -1)
if [ -z "$web" ]; then
  dotnet build -c Release src/Jixiao.Web -v q -nologo >/dev/null
  web=src/Jixiao.Web/bin/Release/net10.0
fi
dotnet build -c Release src/Jixiao.Cli -v q -nologo >/dev/null
web=$(cd "$web" && pwd)
time_dashboard() { curl -s -o /dev/null -w "%{time_total}" "http://127.0.0.1:$port/"; }

for run in $(seq 1 "$runs"); do
  export JIXIAO_DB="Data Source=$db" Jixiao__Seeds=/nonexistent ASPNETCORE_URLS="http://127.0.0.1:$port" Logging__LogLevel__Default=Warning
  (cd src/Jixiao.Web && exec dotnet "$web/Jixiao.Web.dll") & server=$!
  trap 'kill $server 2>/dev/null || true' EXIT
  for _ in $(seq 1 240); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.25; done
  start=$(time_dashboard)
  again=$(time_dashboard)
  # A new version of one seed file, imported by the CLI as another process would.
  file=$(mktemp --suffix=.txt)
  sed "0,/项目名称 \([^ ]*\)/s//项目名称 \1R$RANDOM$run/" "$seed" >"$file"
  dotnet src/Jixiao.Cli/bin/Release/net10.0/jixiao.dll import --db "Data Source=$db" "$file" >/dev/null
  rm -f "$file"
  import=$(time_dashboard)
  sleep 5
  import_later=$(time_dashboard)
  sleep 61
  expired=$(time_dashboard)
  expired_again=$(time_dashboard)
  kill $server; wait $server 2>/dev/null || true
  echo "run $run: start $start s, again $again s | after CLI import $import s, 5 s later $import_later s | after 60 s $expired s, again $expired_again s"
done

#!/usr/bin/env bash
# Runs the storage tests against a throw-away PostgreSQL cluster (and SQLite, as always).
#
#   scripts/postgres-test.sh                 # dotnet test tests/Jixiao.Storage.Tests
#   scripts/postgres-test.sh CMD [ARGS...]   # any command, with JIXIAO_TEST_POSTGRES set
#
# Installs PostgreSQL from Debian packages when it is missing (needs root), creates a cluster in a
# temporary folder owned by the unprivileged `postgres` user (or the current user when not root),
# listening only on a Unix socket in that folder, exports
#   JIXIAO_TEST_POSTGRES="Host=<socket dir>;Username=postgres;Database=jixiao_test"
# runs the command, then stops the cluster and deletes the folder. Non-interactive and idempotent;
# quick when PostgreSQL is already installed. The cluster runs without fsync: it is for tests only.
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

find_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }
bin=$(find_bin)
if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "postgres-test: PostgreSQL is not installed and this is not root; run: apt-get install -y postgresql" >&2
    exit 1
  fi
  echo "postgres-test: installing PostgreSQL (apt-get install postgresql)" >&2
  apt-get update -qq </dev/null >/dev/null
  apt-get install -y -qq --no-install-recommends postgresql </dev/null >/dev/null
  bin=$(find_bin)
fi

dir=$(mktemp -d /tmp/jixiao-pg.XXXXXX)
if [ "$(id -u)" -eq 0 ]; then
  id postgres >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin postgres
  chown postgres "$dir"
  as_pg() { runuser -u postgres -- "$@"; }
else
  as_pg() { "$@"; }
fi
cleanup() {
  as_pg "$bin/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$dir"
}
trap cleanup EXIT

as_pg "$bin/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 --no-sync >"$dir/initdb.log" 2>&1 \
  || { cat "$dir/initdb.log" >&2; exit 1; }
as_pg "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
  -o "-k $dir -c listen_addresses='' -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" start >/dev/null \
  || { cat "$dir/server.log" >&2; exit 1; }
as_pg "$bin/createdb" -h "$dir" -U postgres jixiao_test

export JIXIAO_TEST_POSTGRES="Host=$dir;Username=postgres;Database=jixiao_test"
echo "postgres-test: PostgreSQL $("$bin/postgres" --version | awk '{print $3}') at $dir" >&2
cd "$repo"
if [ "$#" -eq 0 ]; then
  set -- dotnet test tests/Jixiao.Storage.Tests
fi
"$@"

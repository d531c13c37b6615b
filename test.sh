#!/usr/bin/env bash
# Runs every test of Jixiao on a fresh machine with only the .NET SDK: installs what the tests need
# (PostgreSQL, Chromium, poppler) from Debian packages when absent, then runs the whole suite.
set -euo pipefail
cd "$(dirname "$0")"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
log=$(mktemp)
trap 'rm -f "$log"' EXIT

for setup in scripts/test-setup.d/*.sh; do
  [ -e "$setup" ] || continue
  echo "== setup: $setup"
  # shellcheck disable=SC1090
  source "$setup"
done

# The storage tests run against SQLite always and against a throw-away PostgreSQL cluster that
# scripts/postgres-test.sh starts (and installs when absent) around the test run.
run=(dotnet test Jixiao.slnx --nologo)
if [ -x scripts/postgres-test.sh ] && [ "${JIXIAO_SKIP_POSTGRES:-}" != 1 ]; then
  run=(scripts/postgres-test.sh "${run[@]}")
fi

set +e
"${run[@]}" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e

sum() { grep -oE "$1: +[0-9]+" "$log" | awk '{ s += $2 } END { print s + 0 }'; }
passed=$(sum Passed)
failed=$(sum Failed)
echo
echo "tests: ${passed:-0} passed, ${failed:-0} failed"
exit "$status"

#!/usr/bin/env bash
# The main job: the web application at http://localhost:5080 on an embedded SQLite database
# (src/Jixiao.Web/data/jixiao.db), filled with the published forms of ../shared/seeds on first start.
set -euo pipefail
cd "$(dirname "$0")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
exec dotnet run --project src/Jixiao.Web "$@"

#!/usr/bin/env bash
# The main job of Jixiao on a fresh machine with only the .NET SDK.
set -euo pipefail
cd "$(dirname "$0")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
seeds=${JIXIAO_SEEDS:-../shared/seeds}
exec dotnet run --project src/Jixiao.Cli -- parse "$seeds"/*.txt --format table

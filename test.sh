#!/usr/bin/env bash
# Runs every test project. The one command CI runs (through .ci/run) and the one the README gives.
set -euo pipefail
cd "$(dirname "$0")"
dotnet test PmgFunctions.sln --nologo -c Release "$@"

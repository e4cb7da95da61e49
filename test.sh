#!/usr/bin/env bash
# Runs every test project. The one command CI runs (through .ci/run) and the one the README gives.
# The storage integration tests need Azurite: eng/azurite.sh starts it on free ports, exports its connection
# string as PMG_TEST_STORAGE for the tests, and stops it afterwards; the exit status is dotnet test's.
set -euo pipefail
cd "$(dirname "$0")"
exec eng/azurite.sh run -- dotnet test PmgFunctions.sln --nologo -c Release "$@"

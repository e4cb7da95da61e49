#!/usr/bin/env bash
# Runs every test project. The one command CI runs (through .ci/run) and the one the README gives.
# The storage integration tests need Azurite: eng/azurite.sh starts it on free ports, exports its connection
# string as PMG_TEST_STORAGE for the tests, and stops it afterwards. The exit status is dotnet test's; the last
# line sums up every test project ("N passed, N failed").
set -euo pipefail
cd "$(dirname "$0")"

log=$(mktemp "${TMPDIR:-/tmp}/pmg-test.XXXXXX")
trap 'rm -f "$log"' EXIT

# The portal's browser tests drive Debian's Chromium; install it if missing (quick when present).
eng/chromium.sh install

# The CLI's process tests (tests/Pmg.Cli.Tests/PublishedCliTests.cs) run the published pmg when ./run.sh (or
# eng/publish-cli.sh) has published it (artifacts/pmg/pmg, NativeAOT, with the ReadyToRun build in artifacts/pmg/full)
# and no source changed since (`eng/publish-cli.sh --check`); otherwise `dotnet pmg.dll` of the build.
if [[ -z "${PMG_CLI_PATH:-}" ]] && eng/publish-cli.sh --check; then
  export PMG_CLI_PATH="$PWD/artifacts/pmg/pmg"
  echo "test.sh: the CLI process tests run the published $PMG_CLI_PATH ($(cat artifacts/pmg/.published))"
fi

status=0
eng/azurite.sh run -- dotnet test PmgFunctions.sln --nologo -c Release "$@" 2>&1 | tee "$log" || status=$?

# dotnet test prints one "Passed!/Failed!  - Failed: F, Passed: P, Skipped: S, Total: T" line per test project.
awk '/(Passed|Failed)! +- Failed:/ {
       for (i = 1; i <= NF; i++) {
         if ($i == "Failed:") failed += $(i + 1)
         if ($i == "Passed:") passed += $(i + 1)
         if ($i == "Skipped:") skipped += $(i + 1)
       }
       projects++
     }
     END { printf "\n%d test projects\nTests: %d passed, %d failed, %d skipped\n", projects, passed, failed, skipped }' "$log"
exit "$status"

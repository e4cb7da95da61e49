#!/usr/bin/env bash
# Regenerates the README's screenshots of the portal (docs/screenshots/*.png) from the real portal in Chromium:
# the browser tests' screenshot test with PMG_SCREENSHOTS pointing at docs/screenshots.
#
#   eng/screenshots.sh        needs Chromium (eng/chromium.sh install) and Azurite (eng/azurite.sh install)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
eng/chromium.sh install
PMG_SCREENSHOTS="$root/docs/screenshots" dotnet test tests/Pmg.Portal.Browser.Tests -c Release --nologo --filter "FullyQualifiedName~ScreenshotTests|FullyQualifiedName~DashboardTests"
ls -l docs/screenshots

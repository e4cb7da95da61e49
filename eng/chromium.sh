#!/usr/bin/env bash
# Chromium from Debian's packages, for the portal's browser tests (tests/Pmg.Portal.BrowserTests launch it through
# Microsoft.Playwright with ExecutablePath=/usr/bin/chromium; Playwright's own browser download is never used).
#
#   eng/chromium.sh install   install it if missing (apt-get; needs root or sudo); idempotent, quick when present
#   eng/chromium.sh path      print the executable's path; exit 1 when it is not installed
set -euo pipefail
executable=/usr/bin/chromium

case "${1:-}" in
  install)
    if [[ -x "$executable" ]]; then
      echo "chromium: $("$executable" --version 2>/dev/null || echo "$executable")"
      exit 0
    fi
    if [[ $(id -u) -eq 0 ]]; then
      sudo=()
    elif command -v sudo > /dev/null && sudo -n true 2> /dev/null; then
      sudo=(sudo -n)
    else
      echo "chromium.sh: Chromium is not installed and this user cannot install packages." >&2
      echo "chromium.sh: run as root: apt-get update && apt-get install -y chromium" >&2
      exit 1
    fi
    echo "chromium: installing the Debian package (apt-get install chromium)…"
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core > /dev/null
    [[ -x "$executable" ]] || { echo "chromium.sh: apt-get finished but $executable is missing." >&2; exit 1; }
    echo "chromium: $("$executable" --version 2>/dev/null)"
    ;;
  path)
    [[ -x "$executable" ]] || { echo "chromium.sh: $executable is not installed; run eng/chromium.sh install" >&2; exit 1; }
    echo "$executable"
    ;;
  *)
    echo "usage: eng/chromium.sh install|path" >&2
    exit 2
    ;;
esac

#!/usr/bin/env bash
# The chaos scenarios of issue 10, on Azurite, with the local host as a separate process (tests/Pmg.LocalHost.Tests/Chaos):
#   burst            64 uploads of three regions at once
#   kill-restart     SIGKILL of the local host in the middle of a batch of 24, then a restart
#   storage-outage   Azurite stopped for 30 s with the host running, then started again on the same ports and data
#   twenty-versions  20 uploads of one region at once (10 overwrites of one name, 10 names)
#   pickup-unwritable  the e-mail pickup folder cannot be written (a file stands where the folder should be)
# After each: every upload recorded exactly once (lost=0 duplicated=0; a version overwritten before anything read it
# is "superseded"), each region's current form the latest upload, every receipt sent once (one .eml each) or
# recorded failed. Prints the counts of every scenario of every run; exit 1 if any scenario failed.
#
#   eng/chaos.sh [--runs N] [--no-build]     (default 3 runs; CI runs only burst and kill-restart, as tests)
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
runs=3
build=true
while (($#)); do
  case "$1" in
    --runs) runs=${2:?--runs needs a number}; shift 2 ;;
    --no-build) build=false; shift ;;
    -h|--help) sed -n '2,14p' "$0"; exit 0 ;;
    *) echo "chaos.sh: unknown option $1" >&2; exit 2 ;;
  esac
done

if $build; then
  dotnet build tests/Pmg.LocalHost.Tests -c Release --nologo -v quiet
fi

report=$(mktemp)
all=$(mktemp)
trap 'rm -f "$report" "$all"' EXIT
failed=0
for ((run = 1; run <= runs; run++)); do
  echo "== run $run of $runs"
  PMG_CHAOS=1 PMG_CHAOS_REPORT="$report" eng/azurite.sh run -- \
    dotnet test tests/Pmg.LocalHost.Tests -c Release --no-build --nologo \
      --filter "Category=Chaos|Category=ChaosSlow" || failed=1
  sed "s/^/  run $run  /" "$report"
  cat "$report" >> "$all"
  : > "$report"
done

echo "== all runs"
awk '{ for (i = 2; i <= NF; i++) { split($i, kv, "="); if (kv[1] == "lost" || kv[1] == "duplicated") total[kv[1]] += kv[2] } n++ }
     END { printf "  %d scenario runs: lost=%d duplicated=%d\n", n, total["lost"], total["duplicated"] }' "$all"
exit "$failed"

#!/usr/bin/env bash
# Publishes `pmg` into artifacts/pmg (run.sh calls it; it can be run alone):
#   artifacts/pmg/full/pmg  ReadyToRun, framework-dependent: every command (what the storage commands run in);
#   artifacts/pmg/pmg       NativeAOT: validate, report and template start in milliseconds; upload, status, recalc,
#                           retry, contacts, access and report get are handed, arguments untouched, to full/pmg.
# Only when a source changed since the last publish (NativeAOT takes minutes on a small machine); --force always.
# If NativeAOT cannot be built here (no C compiler), artifacts/pmg/pmg is a link to full/pmg and the exit status is 1;
# any other failure (a trim/AOT warning is an error) exits 2.
#
#   eng/publish-cli.sh [--force]   publish when needed
#   eng/publish-cli.sh --check     exit 0 when artifacts/pmg is the publish of the current sources (test.sh uses it)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

out=artifacts/pmg
stamp=$out/.published
logs=${PMG_PUBLISH_LOGS:-artifacts/logs}

# Up to date: both binaries there, and no source, project or build setting newer than the stamp (build output in
# bin/ and obj/ is not a source: a plain build rewrites it).
up_to_date() {
  [[ -f "$stamp" && -x "$out/pmg" && -x "$out/full/pmg" ]] || return 1
  [[ -z "$(find src global.json Directory.Build.props Directory.Packages.props .editorconfig eng/BannedSymbols.txt \
    \( -name bin -o -name obj \) -prune -o -newer "$stamp" -type f -print -quit 2>/dev/null)" ]]
}

case "${1:-}" in
  --check) up_to_date; exit $? ;;
  --force) ;;
  "") if up_to_date; then echo "publish-cli: artifacts/pmg is up to date ($(cat "$stamp"))"; exit 0; fi ;;
  *) echo "usage: eng/publish-cli.sh [--force|--check]" >&2; exit 2 ;;
esac

publish() {
  # -nodeReuse:false: no MSBuild worker stays behind. < /dev/null 9>&-: nothing of the caller's terminal or locks.
  dotnet publish src/Pmg.Cli -c Release -r linux-x64 -nologo -v q -nodeReuse:false -clp:ErrorsOnly "$@" < /dev/null 9>&-
}

rm -rf "$out"
mkdir -p "$out" "$logs"
# Stamped with the time the publish started: a source saved while it runs is newer, and the next run publishes again.
began=$(date +%s)
stamp_with() { echo "$1" > "$stamp" && touch -d "@$began" "$stamp"; }
started=$SECONDS
publish -o "$out/full" > "$logs/publish-full.log" 2>&1 || { tail -n 30 "$logs/publish-full.log" >&2; exit 2; }
echo "publish-cli: $out/full/pmg (ReadyToRun) in $((SECONDS - started)) s"

if ! command -v clang > /dev/null && ! command -v gcc > /dev/null; then
  ln -sf full/pmg "$out/pmg"
  stamp_with "ReadyToRun only (no C compiler for NativeAOT)"
  echo "publish-cli: no C compiler (clang or gcc) to link NativeAOT; $out/pmg runs the ReadyToRun build" >&2
  exit 1
fi

started=$SECONDS
if ! publish -p:PublishAot=true -o "$out" > "$logs/publish-aot.log" 2>&1; then
  tail -n 30 "$logs/publish-aot.log" >&2
  echo "publish-cli: NativeAOT failed ($logs/publish-aot.log)" >&2
  exit 2
fi
rm -f "$out"/*.pdb "$out"/*.dbg
stamp_with "NativeAOT, with the ReadyToRun build in full/"
echo "publish-cli: $out/pmg (NativeAOT) in $((SECONDS - started)) s"

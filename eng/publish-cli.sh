#!/usr/bin/env bash
# Publishes `pmg` into artifacts/pmg (run.sh calls it; it can be run alone):
#   artifacts/pmg/full/pmg  ReadyToRun, framework-dependent: every command (what the storage commands run in);
#   artifacts/pmg/pmg       NativeAOT: validate, report and template start in milliseconds; upload, status, recalc,
#                           retry, contacts, access and report get are handed, arguments untouched, to full/pmg.
# Only when a source changed since the last publish (NativeAOT takes minutes on a small machine); --force always.
# If NativeAOT cannot be built here (no C toolchain), artifacts/pmg/pmg is a link to full/pmg and the exit status is 1.
#
#   eng/publish-cli.sh [--force]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

out=artifacts/pmg
stamp=$out/.published
logs=${PMG_PUBLISH_LOGS:-artifacts/logs}
mkdir -p "$logs"

if [[ "${1:-}" != "--force" && -f "$stamp" && -x "$out/pmg" && -x "$out/full/pmg" ]] &&
   [[ -z "$(find src Directory.Build.props Directory.Packages.props -newer "$stamp" \( -name '*.cs' -o -name '*.csproj' -o -name '*.props' \) -print -quit)" ]]; then
  echo "publish-cli: artifacts/pmg is up to date"
  exit 0
fi

publish() {
  # -nodeReuse:false: no MSBuild worker stays behind. < /dev/null 9>&-: nothing of the caller's terminal or locks.
  dotnet publish src/Pmg.Cli -c Release -r linux-x64 -nologo -v q -nodeReuse:false -clp:ErrorsOnly "$@" < /dev/null 9>&-
}

rm -rf "$out"
started=$SECONDS
publish -o "$out/full" > "$logs/publish-full.log" 2>&1 || { tail -n 30 "$logs/publish-full.log" >&2; exit 2; }
echo "publish-cli: $out/full/pmg (ReadyToRun) in $((SECONDS - started)) s"

started=$SECONDS
if publish -p:PublishAot=true -o "$out" > "$logs/publish-aot.log" 2>&1; then
  rm -f "$out"/*.pdb "$out"/*.dbg
  touch "$stamp"
  echo "publish-cli: $out/pmg (NativeAOT) in $((SECONDS - started)) s"
else
  tail -n 30 "$logs/publish-aot.log" >&2
  ln -sf full/pmg "$out/pmg"
  echo "publish-cli: NativeAOT failed ($logs/publish-aot.log); $out/pmg runs the ReadyToRun build" >&2
  exit 1
fi

#!/usr/bin/env bash
# Smoke test of ./run.sh: twice with --once (first from empty storage with --reset, then with the data kept), and each
# time checks what a newcomer must see: every upload processed, the national line III.1 NO CUMPLE and III.2 NO CUMPLE
# over the three sample regions, e-mails written, and nothing left running afterwards.
#
#   eng/run/smoke-test.sh [--no-build]      exit 0 when both runs pass
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"

failures=0
check() { # check <description> <command…>
  local description=$1
  shift
  if "$@"; then
    echo "  ok   $description"
  else
    echo "  FAIL $description"
    failures=$((failures + 1))
  fi
}

# Processes recorded in .data/run that are still alive (there must be none after run.sh returns).
leftovers() {
  local file pid
  for file in .data/run/localhost.pid .data/run/azurite/pid .data/run/follow.pid; do
    if [[ -f "$file" ]] && pid=$(cat "$file") && kill -0 "$pid" 2>/dev/null; then
      echo "$file: $pid"
    fi
  done
}

run_once() { # run_once <label> <run.sh options…>
  local label=$1 log=".data/smoke-$1.log" status=0
  shift
  mkdir -p .data
  echo "run.sh --once $* (log: $log)"
  ./run.sh --once "$@" > "$log" 2>&1 || status=$?
  check "$label: exit status 0 (was $status)" test "$status" -eq 0
  check "$label: the seed is processed first (its programmes INVALIDO: weights do not add up to 100)" grep -q 'vigente en Tarapacá (CL-TA): III.1 — INVALIDO, III.2 — INVALIDO' "$log"
  check "$label: Tarapacá's current form is the year-end one" grep -q 'vigente en Tarapacá (CL-TA): III.1 96,00 % CUMPLE, III.2 100,00 % CUMPLE' "$log"
  check "$label: Valparaíso scores 88,00 % / 88,88 %" grep -q 'vigente en Valparaíso (CL-VS): III.1 88,00 % NO CUMPLE, III.2 88,88 % NO CUMPLE' "$log"
  check "$label: Biobío scores 72,00 % / 77,77 %" grep -q 'vigente en Biobío (CL-BI): III.1 72,00 % NO CUMPLE, III.2 77,77 % NO CUMPLE' "$log"
  check "$label: national line III.1 and III.2 NO CUMPLE" \
    grep -q 'Resultado nacional SERNAM 2009: III.1 NO CUMPLE (1 de 3 regiones cumplen); III.2 NO CUMPLE (1 de 3 regiones cumplen)' "$log"
  check "$label: the seed's INVALIDO explained (weights of a mid-year form)" grep -q 'III.1 INVALIDO: las ponderaciones suman 7,35; deben sumar 100.' "$log"
  check "$label: e-mails written by this run" grep -qE '[1-9][0-9]* escrito\(s\) en esta ejecución' "$log"
  check "$label: nothing left running" test -z "$(leftovers)"
}

build=()
[[ "${1:-}" == "--no-build" ]] && build=(--no-build)
run_once fresh --reset "${build[@]}"
run_once kept --no-build
if ((failures > 0)); then
  echo "smoke test: $failures check(s) failed"
  exit 1
fi
echo "smoke test: all checks passed"

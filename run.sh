#!/usr/bin/env bash
# One command runs the whole pipeline locally: builds, starts Azurite (data kept in .data/azurite) and the local host,
# loads the sample address book, uploads the sample forms, waits for the pipeline, recalculates, and shows the regional
# and national results and the e-mails written to .data/mail. Then it keeps running for your own uploads until Ctrl+C,
# which stops everything it started.
#
#   ./run.sh [--once] [--reset] [--no-build] [--timeout SECONDS]
#
# Needs the .NET SDK (global.json) and Node.js with npm (Azurite). See eng/run/README.md.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$root"

once=false
reset=false
build=true
timeout=120
usage() {
  cat <<'EOF'
Usage: ./run.sh [--once] [--reset] [--no-build] [--timeout SECONDS]

Runs the PMG pipeline locally (Azurite + local host), loads the sample address book and forms, and shows the
regional and national results and the e-mails written. Then keeps running for your own uploads until Ctrl+C.

  --once            run the demonstration and exit (0 when every form was processed); for scripts
  --reset           delete .data (Azurite data, e-mails, logs) first
  --no-build        use the existing Release build
  --timeout SECONDS how long to wait for the pipeline to process the uploads (default 120)
  -h, --help        this help
EOF
}
while [[ $# -gt 0 ]]; do
  case "$1" in
    --once) once=true ;;
    --reset) reset=true ;;
    --no-build) build=false ;;
    --timeout)
      [[ "${2:-}" =~ ^[0-9]+$ ]] || { echo "run.sh: --timeout needs a number of seconds" >&2; exit 2; }
      timeout=$2
      shift
      ;;
    -h | --help) usage; exit 0 ;;
    *) echo "run.sh: unknown option '$1'" >&2; usage >&2; exit 2 ;;
  esac
  shift
done

# shellcheck source=eng/run/demo.env
source eng/run/demo.env

data="$root/.data"
run_dir="$data/run"
azurite_state="$run_dir/azurite"
azurite_data="$data/azurite"
logs="$data/logs"
mail="$data/mail"
host_pid_file="$run_dir/localhost.pid"
follow_pid_file="$run_dir/follow.pid"
forms="$root/samples/forms"
contacts="$root/samples/contacts/sernam-contactos.csv"
cli_dll="$root/src/Pmg.Cli/bin/Release/net10.0/pmg.dll"
host_dll="$root/src/Pmg.LocalHost/bin/Release/net10.0/Pmg.LocalHost.dll"

# ---------------------------------------------------------------------------------------------------------------- output
if [[ -t 1 ]]; then
  bold=$'\e[1m' dim=$'\e[2m' red=$'\e[31m' green=$'\e[32m' yellow=$'\e[33m' reset_color=$'\e[0m' interactive=true
else
  bold='' dim='' red='' green='' yellow='' reset_color='' interactive=false
fi
step_number=0
step() {
  step_number=$((step_number + 1))
  printf '\n%s[%d] %s%s\n' "$bold" "$step_number" "$1" "$reset_color"
}
info() { printf '    %s\n' "$*"; }
warn() { printf '    %s%s%s\n' "$yellow" "$*" "$reset_color"; }
fail() {
  printf '\n%srun.sh: %s%s\n' "$red" "$*" "$reset_color" >&2
  exit 1
}

spinner_frames='|/-\'
# progress <text>: one line rewritten in place on a terminal; printed every 10 s otherwise (logs stay short).
progress_tick=0
progress() {
  progress_tick=$((progress_tick + 1))
  if $interactive; then
    printf '\r    %s %s\e[K' "${spinner_frames:progress_tick%4:1}" "$1"
  elif ((progress_tick % 10 == 1)); then
    printf '    … %s\n' "$1"
  fi
}
progress_done() {
  if $interactive; then printf '\r\e[K'; fi
  [[ $# -eq 0 ]] || info "$1"
}

# ------------------------------------------------------------------------------------------------ processes we started
# Every background process is started with setsid, so it leads its own process group; stopping kills the group (the
# process and anything it spawned), waits, then kills -9 what is left. Only ids this script recorded are touched.
stop_group() {
  local pid=$1
  [[ -n "$pid" ]] || return 0
  kill -- "-$pid" 2>/dev/null || kill "$pid" 2>/dev/null || return 0
  for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.1; done
  kill -9 -- "-$pid" 2>/dev/null || kill -9 "$pid" 2>/dev/null || true
}

# is_ours <pid-file> <word>: the recorded process is alive and its command line contains <word> (not a reused id).
is_ours() {
  local pid
  [[ -f "$1" ]] && pid=$(cat "$1") && [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null \
    && tr '\0' ' ' < "/proc/$pid/cmdline" 2>/dev/null | grep -q -- "$2"
}

stop_all() {
  local pid
  if [[ -f "$follow_pid_file" ]]; then stop_group "$(cat "$follow_pid_file")"; rm -f "$follow_pid_file"; fi
  if is_ours "$host_pid_file" Pmg.LocalHost; then
    pid=$(cat "$host_pid_file")
    stop_group "$pid"
    info "stopped the local host (pid $pid)"
  fi
  rm -f "$host_pid_file"
  if is_ours "$azurite_state/pid" azurite; then
    pid=$(cat "$azurite_state/pid")
    eng/azurite.sh stop "$azurite_state"
    info "stopped Azurite (pid $pid)"
  fi
  rm -f "$azurite_state/pid"
}

cleaned=false
cleanup() {
  local status=$?
  $cleaned && return
  cleaned=true
  $interactive && printf '\r\e[K'
  printf '\n%sStopping what run.sh started…%s\n' "$bold" "$reset_color"
  stop_all
  info "data kept in .data/ (./run.sh --reset starts from scratch)"
  exit "$status"
}

# ------------------------------------------------------------------------------------------------------------- helpers
pmg() {
  dotnet "$cli_dll" "$@"
}

status_json() {
  pmg status --service "$demo_service" --year "$demo_year" --json 2>/dev/null || true
}

# wait_ingested <since-iso> <blob>...: until every blob uploaded since <since-iso> shows in `pmg status` as a region's
# current form or as refused/failed; bounded by --timeout. Returns 1 on timeout.
wait_ingested() {
  local since=$1
  shift
  local total=$# started=$SECONDS pending
  while :; do
    pending=$(status_json | node eng/run/demo.js pending "$since" "$@")
    local waiting
    waiting=$(wc -w <<< "$pending")
    if [[ -z "$pending" ]]; then
      progress_done "processed: $total of $total ($((SECONDS - started)) s)"
      return 0
    fi
    if ! is_ours "$host_pid_file" Pmg.LocalHost; then
      progress_done
      tail -n 30 "$logs/localhost.log" >&2 || true
      fail "the local host stopped (log above; full log: .data/logs/localhost.log)."
    fi
    # The polling blob trigger can skip a blob written in the same second as another: never wait on one it missed.
    # `pmg recalc` runs the reconciliation sweep first, which ingests it through the same path.
    local missed
    missed=$(status_json | node eng/run/demo.js missed 10 $pending)
    if [[ -n "$missed" ]]; then
      progress_done "the trigger missed $missed; the reconciliation sweep (pmg recalc) ingests it"
      pmg recalc --service "$demo_service" --year "$demo_year" > "$logs/recalc-sweep.log" 2>&1 9>&- || true
      continue
    fi
    if ((SECONDS - started >= timeout)); then
      progress_done
      warn "not processed within $timeout s: $pending"
      warn "see .data/logs/localhost.log; a larger --timeout may help on a slow machine."
      return 1
    fi
    progress "waiting for the pipeline: $((total - waiting)) of $total processed ($((SECONDS - started)) s of at most $timeout s)"
    sleep 2
  done
}

# wait_mail_settled: until the number of .eml files has not changed for 6 s (the queues are polled every second),
# at most 60 s.
wait_mail_settled() {
  local started=$SECONDS last=-1 stable_since=$SECONDS count
  while ((SECONDS - started < 60)); do
    count=$(find "$mail" -maxdepth 1 -name '*.eml' 2>/dev/null | wc -l)
    if ((count != last)); then
      last=$count
      stable_since=$SECONDS
    elif ((SECONDS - stable_since >= 6)); then
      break
    fi
    progress "waiting for the e-mails to be written: $count file(s) in .data/mail ($((SECONDS - started)) s)"
    sleep 1
  done
  progress_done
}

iso_now() {
  # Two seconds of slack: the pipeline records the blob's Last-Modified, which Azurite gives to the second.
  date -u -d '-2 seconds' +%Y-%m-%dT%H:%M:%SZ
}

# has_command <name>: whether this build of pmg lists the command (other commands are still being added).
pmg_help=""
has_command() {
  [[ -n "$pmg_help" ]] || pmg_help=$(pmg --help 2>/dev/null || true)
  grep -qE "^[[:space:]]+$1([[:space:]]|$)" <<< "$pmg_help"
}

# ------------------------------------------------------------------------------------------------------ 1. prerequisites
step "Checking prerequisites"
if ! command -v dotnet > /dev/null; then
  fail "the .NET SDK is not installed (dotnet not found). Install the SDK named in global.json: https://dot.net/download"
fi
sdk_wanted=$(sed -n 's/.*"version" *: *"\([0-9]*\)\..*/\1/p' global.json | head -n 1)
if [[ -n "$sdk_wanted" ]] && ! dotnet --list-sdks 2>/dev/null | grep -q "^$sdk_wanted\."; then
  fail "the .NET SDK $sdk_wanted is not installed (found: $(dotnet --list-sdks 2>/dev/null | cut -d' ' -f1 | tr '\n' ' ')). See global.json."
fi
if ! command -v node > /dev/null; then
  fail "Node.js is not installed (node not found); Azurite, the storage emulator, runs on it. On Debian: sudo apt-get install nodejs npm (Node 20 or later)."
fi
node_major=$(node -p 'process.versions.node.split(".")[0]')
if ((node_major < 20)); then
  fail "Node.js $(node --version) is too old for Azurite; install Node 20 or later."
fi
if [[ ! -x eng/azurite/node_modules/.bin/azurite ]] && ! command -v npm > /dev/null; then
  fail "npm is not installed, and Azurite must be installed once with it. On Debian: sudo apt-get install npm."
fi
command -v setsid > /dev/null || fail "setsid not found (package util-linux); it keeps the background processes stoppable."
info "dotnet $(dotnet --version), node $(node --version)"

mkdir -p "$run_dir"
# One run.sh at a time per clone. The lock descriptor is closed for every child (9>&-) so a leftover process never
# holds it.
if command -v flock > /dev/null; then
  exec 9> "$run_dir/lock"
  if ! flock -n 9; then
    fail "another ./run.sh is already running in this folder (pid $(cat "$run_dir/owner" 2>/dev/null || echo '?')). Stop it with Ctrl+C first."
  fi
fi
echo $$ > "$run_dir/owner"
run_started_iso=$(date -u +%Y-%m-%dT%H:%M:%SZ)

# Processes left by a run that was killed without its clean-up (kill -9, closed terminal).
if is_ours "$host_pid_file" Pmg.LocalHost || is_ours "$azurite_state/pid" azurite; then
  warn "stopping processes left by an earlier run:"
  stop_all
fi

trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
trap 'exit 129' HUP

if $reset; then
  rm -rf "$azurite_data" "$mail" "$logs" "$azurite_state"
  info "--reset: deleted .data/azurite, .data/mail and .data/logs"
fi
mkdir -p "$azurite_data" "$mail" "$logs"

# ------------------------------------------------------------------------------------------------------------ 2. install
step "Installing Azurite (pinned in eng/azurite/package-lock.json)"
if ! eng/azurite.sh install > "$logs/npm.log" 2>&1 9>&-; then
  cat "$logs/npm.log" >&2
  fail "npm could not install Azurite (log above, also in .data/logs/npm.log). Is the npm registry reachable?"
fi
info "eng/azurite/node_modules/.bin/azurite $(eng/azurite/node_modules/.bin/azurite --version 2>/dev/null || echo '')"

# -------------------------------------------------------------------------------------------------------------- 3. build
step "Building the command line and the local host (Release)"
if $build; then
  build_once() {
    # -nodeReuse:false: no MSBuild worker stays behind after the build.
    setsid dotnet build eng/run/demo.slnf -c Release -nologo -v q -nodeReuse:false -clp:ErrorsOnly > "$logs/build.log" 2>&1 < /dev/null 9>&- &
    local pid=$! started=$SECONDS
    echo "$pid" > "$run_dir/build.pid"
    while kill -0 "$pid" 2>/dev/null; do
      progress "dotnet build eng/run/demo.slnf -c Release ($((SECONDS - started)) s; log: .data/logs/build.log)"
      sleep 0.5
    done
    local status=0
    wait "$pid" || status=$?
    rm -f "$run_dir/build.pid"
    progress_done
    return "$status"
  }
  started=$SECONDS
  if ! build_once; then
    # Another build in the same tree (an IDE, a test run) can hold a file in obj/ for a moment: one retry.
    if grep -qiE 'being used by another process|cannot access the file' "$logs/build.log"; then
      warn "a file was locked by another build; retrying once"
      build_once || { tail -n 40 "$logs/build.log" >&2; fail "the build failed (log above, full log .data/logs/build.log)."; }
    else
      tail -n 40 "$logs/build.log" >&2
      fail "the build failed (log above, full log .data/logs/build.log)."
    fi
  fi
  info "built in $((SECONDS - started)) s"
else
  info "--no-build: using the existing build"
fi
[[ -f "$cli_dll" && -f "$host_dll" ]] || fail "the Release build is missing ($cli_dll, $host_dll); run without --no-build."

# ------------------------------------------------------------------------------------------------------------ 4. Azurite
step "Starting Azurite with its data in .data/azurite"
azurite_err="$logs/azurite-start.log"
ports_note=""
if connection=$(eng/azurite.sh start "$azurite_state" --location "$azurite_data" --ports "10000 10001 10002" 2> "$azurite_err" 9>&-); then
  ports_note="Azurite's default ports 10000-10002"
else
  code=$?
  if ((code == 3)); then
    # The default ports are taken (often another Azurite): free ports instead; eng/run/pmg reads the connection file.
    warn "$(tail -n 1 "$azurite_err" | sed 's/^azurite.sh: //')"
    warn "using free ports instead (who holds it: ss -ltnp | grep ':1000[0-2]')"
    connection=$(eng/azurite.sh start "$azurite_state" --location "$azurite_data" 2> "$azurite_err" 9>&-) \
      || { cat "$azurite_err" >&2; fail "Azurite did not start (log above)."; }
    ports_note="free ports, not Azurite's defaults: use eng/run/pmg, or the connection string in .data/run/azurite/connection"
  else
    cat "$azurite_err" >&2
    fail "Azurite did not start (log above; Azurite's own log: .data/run/azurite/azurite.log)."
  fi
fi
export PmgStorage="$connection"
export AzureWebJobsStorage="$connection"
blob_port=$(sed -n 's/.*BlobEndpoint=http:\/\/127.0.0.1:\([0-9]*\).*/\1/p' <<< "$connection")
info "Azurite pid $(cat "$azurite_state/pid"), blob endpoint http://127.0.0.1:$blob_port ($ports_note)"

# --------------------------------------------------------------------------------------------------------- 5. local host
step "Starting the local host (src/Pmg.LocalHost) in the background"
# The portal's port: PMG_PORTAL_PORT, else 5080 when free, else any free port (the host logs the one it took).
portal_port=${PMG_PORTAL_PORT:-5080}
if [[ -z "${PMG_PORTAL_PORT:-}" ]] && ss -ltn 2>/dev/null | awk '{print $4}' | grep -q ":$portal_port\$"; then
  portal_port=0
fi
: > "$logs/localhost.log"
(
  export Notifications__PickupDirectory="$mail"
  export SendGrid__ApiKey=""
  # Short polling for the demo: queues every second; the blob trigger scans the forms container every 10 s.
  export AzureWebJobs__Extensions__queues__maxPollingInterval="00:00:01"
  # A host killed without its clean-up keeps the blob listener's lock in storage for a while; retry it every 15 s
  # (the shortest the SDK allows) instead of every minute.
  export AzureWebJobs__Singleton__ListenerLockRecoveryPollingInterval="00:00:15"
  export Pmg__RecalculationSchedule="${PMG_DEMO_RECALCULATION_SCHEDULE:-0 */5 * * * *}"
  export DOTNET_ENVIRONMENT=Development
  # The portal, in local mode (no sign-in: pick a role on /local, with a visible "modo local" banner).
  export Pmg__Portal__LocalMode=true
  export LocalHost__PortalPort="$portal_port"
  export Logging__Console__FormatterName=simple
  export Logging__Console__FormatterOptions__SingleLine=true
  export Logging__Console__FormatterOptions__TimestampFormat="HH:mm:ss "
  export Logging__Console__FormatterOptions__ColorBehavior=Disabled
  cd "$root"
  # (Azure.Core: the SDK's warnings about not-yet-created poison queues, once a second, would drown the log.)
  exec env 'Logging__LogLevel__Azure.Core=Error' setsid dotnet "$host_dll" >> "$logs/localhost.log" 2>&1 < /dev/null 9>&-
) &
echo $! > "$host_pid_file"
started=$SECONDS
until grep -q 'Portal listening on' "$logs/localhost.log"; do
  if ! kill -0 "$(cat "$host_pid_file")" 2>/dev/null; then
    progress_done
    tail -n 30 "$logs/localhost.log" >&2
    fail "the local host stopped during start-up (log above; full log .data/logs/localhost.log)."
  fi
  if ((SECONDS - started > 90)); then
    progress_done
    tail -n 30 "$logs/localhost.log" >&2
    fail "the local host did not start within 90 s (log above)."
  fi
  progress "waiting for the job host ($((SECONDS - started)) s)"
  sleep 0.5
done
progress_done "local host pid $(cat "$host_pid_file"), log .data/logs/localhost.log, e-mails to .data/mail"
portal_url=$(sed -n 's/.*Portal listening on \(http[^ ]*\).*/\1/p' "$logs/localhost.log" | tail -n 1)
info "portal (modo local): ${portal_url:-not started, see .data/logs/localhost.log}"

# -------------------------------------------------------------------------------------------------------- 6. contacts
step "Loading the sample address book (samples/contacts/sernam-contactos.csv)"
skipped=()
if has_command contacts; then
  pmg contacts import "$contacts" 9>&- || fail "pmg contacts import failed (output above)."
else
  warn "skipped: this build of pmg has no 'contacts' command yet, so alerts have no unit addresses."
  skipped+=("pmg contacts import")
fi

# -------------------------------------------------------------------------------------------------------- 7. uploads
step "Uploading the sample forms"
info "Order matters: a region's current form is its most recent upload. The seed (tarapaca-2009-etapa3.docx, an"
info "Etapa 3 form of Tarapacá) goes first and is processed, then the year-end forms; so cierre-2009-CL-TA.docx"
info "becomes Tarapacá's current form and the seed stays in the history. Uploading the same files again (a second"
info "run) adds new versions, processed the same way, and the result does not change."
ingest_failed=false
upload() { # upload <file> <region> <uploader>
  pmg upload "${forms#"$root/"}/$1" --service "$demo_service" --year "$demo_year" --region "$2" --uploader "$3" 9>&- \
    || fail "pmg upload $1 failed (output above)."
}
blob() { echo "$demo_service/$demo_year/$2/$1"; }

since=$(iso_now)
printf '\n'
upload tarapaca-2009-etapa3.docx CL-TA direccion.tarapaca@example.org
wait_ingested "$since" "$(blob tarapaca-2009-etapa3.docx CL-TA)" || ingest_failed=true
status_json | node eng/run/demo.js outcome "$since" "$(blob tarapaca-2009-etapa3.docx CL-TA)"

since=$(iso_now)
year_end=(cierre-2009-CL-TA.docx:CL-TA:direccion.tarapaca@example.org
  cierre-2009-CL-VS.xlsx:CL-VS:direccion.valparaiso@example.org
  cierre-2009-CL-BI.docx:CL-BI:direccion.biobio@example.org)
blobs=()
printf '\n'
for entry in "${year_end[@]}"; do
  IFS=: read -r file region uploader <<< "$entry"
  upload "$file" "$region" "$uploader"
  blobs+=("$(blob "$file" "$region")")
done
wait_ingested "$since" "${blobs[@]}" || ingest_failed=true
status_json | node eng/run/demo.js outcome "$since" "${blobs[@]}"

# -------------------------------------------------------------------------------------------------------- 8. recalc
step "Recalculating regional and national compliance (pmg recalc --service $demo_service --year $demo_year)"
if has_command recalc; then
  pmg recalc --service "$demo_service" --year "$demo_year" 9>&- || fail "pmg recalc failed (output above)."
else
  warn "skipped: this build of pmg has no 'recalc' command yet; the host's timer recalculates every 5 minutes."
  skipped+=("pmg recalc")
fi

# -------------------------------------------------------------------------------------------------------- 9. results
step "Regional and national table (pmg status --service $demo_service --year $demo_year)"
pmg status --service "$demo_service" --year "$demo_year" 9>&- || warn "pmg status failed (output above)."
printf '\n    %s%s%s\n' "$bold" "$(status_json | node eng/run/demo.js national "$demo_service" "$demo_year" || true)" "$reset_color"
info "(expected regions: $Pmg__ExpectedRegions; with all 16 regions expected the national line would be PENDIENTE)"

step "E-mails written to .data/mail (no SendGrid key: the pickup folder stands in for sending)"
wait_mail_settled
node eng/run/demo.js mail "$mail" "$run_started_iso"

step "Consolidated workbook written by the recalculation (pmg report get --service $demo_service --year $demo_year)"
workbook="$data/reports/$demo_service-$demo_year-consolidado.xlsx"
mkdir -p "$data/reports"
if pmg report get --service "$demo_service" --year "$demo_year" -o "$workbook" 9>&-; then
  info "workbook: ${workbook#"$root/"}"
else
  warn "the consolidated workbook could not be downloaded (output above)."
fi

if ((${#skipped[@]} > 0)); then
  printf '\n'
  warn "skipped because the command is not in this build yet: ${skipped[*]}"
fi

if $once; then
  if $ingest_failed; then
    fail "some uploads were not processed in time (see above)."
  fi
  printf '\n%sDone.%s\n' "$green" "$reset_color"
  exit 0
fi

# --------------------------------------------------------------------------------------------------------- 10. keep going
step "The pipeline keeps running for your own uploads. Ctrl+C stops everything."
cat <<EOF
    ${bold}Portal: ${portal_url:-(see .data/logs/localhost.log)}${reset_color}  (modo local: choose "Oficina regional" or
    "Coordinación nacional" on the first page; regional offices upload and follow their forms there)
    Upload a form (it is processed within ~10 s; a receipt e-mail goes to --uploader):
      eng/run/pmg upload FILE.docx --service $demo_service --year $demo_year --region CL-VS --uploader you@example.org
    See where it stands, and recalculate now instead of at the next 5-minute tick:
      eng/run/pmg status --service $demo_service --year $demo_year
      eng/run/pmg recalc --service $demo_service --year $demo_year
    Download the newest consolidated workbook (the recalculation writes one each run):
      eng/run/pmg report get --service $demo_service --year $demo_year -o informe.xlsx
    eng/run/pmg is the built pmg with PmgStorage set to this Azurite (${ports_note%%:*}).
    Logs: .data/logs/localhost.log   E-mails: .data/mail   Data: .data/azurite

    ${dim}Pipeline activity:${reset_color}
EOF
# Follow the host's log: the pipeline's own lines (form accepted/refused/failed, recalculation, e-mail sent) and any
# warning or error.
setsid bash -c 'tail -n 0 -F "$1" 2>/dev/null | grep --line-buffered -E " (warn|fail|crit): |Pmg\.Pipeline\."' _ "$logs/localhost.log" 9>&- &
echo $! > "$follow_pid_file"
while :; do
  if ! is_ours "$host_pid_file" Pmg.LocalHost; then
    fail "the local host stopped (see .data/logs/localhost.log)."
  fi
  if ! is_ours "$azurite_state/pid" azurite; then
    fail "Azurite stopped (see .data/run/azurite/azurite.log)."
  fi
  sleep 2 &
  wait $! || true
done

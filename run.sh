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
cli_bin="$root/artifacts/pmg/pmg"
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
  # A build or publish still running (Ctrl+C during step 3): setsid put it in its own group, so stop that group.
  if [[ -f "$run_dir/build.pid" ]]; then stop_group "$(cat "$run_dir/build.pid")"; rm -f "$run_dir/build.pid"; fi
  if [[ -f "$follow_pid_file" ]]; then stop_group "$(cat "$follow_pid_file")"; rm -f "$follow_pid_file"; fi
  if is_ours "$host_pid_file" Pmg.LocalHost; then
    pid=$(cat "$host_pid_file")
    stop_group "$pid"
    info "se detuvo el host local (pid $pid)"
  fi
  rm -f "$host_pid_file"
  if is_ours "$azurite_state/pid" azurite; then
    pid=$(cat "$azurite_state/pid")
    eng/azurite.sh stop "$azurite_state"
    info "se detuvo Azurite (pid $pid)"
  fi
  rm -f "$azurite_state/pid"
}

cleaned=false
cleanup() {
  local status=$?
  $cleaned && return
  cleaned=true
  $interactive && printf '\r\e[K'
  printf '\n%sDeteniendo lo que run.sh inició…%s\n' "$bold" "$reset_color"
  stop_all
  info "los datos quedan en .data/ (./run.sh --reset parte de cero)"
  exit "$status"
}

# ------------------------------------------------------------------------------------------------------------- helpers
# The published pmg (NativeAOT, starts in milliseconds) when step 3 published it; else the build.
pmg() {
  if [[ -x "$cli_bin" ]]; then "$cli_bin" "$@"; else dotnet "$cli_dll" "$@"; fi
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
      progress_done "procesados: $total de $total ($((SECONDS - started)) s)"
      return 0
    fi
    if ! is_ours "$host_pid_file" Pmg.LocalHost; then
      progress_done
      tail -n 30 "$logs/localhost.log" >&2 || true
      fail "el host local se detuvo (registro arriba; completo en .data/logs/localhost.log)."
    fi
    # The polling blob trigger can skip a blob written in the same second as another: never wait on one it missed.
    # `pmg recalc` runs the reconciliation sweep first, which ingests it through the same path.
    local missed
    missed=$(status_json | node eng/run/demo.js missed 10 $pending)
    if [[ -n "$missed" ]]; then
      progress_done "el disparador no vio $missed; el barrido de conciliación (pmg recalc) lo procesa"
      pmg recalc --service "$demo_service" --year "$demo_year" > "$logs/recalc-sweep.log" 2>&1 9>&- || true
      continue
    fi
    if ((SECONDS - started >= timeout)); then
      progress_done
      warn "sin procesar después de $timeout s: $pending"
      warn "vea .data/logs/localhost.log; en un equipo lento puede ayudar un --timeout mayor."
      return 1
    fi
    progress "esperando el proceso: $((total - waiting)) de $total procesados ($((SECONDS - started)) s de a lo más $timeout s)"
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
    progress "esperando que se escriban los correos: $count archivo(s) en .data/mail ($((SECONDS - started)) s)"
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
step "Revisando los requisitos"
if ! command -v dotnet > /dev/null; then
  fail "el SDK de .NET no está instalado (no se encontró dotnet). Instale el SDK que indica global.json: https://dot.net/download"
fi
sdk_wanted=$(sed -n 's/.*"version" *: *"\([0-9]*\)\..*/\1/p' global.json | head -n 1)
if [[ -n "$sdk_wanted" ]] && ! dotnet --list-sdks 2>/dev/null | grep -q "^$sdk_wanted\."; then
  fail "el SDK de .NET $sdk_wanted no está instalado (hay: $(dotnet --list-sdks 2>/dev/null | cut -d' ' -f1 | tr '\n' ' ')). Vea global.json."
fi
if ! command -v node > /dev/null; then
  fail "Node.js no está instalado (no se encontró node); Azurite, el emulador de almacenamiento, lo necesita. En Debian: sudo apt-get install nodejs npm (Node 20 o posterior)."
fi
node_major=$(node -p 'process.versions.node.split(".")[0]')
if ((node_major < 20)); then
  fail "Node.js $(node --version) es muy antiguo para Azurite; instale Node 20 o posterior."
fi
if [[ ! -x eng/azurite/node_modules/.bin/azurite ]] && ! command -v npm > /dev/null; then
  fail "npm no está instalado y Azurite se instala una vez con él. En Debian: sudo apt-get install npm."
fi
command -v setsid > /dev/null || fail "no se encontró setsid (paquete util-linux); permite detener los procesos en segundo plano."
info "dotnet $(dotnet --version), node $(node --version)"

mkdir -p "$run_dir"
# One run.sh at a time per clone. The lock descriptor is closed for every child (9>&-) so a leftover process never
# holds it.
if command -v flock > /dev/null; then
  exec 9> "$run_dir/lock"
  if ! flock -n 9; then
    fail "ya hay otro ./run.sh en marcha en esta carpeta (pid $(cat "$run_dir/owner" 2>/dev/null || echo '?')). Deténgalo antes con Ctrl+C."
  fi
fi
echo $$ > "$run_dir/owner"
run_started_iso=$(date -u +%Y-%m-%dT%H:%M:%SZ)

# Processes left by a run that was killed without its clean-up (kill -9, closed terminal).
if is_ours "$host_pid_file" Pmg.LocalHost || is_ours "$azurite_state/pid" azurite; then
  warn "deteniendo procesos que dejó una ejecución anterior:"
  stop_all
fi

trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
trap 'exit 129' HUP

if $reset; then
  rm -rf "$azurite_data" "$mail" "$logs" "$azurite_state"
  info "--reset: se borraron .data/azurite, .data/mail y .data/logs"
fi
mkdir -p "$azurite_data" "$mail" "$logs"

# ------------------------------------------------------------------------------------------------------------ 2. install
step "Instalando Azurite (versión fijada en eng/azurite/package-lock.json)"
if ! eng/azurite.sh install > "$logs/npm.log" 2>&1 9>&-; then
  cat "$logs/npm.log" >&2
  fail "npm no pudo instalar Azurite (registro arriba y en .data/logs/npm.log). ¿Se alcanza el registro de npm?"
fi
info "eng/azurite/node_modules/.bin/azurite $(eng/azurite/node_modules/.bin/azurite --version 2>/dev/null || echo '')"

# -------------------------------------------------------------------------------------------------------------- 3. build
step "Compilando la línea de comandos y el host local (Release)"
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
      warn "otra compilación tenía un archivo tomado; se reintenta una vez"
      build_once || { tail -n 40 "$logs/build.log" >&2; fail "la compilación falló (registro arriba; completo en .data/logs/build.log)."; }
    else
      tail -n 40 "$logs/build.log" >&2
      fail "la compilación falló (registro arriba; completo en .data/logs/build.log)."
    fi
  fi
  info "compilado en $((SECONDS - started)) s"
  # pmg published (eng/publish-cli.sh): NativeAOT for the form commands, the ReadyToRun build beside it for the rest;
  # what eng/run/pmg and the tests' PMG_CLI_PATH run. Only when a source changed: NativeAOT takes minutes here.
  started=$SECONDS
  PMG_PUBLISH_LOGS="$logs" setsid eng/publish-cli.sh > "$logs/publish.log" 2>&1 < /dev/null 9>&- &
  publish_pid=$!
  echo "$publish_pid" > "$run_dir/build.pid"
  while kill -0 "$publish_pid" 2>/dev/null; do
    progress "publicando pmg: NativeAOT y ReadyToRun ($((SECONDS - started)) s; registro: .data/logs/publish.log)"
    sleep 0.5
  done
  publish_status=0
  wait "$publish_pid" || publish_status=$?
  rm -f "$run_dir/build.pid"
  progress_done
  case $publish_status in
    0) if grep -q "up to date" "$logs/publish.log"; then info "pmg publicado: sin cambios desde la última vez"; else info "pmg publicado en artifacts/pmg/pmg (NativeAOT) en $((SECONDS - started)) s"; fi ;;
    1) warn "pmg se publicó sin NativeAOT (no hay compilador de C: clang o gcc): artifacts/pmg/pmg es la versión ReadyToRun" ;;
    *) warn "no se pudo publicar pmg (.data/logs/publish*.log); se usa la compilación" ;;
  esac
else
  info "--no-build: se usa la compilación existente"
fi
[[ -f "$cli_dll" && -f "$host_dll" ]] || fail "falta la compilación Release ($cli_dll, $host_dll); ejecute sin --no-build."

# ------------------------------------------------------------------------------------------------------------ 4. Azurite
step "Iniciando Azurite con sus datos en .data/azurite"
azurite_err="$logs/azurite-start.log"
ports_note=""
if connection=$(eng/azurite.sh start "$azurite_state" --location "$azurite_data" --ports "10000 10001 10002" 2> "$azurite_err" 9>&-); then
  ports_note="los puertos de siempre de Azurite, 10000-10002"
else
  code=$?
  if ((code == 3)); then
    # The default ports are taken (often another Azurite): free ports instead; eng/run/pmg reads the connection file.
    warn "$(tail -n 1 "$azurite_err" | sed 's/^azurite.sh: //')"
    warn "se usan puertos libres (quién tiene los otros: ss -ltnp | grep ':1000[0-2]')"
    connection=$(eng/azurite.sh start "$azurite_state" --location "$azurite_data" 2> "$azurite_err" 9>&-) \
      || { cat "$azurite_err" >&2; fail "Azurite no se inició (registro arriba)."; }
    ports_note="puertos libres, no los de siempre: use eng/run/pmg o la cadena de conexión de .data/run/azurite/connection"
  else
    cat "$azurite_err" >&2
    fail "Azurite no se inició (registro arriba; el de Azurite: .data/run/azurite/azurite.log)."
  fi
fi
export PmgStorage="$connection"
export AzureWebJobsStorage="$connection"
blob_port=$(sed -n 's/.*BlobEndpoint=http:\/\/127.0.0.1:\([0-9]*\).*/\1/p' <<< "$connection")
info "Azurite pid $(cat "$azurite_state/pid"), blobs en http://127.0.0.1:$blob_port ($ports_note)"

# --------------------------------------------------------------------------------------------------------- 5. local host
step "Iniciando el host local (src/Pmg.LocalHost) en segundo plano"
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
    fail "el host local se detuvo al iniciar (registro arriba; completo en .data/logs/localhost.log)."
  fi
  if ((SECONDS - started > 90)); then
    progress_done
    tail -n 30 "$logs/localhost.log" >&2
    fail "el host local no se inició en 90 s (registro arriba)."
  fi
  progress "esperando el host de trabajos ($((SECONDS - started)) s)"
  sleep 0.5
done
progress_done "host local pid $(cat "$host_pid_file"), registro en .data/logs/localhost.log, correos en .data/mail"
portal_url=$(sed -n 's/.*Portal listening on \(http[^ ]*\).*/\1/p' "$logs/localhost.log" | tail -n 1)
info "portal (modo local): ${portal_url:-no se inició, vea .data/logs/localhost.log}"

# -------------------------------------------------------------------------------------------------------- 6. contacts
step "Cargando la libreta de direcciones de ejemplo (samples/contacts/sernam-contactos.csv)"
skipped=()
if has_command contacts; then
  pmg contacts import "$contacts" 9>&- || fail "pmg contacts import falló (salida arriba)."
else
  warn "omitido: esta versión de pmg aún no tiene el comando 'contacts'; las alertas no tendrán correos de unidades."
  skipped+=("pmg contacts import")
fi

# -------------------------------------------------------------------------------------------------------- 7. uploads
step "Subiendo los formularios de ejemplo"
info "El orden importa: el formulario vigente de una región es el último que subió. Primero va el formulario"
info "semilla (tarapaca-2009-etapa3.docx, Etapa 3 de Tarapacá a mitad de año) y se procesa; luego los de cierre"
info "de año, así cierre-2009-CL-TA.docx queda vigente en Tarapacá y la semilla queda en su historial. Subir los"
info "mismos archivos otra vez (una segunda ejecución) agrega versiones nuevas y el resultado no cambia."
ingest_failed=false
upload() { # upload <file> <region> <uploader>
  pmg upload "${forms#"$root/"}/$1" --service "$demo_service" --year "$demo_year" --region "$2" --uploader "$3" 9>&- \
    || fail "pmg upload $1 falló (salida arriba)."
}
blob() { echo "$demo_service/$demo_year/$2/$1"; }

since=$(iso_now)
printf '\n'
upload tarapaca-2009-etapa3.docx CL-TA direccion.tarapaca@example.org
wait_ingested "$since" "$(blob tarapaca-2009-etapa3.docx CL-TA)" || ingest_failed=true
status_json | node eng/run/demo.js outcome "$since" "$(blob tarapaca-2009-etapa3.docx CL-TA)"
# Why the seed is INVALIDO, in the words of `pmg validate`: a mid-year form whose weights do not yet sum 100.
pmg validate "$forms/tarapaca-2009-etapa3.docx" --json 2>/dev/null | node eng/run/demo.js invalid || true

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
step "Recalculando el cumplimiento regional y nacional (pmg recalc --service $demo_service --year $demo_year)"
if has_command recalc; then
  pmg recalc --service "$demo_service" --year "$demo_year" 9>&- || fail "pmg recalc falló (salida arriba)."
else
  warn "omitido: esta versión de pmg aún no tiene el comando 'recalc'; el temporizador del host recalcula cada 5 minutos."
  skipped+=("pmg recalc")
fi

# -------------------------------------------------------------------------------------------------------- 9. results
step "Tabla regional y nacional (pmg status --service $demo_service --year $demo_year)"
pmg status --service "$demo_service" --year "$demo_year" 9>&- || warn "pmg status falló (salida arriba)."
printf '\n    %s%s%s\n' "$bold" "$(status_json | node eng/run/demo.js national "$demo_service" "$demo_year" || true)" "$reset_color"
info "(regiones esperadas: $Pmg__ExpectedRegions; si se esperaran las 16 regiones, la línea nacional sería PENDIENTE)"

step "Correos escritos en .data/mail (sin clave de SendGrid, la carpeta reemplaza el envío)"
wait_mail_settled
node eng/run/demo.js mail "$mail" "$run_started_iso"

step "Consolidado escrito por el recálculo (pmg report get --service $demo_service --year $demo_year)"
workbook="$data/reports/$demo_service-$demo_year-consolidado.xlsx"
mkdir -p "$data/reports"
if pmg report get --service "$demo_service" --year "$demo_year" -o "$workbook" 9>&-; then
  info "consolidado: ${workbook#"$root/"}"
else
  warn "no se pudo descargar el consolidado (vea la salida anterior)."
fi

if ((${#skipped[@]} > 0)); then
  printf '\n'
  warn "omitido porque el comando aún no está en esta versión: ${skipped[*]}"
fi

if $once; then
  if $ingest_failed; then
    fail "algunas subidas no se procesaron a tiempo (vea arriba)."
  fi
  printf '\n%sListo.%s\n' "$green" "$reset_color"
  printf '    Para tener pmg en el PATH de esta terminal (pmg usa los datos de .data; ./run.sh sin --once deja Azurite en marcha):\n'
  printf '      export PATH="%s/eng/run:$PATH"\n' "$root"
  exit 0
fi

# --------------------------------------------------------------------------------------------------------- 10. keep going
step "El proceso sigue en marcha para sus propias subidas. Ctrl+C detiene todo."
cat <<EOF
    ${bold}Portal: ${portal_url:-(vea .data/logs/localhost.log)}${reset_color}  (modo local: elija "Oficina regional" o
    "Coordinación nacional" en la primera página; ahí las oficinas suben y siguen sus formularios)
    Para tener pmg en el PATH de esta terminal (pmg apunta a este Azurite):
      export PATH="$root/eng/run:\$PATH"
    Subir un formulario (se procesa en ~10 s; el acuse va al correo de --uploader):
      pmg upload ARCHIVO.docx --service $demo_service --year $demo_year --region CL-VS --uploader usted@example.org
    Ver cómo va, y recalcular ahora en vez de esperar el próximo ciclo de 5 minutos:
      pmg status --service $demo_service --year $demo_year
      pmg recalc --service $demo_service --year $demo_year
    Descargar el último consolidado (cada recálculo escribe uno):
      pmg report get --service $demo_service --year $demo_year -o informe.xlsx
    eng/run/pmg es el pmg publicado con PmgStorage apuntando a este Azurite (${ports_note%%:*}).
    Registros: .data/logs/localhost.log   Correos: .data/mail   Datos: .data/azurite

    ${dim}Actividad del proceso:${reset_color}
EOF
# Follow the host's log: the pipeline's own lines (form accepted/refused/failed, recalculation, e-mail sent) and any
# warning or error.
setsid bash -c 'tail -n 0 -F "$1" 2>/dev/null | grep --line-buffered -E " (warn|fail|crit): |Pmg\.Pipeline\."' _ "$logs/localhost.log" 9>&- &
echo $! > "$follow_pid_file"
while :; do
  if ! is_ours "$host_pid_file" Pmg.LocalHost; then
    fail "el host local se detuvo (vea .data/logs/localhost.log)."
  fi
  if ! is_ours "$azurite_state/pid" azurite; then
    fail "Azurite se detuvo (vea .data/run/azurite/azurite.log)."
  fi
  sleep 2 &
  wait $! || true
done

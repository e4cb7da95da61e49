#!/usr/bin/env bash
# Local Azure Storage emulator (Azurite, pinned in eng/azurite/package.json + package-lock.json) for tests and
# the local host. Free ports, in-memory data, nothing left behind.
#
#   eng/azurite.sh run -- <command…>   start Azurite, export PMG_TEST_STORAGE, run the command, stop Azurite;
#                                      exits with the command's status.
#   eng/azurite.sh start <state-dir> [--location <data-dir>] [--ports "<blob> <queue> <table>"]
#                                      start detached; writes <state-dir>/connection (the connection string) and
#                                      <state-dir>/pid, prints the connection string. For test fixtures.
#                                      --location keeps the data in <data-dir> (persistent) instead of in memory;
#                                      --ports asks for those ports instead of free ones (exit 3 if one is taken).
#   eng/azurite.sh stop <state-dir>    stop what `start` started.
#   eng/azurite.sh install             only install Azurite into eng/azurite/node_modules.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
tool_dir="$here/azurite"
azurite_bin="$tool_dir/node_modules/.bin/azurite"
# The emulator's well-known development account (public, documented by Microsoft; not a secret).
account=devstoreaccount1
key='Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=='

install() {
  if [[ ! -x "$azurite_bin" || "$tool_dir/package-lock.json" -nt "$tool_dir/node_modules/.package-lock.json" ]]; then
    echo "azurite.sh: installing Azurite into $tool_dir/node_modules" >&2
    (cd "$tool_dir" && npm ci --no-audit --no-fund --loglevel=error >&2)
  fi
}

# Three free TCP ports, asked of the OS (node is already required by Azurite).
free_ports() {
  node -e '
    const net = require("net");
    (async () => {
      const servers = [];
      for (let i = 0; i < 3; i++) {
        const server = net.createServer();
        await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
        servers.push(server);
      }
      console.log(servers.map((s) => s.address().port).join(" "));
      servers.forEach((s) => s.close());
    })();'
}

wait_for_port() {
  local port=$1 pid=$2
  for _ in $(seq 1 300); do
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      return 0
    fi
    if ! kill -0 "$pid" 2>/dev/null; then
      echo "azurite.sh: Azurite exited during start-up" >&2
      return 1
    fi
    sleep 0.2
  done
  echo "azurite.sh: port $port did not open within 60 s" >&2
  return 1
}

# Whether something already listens on 127.0.0.1:<port>.
port_taken() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# start <state-dir> [--location <data-dir>] [--ports "<blob> <queue> <table>"]: launches Azurite detached from this
# shell, waits for its three ports.
start() {
  local state=$1
  shift
  local location="" ports=""
  while [[ $# -gt 0 ]]; do
    case "$1" in
      --location) location=${2:?--location needs a folder}; shift 2 ;;
      --ports) ports=${2:?--ports needs three port numbers}; shift 2 ;;
      *) echo "azurite.sh: unknown start option $1" >&2; return 2 ;;
    esac
  done
  mkdir -p "$state"
  install
  local blob queue table
  if [[ -n "$ports" ]]; then
    read -r blob queue table <<< "$ports"
    for port in "$blob" "$queue" "$table"; do
      if port_taken "$port"; then
        echo "azurite.sh: port $port is already in use on 127.0.0.1 (another Azurite or program?)" >&2
        return 3
      fi
    done
  else
    read -r blob queue table < <(free_ports)
  fi
  local persistence=(--inMemoryPersistence)
  if [[ -n "$location" ]]; then
    mkdir -p "$location"
    persistence=(--location "$location")
  fi
  # setsid (when present) gives Azurite its own process group, so `stop` ends it and anything it spawned.
  local detach=()
  command -v setsid > /dev/null && detach=(setsid)
  "${detach[@]}" "$azurite_bin" "${persistence[@]}" --skipApiVersionCheck --loose --silent --disableTelemetry \
    --blobPort "$blob" --queuePort "$queue" --tablePort "$table" \
    >"$state/azurite.log" 2>&1 < /dev/null &
  local pid=$!
  echo "$pid" > "$state/pid"
  for port in "$blob" "$queue" "$table"; do
    if ! wait_for_port "$port" "$pid"; then
      cat "$state/azurite.log" >&2 || true
      stop "$state"
      return 1
    fi
  done
  local connection="DefaultEndpointsProtocol=http;AccountName=$account;AccountKey=$key;BlobEndpoint=http://127.0.0.1:$blob/$account;QueueEndpoint=http://127.0.0.1:$queue/$account;TableEndpoint=http://127.0.0.1:$table/$account;"
  printf '%s\n' "$connection" > "$state/connection"
  printf '%s\n' "$connection"
}

stop() {
  local state=$1
  if [[ -f "$state/pid" ]]; then
    local pid
    pid=$(cat "$state/pid")
    # Stop the process group setsid made (or just the process), then wait for it to go.
    kill -- "-$pid" 2>/dev/null || kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 -- "-$pid" 2>/dev/null || kill -9 "$pid" 2>/dev/null || true
    rm -f "$state/pid"
  fi
}

run() {
  run_state=$(mktemp -d "${TMPDIR:-/tmp}/pmg-azurite.XXXXXX")
  trap 'stop "$run_state"; rm -rf "$run_state"' EXIT
  PMG_TEST_STORAGE=$(start "$run_state")
  export PMG_TEST_STORAGE
  echo "azurite.sh: Azurite running; PMG_TEST_STORAGE exported" >&2
  local status=0
  "$@" || status=$?
  return "$status"
}

command=${1:-}
shift || true
case "$command" in
  install) install ;;
  start) start "${1:?state directory required}" "${@:2}" ;;
  stop) stop "${1:?state directory required}" ;;
  run)
    [[ "${1:-}" == "--" ]] && shift
    [[ $# -gt 0 ]] || { echo "usage: eng/azurite.sh run -- <command…>" >&2; exit 2; }
    run "$@"
    ;;
  *) echo "usage: eng/azurite.sh install | start <dir> [--location <data-dir>] [--ports \"B Q T\"] | stop <dir> | run -- <command…>" >&2; exit 2 ;;
esac

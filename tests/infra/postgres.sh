#!/usr/bin/env bash
# A throw-away PostgreSQL server for tests, on 127.0.0.1 only.
#
#   tests/infra/postgres.sh start [DIR]   install PostgreSQL if missing, initdb into DIR, start on a free port,
#                                         create user and database "verify", print the connection string
#   tests/infra/postgres.sh url [DIR]     print the connection string of the server started in DIR
#   tests/infra/postgres.sh stop [DIR]    stop the server started in DIR and delete DIR
#
# DIR defaults to .test-run/postgres at the repository root. Each DIR is one server, so concurrent test
# runs pass different DIRs. The connection string is Npgsql's: Host=127.0.0.1;Port=N;Database=verify;...
# The "verify" user may create databases: test fixtures create one database each.
set -euo pipefail

root="$(cd "$(dirname "$0")/../.." && pwd)"
command="${1:-}"
dir="${2:-$root/.test-run/postgres}"

find_bin() {
  if command -v initdb >/dev/null 2>&1 && command -v pg_ctl >/dev/null 2>&1; then
    dirname "$(readlink -f "$(command -v initdb)")"
    return
  fi
  local found
  found="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)"
  [ -n "$found" ] && echo "$found"
}

install_postgres() {
  echo "postgres.sh: installing PostgreSQL (apt-get)" >&2
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq >/dev/null
  # policy-rc.d-less containers may try to start the packaged cluster; we never use it.
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends postgresql >/dev/null
}

free_port() {
  if command -v python3 >/dev/null 2>&1; then
    python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
  else
    local port
    while :; do
      port=$((20000 + RANDOM % 20000))
      (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || { echo "$port"; return; }
    done
  fi
}

# initdb and postgres refuse to run as root: run them as the "postgres" user then.
as_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

url() {
  local port
  port="$(cat "$dir/port")"
  echo "Host=127.0.0.1;Port=$port;Database=verify;Username=verify;Password=verify;Pooling=true"
}

start() {
  if [ -f "$dir/port" ] && [ -f "$dir/data/postmaster.pid" ]; then
    url
    return
  fi
  local bin
  bin="$(find_bin || true)"
  if [ -z "$bin" ]; then
    install_postgres
    bin="$(find_bin)"
  fi
  rm -rf "$dir"
  mkdir -p "$dir"
  dir="$(cd "$dir" && pwd)"
  # The server's own files live under /tmp: the postgres user may not be able to enter the repository.
  local data
  data="$(mktemp -d /tmp/verify-pg.XXXXXX)"
  ln -s "$data" "$dir/data-root"
  if [ "$(id -u)" -eq 0 ]; then chown postgres:postgres "$data"; fi
  as_owner "$bin/initdb" -D "$data/data" -U postgres --auth-local=trust --auth-host=scram-sha-256 --encoding=UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
    || { cat "$dir/initdb.log" >&2; exit 1; }
  ln -s "$data/data" "$dir/data"

  local port attempt
  for attempt in 1 2 3 4 5; do
    port="$(free_port)"
    if as_owner "$bin/pg_ctl" -D "$data/data" -l "$data/server.log" -w -t 30 start \
      -o "-c listen_addresses=127.0.0.1 -p $port -c unix_socket_directories=$data -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=100" >/dev/null; then
      break
    fi
    port=""
  done
  [ -n "$port" ] || { echo "postgres.sh: could not start PostgreSQL" >&2; cat "$data/server.log" >&2 || true; exit 1; }
  echo "$port" >"$dir/port"
  echo "$bin" >"$dir/bin"

  as_owner "$bin/psql" -h "$data" -p "$port" -U postgres -d postgres -v ON_ERROR_STOP=1 -q \
    -c "CREATE ROLE verify LOGIN PASSWORD 'verify' CREATEDB CREATEROLE" \
    -c "CREATE DATABASE verify OWNER verify" >/dev/null
  url
}

stop() {
  [ -d "$dir" ] || return 0
  if [ -f "$dir/bin" ] && [ -e "$dir/data/postmaster.pid" ]; then
    as_owner "$(cat "$dir/bin")/pg_ctl" -D "$(readlink -f "$dir/data")" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  if [ -L "$dir/data-root" ]; then rm -rf "$(readlink -f "$dir/data-root")"; fi
  rm -rf "$dir"
}

case "$command" in
  start) start ;;
  url) url ;;
  stop) stop ;;
  *) echo "usage: $0 start|url|stop [DIR]" >&2; exit 2 ;;
esac

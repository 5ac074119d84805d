#!/usr/bin/env bash
# A throwaway Redis server for tests (ARCHITECTURE.md: real Redis in tests, started by the test setup).
#
#   tests/infra/redis.sh start        installs redis-server with apt-get if missing, starts one on a free
#                                     port of 127.0.0.1 (no persistence) and prints "127.0.0.1:PORT"
#   tests/infra/redis.sh stop PORT    stops the server that "start" printed, and removes its folder
#
# Used by tests/Verify.Hub.Journey.Tests (RedisServer.cs) unless VERIFY_TEST_REDIS names a server.
set -euo pipefail

state_dir() { echo "${TMPDIR:-/tmp}/verify-test-redis-$1"; }

install_redis() {
  command -v redis-server >/dev/null 2>&1 && command -v redis-cli >/dev/null 2>&1 && return 0
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  # Several test runs may start at once: one apt-get at a time.
  (
    flock -w 600 9
    if ! command -v redis-server >/dev/null 2>&1 || ! command -v redis-cli >/dev/null 2>&1; then
      echo "Installing redis-server" >&2
      $sudo apt-get update -qq >/dev/null
      DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends redis-server redis-tools >/dev/null
    fi
  ) 9>"${TMPDIR:-/tmp}/verify-test-apt.lock"
  # The Debian package starts a system service on 6379; we do not use it.
  command -v redis-server >/dev/null 2>&1 || { echo "redis-server could not be installed" >&2; exit 1; }
}

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

start() {
  install_redis
  local attempt port dir
  for attempt in $(seq 1 20); do
    port=$((20000 + RANDOM % 40000))
    port_in_use "$port" && continue
    dir=$(state_dir "$port")
    rm -rf "$dir" && mkdir -p "$dir"
    if redis-server --bind 127.0.0.1 --port "$port" --save '' --appendonly no \
        --daemonize yes --pidfile "$dir/redis.pid" --dir "$dir" --logfile "$dir/redis.log" >/dev/null 2>&1; then
      for _ in $(seq 1 100); do
        if [ "$(redis-cli -h 127.0.0.1 -p "$port" ping 2>/dev/null)" = "PONG" ]; then
          echo "127.0.0.1:$port"
          return 0
        fi
        sleep 0.1
      done
    fi
    # Lost a race for the port, or the server did not come up: clean up and try another port.
    [ -f "$dir/redis.pid" ] && kill "$(cat "$dir/redis.pid")" 2>/dev/null || true
    rm -rf "$dir"
  done
  echo "could not start redis-server (attempt $attempt)" >&2
  exit 1
}

stop() {
  local port="${1:?usage: redis.sh stop PORT}"
  port="${port##*:}"
  local dir pid
  dir=$(state_dir "$port")
  if [ -f "$dir/redis.pid" ]; then
    pid=$(cat "$dir/redis.pid")
    redis-cli -h 127.0.0.1 -p "$port" shutdown nosave >/dev/null 2>&1 || kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 50); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.1
    done
  fi
  rm -rf "$dir"
}

case "${1:-}" in
  start) start ;;
  stop) shift; stop "$@" ;;
  *) echo "usage: $0 start | stop PORT" >&2; exit 2 ;;
esac

#!/usr/bin/env bash
# The hub's load benchmark ("The hub II"): complete journeys (test RP -> hub -> stub IDP -> hub -> RP) from N
# concurrent virtual citizens against `verify start` on a private PostgreSQL and Redis, printing the configuration,
# journeys/s, errors, p50/p99 per hop and the hub process's CPU time per journey. A benchmark, not a test.
#
#   benchmarks/run-load.sh                       # defaults: 16 citizens, 15 s warm-up, 45 s measured, 8 RPs
#   benchmarks/run-load.sh --clients 32 --duration 60
#   benchmarks/run-load.sh --journeys 5000       # measure 5,000 journeys instead of a duration
#   benchmarks/run-load.sh --hub-tls off         # the hub in plain http behind a (simulated) TLS-terminating proxy
#   benchmarks/run-load.sh --hub-env DOTNET_gcServer=1   # an environment variable for the hub process
#   benchmarks/run-load.sh --profile             # also: where the hub's CPU goes (Linux perf on the hub process)
#
# Builds src/Verify.Cli and the load generator in Release, installs PostgreSQL and Redis with apt-get if missing
# (tests/infra/*.sh), starts one of each on free ports of 127.0.0.1, stops them on exit. Every other argument goes
# to the load generator (benchmarks/Verify.LoadBenchmark, `--help` lists them). The output is also written to
# .test-run/load-<time>.txt.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
mkdir -p .test-run
stamp="$(date -u +%Y%m%dT%H%M%SZ)"
report=".test-run/load-$stamp.txt"
pg_dir="$root/.test-run/load-postgres-$$"
redis_endpoint=""

cleanup() {
  [ -n "$redis_endpoint" ] && tests/infra/redis.sh stop "$redis_endpoint" || true
  tests/infra/postgres.sh stop "$pg_dir" || true
}
trap cleanup EXIT

# Other engineers build in the same tree: retry a build that fails on a file in use or a half-saved edit.
build() {
  local attempt
  for attempt in 1 2 3 4 5; do
    if dotnet build "$1" -c Release -nologo -v quiet >".test-run/load-build.log" 2>&1; then
      return 0
    fi
    echo "build of $1 failed (attempt $attempt), retrying in 15 s..." >&2
    sleep 15
  done
  cat .test-run/load-build.log >&2
  exit 1
}
echo "Building src/Verify.Cli and benchmarks/Verify.LoadBenchmark (Release)..." >&2
build src/Verify.Cli
build benchmarks/Verify.LoadBenchmark

if [[ " $* " == *" --profile "* ]] && ! command -v perf >/dev/null 2>&1; then
  echo "Installing perf (apt-get install linux-perf) for --profile..." >&2
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends linux-perf >/dev/null
fi

echo "Starting PostgreSQL and Redis..." >&2
postgres="$(tests/infra/postgres.sh start "$pg_dir" | tail -1)"
redis_endpoint="$(tests/infra/redis.sh start | tail -1)"
pg_pid="$(head -1 "$pg_dir/data/postmaster.pid")"
redis_pid="$(redis-cli -h "${redis_endpoint%:*}" -p "${redis_endpoint##*:}" info server | sed -n 's/^process_id:\([0-9]*\).*/\1/p')"

dotnet benchmarks/Verify.LoadBenchmark/bin/Release/net10.0/Verify.LoadBenchmark.dll \
  --postgres "$postgres" --redis "$redis_endpoint" \
  --verify-dll src/Verify.Cli/bin/Release/net10.0/verify.dll \
  --watch "postgres=$pg_pid" --watch "redis=$redis_pid" "$@" | tee "$report"
status="${PIPESTATUS[0]}"
echo "(written to $report)" >&2
exit "$status"

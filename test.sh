#!/usr/bin/env bash
# The test command (README.md). On a fresh Debian machine with the .NET SDK it installs what the tests
# need, builds everything with warnings as errors, checks formatting, runs every test, and ends with one
# line "N passed, N failed, N skipped".
set -uo pipefail
cd "$(dirname "$0")"

# 1. What the tests need from Debian. Later issues add PostgreSQL, Redis and chromium here.
need=()
command -v xmlsec1 >/dev/null 2>&1 || need+=(xmlsec1)
command -v openssl >/dev/null 2>&1 || need+=(openssl)
/usr/bin/python3 -c "import saml2" >/dev/null 2>&1 || need+=(python3-pysaml2)
command -v redis-server >/dev/null 2>&1 || need+=(redis-server)
[ -x /usr/bin/chromium ] || need+=(chromium)
{ command -v node && command -v npm; } >/dev/null 2>&1 || need+=(nodejs npm)  # openid-client interop (tests/interop)
if ((${#need[@]})); then
  echo "Installing: ${need[*]}"
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
# The browser tests drive Debian's chromium (installed above); Playwright must never fetch a browser of its own.
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1

# 2. Build (warnings are errors) and formatting.
status=0
dotnet build Verify.sln -nologo -v quiet || { echo "build failed"; echo "0 passed, 1 failed"; exit 1; }
if ! dotnet format Verify.sln --verify-no-changes --no-restore -v quiet; then
  echo "dotnet format found files to fix: run 'dotnet format Verify.sln'"
  status=1
fi

results=.test-run/results
rm -rf .test-run && mkdir -p "$results"

# 3. Real servers the tests share (each test fixture starts its own when these are unset).
cleanup=()
trap 'for c in "${cleanup[@]}"; do eval "$c" >/dev/null 2>&1 || true; done' EXIT
if [ -z "${VERIFY_TEST_REDIS:-}" ]; then
  VERIFY_TEST_REDIS="$(tests/infra/redis.sh start)" || { echo "Redis did not start"; echo "0 passed, 1 failed"; exit 1; }
  export VERIFY_TEST_REDIS
  cleanup+=("tests/infra/redis.sh stop $VERIFY_TEST_REDIS")
fi
if [ -z "${VERIFY_TEST_POSTGRES:-}" ]; then
  VERIFY_TEST_POSTGRES="$(tests/infra/postgres.sh start)" || { echo "PostgreSQL did not start"; echo "0 passed, 1 failed"; exit 1; }
  export VERIFY_TEST_POSTGRES
  cleanup+=("tests/infra/postgres.sh stop")
fi

# 4. Every test, with a results file per test project.
dotnet test Verify.sln --no-build -nologo --logger "trx" --results-directory "$results" "$@" || status=1

# 5. One closing line, summed over every project's results.
sum() { grep -ho "<Counters [^>]*" "$results"/*.trx 2>/dev/null | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*' | awk '{ n += $1 } END { print n + 0 }'; }
passed=$(sum passed); failed=$(sum failed); skipped=$(sum notExecuted)
passed=${passed:-0}; failed=${failed:-0}; skipped=${skipped:-0}
if [ "$passed" -eq 0 ]; then status=1; fi
[ "$status" -eq 0 ] || [ "$failed" -gt 0 ] || failed=$((failed + 1))
echo "$passed passed, $failed failed, $skipped skipped"
exit "$status"

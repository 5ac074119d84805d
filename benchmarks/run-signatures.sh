#!/usr/bin/env bash
# Foundation I: the XML-signature benchmark. Prints the machine, the same machine's
# `openssl speed rsa2048` (one core), then runs the BenchmarkDotNet signature benchmarks in Release
# and prints the µs/op, ops/s and ours/stock summary.
#
#   benchmarks/run-signatures.sh            # full BenchmarkDotNet run (a few minutes on 2 cores)
#   benchmarks/run-signatures.sh --quick    # ~20 s Stopwatch smoke run instead of BenchmarkDotNet
#   benchmarks/run-signatures.sh --breakdown  # where the time goes, step by step
#   VERIFY_BENCH_KEYINFO=1 benchmarks/run-signatures.sh   # signatures carry the certificate in KeyInfo
set -euo pipefail
cd "$(dirname "$0")/.."
project=benchmarks/Verify.Benchmarks
artifacts=$project/BenchmarkDotNet.Artifacts
mkdir -p "$artifacts"
log=$artifacts/run-signatures.log

{
  echo "## machine"
  echo "nproc: $(nproc); CPU: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'); load: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "dotnet: $(dotnet --version); $(openssl version)"
  echo
  echo "## openssl speed -seconds 3 rsa2048 (one core)"
  openssl speed -seconds 3 rsa2048 2>/dev/null | grep -E '^ +sign +verify|^rsa +2048' || echo "openssl speed failed"
  echo
} | tee "$log"

# Other engineers build in the same tree: retry a build that fails on a file in use.
for attempt in 1 2 3 4 5; do
  if dotnet build "$project" -c Release -nologo -v quiet >"$artifacts/build.log" 2>&1; then
    break
  fi
  if [ "$attempt" = 5 ]; then
    cat "$artifacts/build.log"
    exit 1
  fi
  echo "build failed (attempt $attempt), retrying in 10 s..." >&2
  sleep 10
done

if [ $# -gt 0 ] && { [ "$1" = "--quick" ] || [ "$1" = "--breakdown" ]; }; then
  dotnet run -c Release --no-build --project "$project" -- "$@" | tee -a "$log"
else
  echo "## BenchmarkDotNet (Release, in-process, 3 warm-up + 10 iterations per benchmark, one thread)" | tee -a "$log"
  dotnet run -c Release --no-build --project "$project" -- --filter '*Signature*' --artifacts "$artifacts" "$@" | tee "$artifacts/bdn.log"
  sed -n '/^\/\/ message:/{p;q}' "$artifacts/bdn.log" >>"$log"
  sed -n '/^## Signature benchmark summary/,$p' "$artifacts/bdn.log" >>"$log"
  echo "(full BenchmarkDotNet output: $artifacts/bdn.log and $artifacts/results/)" >>"$log"
  echo
  echo "==================== summary ===================="
  cat "$log"
fi

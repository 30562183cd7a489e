#!/usr/bin/env bash
# Builds the jar and runs the webhook load harness (docs/benchmarks.md). Needs wrk (apt-get install wrk).
# Usage: load/run.sh [seconds of measured load, default 20]
set -euo pipefail
cd "$(dirname "$0")/.."
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install wrk" >&2; exit 1; }
mvn -B -q -DskipTests package test-compile
cp="target/test-classes:$(mvn -B -q dependency:build-classpath -Dmdep.outputFile=/dev/stdout)"
java -cp "$cp" io.hookbot.load.LoadHarness target/hookbot.jar "${1:-20}"

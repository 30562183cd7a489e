#!/usr/bin/env bash
# Measures how long the dashboard's pages take with a large history (docs/benchmarks.md, "The dashboard").
# Usage: load/dashboard.sh [h2|postgres] [conversations, default 100000; 10 events each] [search: the text search only]
# PostgreSQL: the test database at 127.0.0.1:5432 (db test, trust), in a schema of its own, dropped afterwards.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -DskipTests test-compile
mvn -B -q dependency:build-classpath -Dmdep.outputFile=target/dashboard-classpath.txt
cp="target/classes:target/test-classes:$(cat target/dashboard-classpath.txt)"
java -Xmx1g -cp "$cp" io.hookbot.ui.DashboardRenderTimes "${1:-h2}" "${2:-100000}" ${3:-}

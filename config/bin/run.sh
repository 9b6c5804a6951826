#!/usr/bin/env bash
# Builds what is needed and starts reliefchain at http://localhost:${PORT:-8080}/ (see README, "Run").
set -euo pipefail
cd "$(dirname "$0")/../.."
mvn -B -q -DskipTests install
exec java -jar config/target/dist/reliefchain-launcher.jar "$@"

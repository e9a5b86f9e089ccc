#!/usr/bin/env bash
# Runs the fleet simulator (built into dist/ by `npm run build`) with as many open files as the
# system allows: every simulated station holds one socket.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
cli="$root/dist/apps/simulator/src/cli.js"
if [[ ! -f "$cli" ]]; then
  echo "simulator: $cli not found; run 'npm run build' first" >&2
  exit 2
fi
ulimit -n 1048576 2>/dev/null || ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
exec node --enable-source-maps "$cli" "$@"

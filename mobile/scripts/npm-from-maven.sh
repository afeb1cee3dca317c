#!/usr/bin/env bash
# Runs one npm script of the app for Maven: build (package), test (unit tests, lint, bundle budget)
# or e2e (journeys in Chromium against a devstack). Where Node, npm or Chromium is missing it warns
# and does nothing, unless MOVEACCES_APP_TOOLS_REQUIRED=true (CI, once it installed them): then
# the build fails.
set -euo pipefail
cd "$(dirname "$0")/.."
step="$1"

skip() {
  if [ "${MOVEACCES_APP_TOOLS_REQUIRED:-false}" = "true" ]; then
    echo "ERROR: mobile: $1 (MOVEACCES_APP_TOOLS_REQUIRED=true makes that a failure)" >&2
    exit 1
  fi
  echo "WARNING: mobile: $1: the app's '$step' step is SKIPPED" >&2
  exit 0
}

command -v node >/dev/null || skip "node is not installed (the app needs Node 20)"
command -v npm >/dev/null || skip "npm is not installed"
node_major=$(node -p 'process.versions.node.split(".")[0]')
[ "$node_major" -ge 20 ] || skip "node $(node -v) is too old (the app needs Node 20)"

if [ "$step" = "e2e" ]; then
  browser="${CHROMIUM_PATH:-$(command -v chromium || command -v chromium-browser || true)}"
  [ -n "$browser" ] || skip "chromium is not installed (apt-get install chromium)"
  export CHROMIUM_PATH="$browser"
fi

# npm ci only when the lockfile changed since the last install: it starts from an empty node_modules.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error
fi

case "$step" in
  build) npm run build ;;
  test) npm test ;;
  e2e) npm run e2e ;;
  *) echo "unknown step: $step" >&2; exit 2 ;;
esac

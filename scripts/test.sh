#!/usr/bin/env bash
# `npm test`: every check and test, on a fresh machine too. Installs Chromium and PostgreSQL from Debian when missing,
# starts a throwaway PostgreSQL, then runs lint, the type check, unit and server tests, the build, and the
# end-to-end tests in Chromium. Ends with one line: "Tests: N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-deps.sh || { echo "Could not install Chromium/PostgreSQL"; exit 1; }

export TEST_DATABASE_URL=${TEST_DATABASE_URL:-$(bash scripts/pg-test.sh start)}
trap 'bash scripts/pg-test.sh stop' EXIT
out=$(mktemp -d)
status=0

echo "== lint"; npx eslint . || status=1
echo "== typecheck"; npx tsc -p . || status=1
echo "== unit and server tests"; npx vitest run --reporter=default --reporter=json --outputFile="$out/vitest.json" || status=1
echo "== build"; npx vite build >"$out/build.log" 2>&1 || { cat "$out/build.log"; status=1; }
echo "== end-to-end (Chromium)"; PW_JSON="$out/pw.json" npx playwright test || status=1

node -e '
const fs = require("fs");
let passed = 0, failed = 0;
try { const v = JSON.parse(fs.readFileSync(process.argv[1], "utf8")); passed += v.numPassedTests; failed += v.numFailedTests + (v.numRuntimeErrorTestSuites ?? 0); } catch { failed++; }
try { const p = JSON.parse(fs.readFileSync(process.argv[2], "utf8")); passed += p.stats.expected; failed += p.stats.unexpected + p.stats.flaky; } catch { failed++; }
if (process.argv[3] !== "0" && failed === 0) failed = 1;
console.log(`\nTests: ${passed} passed, ${failed} failed`);
' "$out/vitest.json" "$out/pw.json" "$status"
exit $status

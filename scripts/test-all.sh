#!/usr/bin/env bash
# Every test of the project: unit (Vitest, including parity with PyTorch), Python (pytest), browser (Playwright).
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/ensure-test-deps.sh
[ -d node_modules ] || npm ci --no-audit --no-fund
npm run fixtures
npx vitest run
npm run test:py
npm run test:e2e

#!/usr/bin/env bash
# Install the editor engines that tests/test_editor_engines.py drives (yaml-language-server and
# vscode-json-languageservice, pinned in tests/editors/package-lock.json) into
# tests/editors/node_modules. CI runs this, then pytest with CELINT_REQUIRE_EDITORS=1.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v npm >/dev/null 2>&1; then
  echo "install-editor-engines: npm is not on PATH (the engine test needs Node.js 20 or later)" >&2
  exit 1
fi
npm ci --prefix tests/editors --no-audit --no-fund

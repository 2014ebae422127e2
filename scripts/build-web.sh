#!/usr/bin/env bash
# Builds the web app unless the last build is newer than every source file.
set -euo pipefail
cd "$(dirname "$0")/../frontend"
stamp=.next/BUILD_ID
if [ -f "$stamp" ] && [ -z "$(find src public package-lock.json next.config.ts -newer "$stamp" -print -quit 2>/dev/null)" ]; then
  exit 0
fi
npm run build --silent

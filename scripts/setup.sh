#!/usr/bin/env bash
# Installs what Lectern needs to run, and is quick when it is already there:
# uv (from PyPI), the backend's locked Python packages, the frontend's locked npm packages.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)

if ! command -v node >/dev/null 2>&1; then
  echo "Lectern's web app needs Node.js 20 or newer (Debian: apt-get install nodejs npm)." >&2
  exit 1
fi
if ! command -v uv >/dev/null 2>&1 && ! python3 -m uv --version >/dev/null 2>&1; then
  echo "installing uv from PyPI"
  python3 -m pip install --quiet --disable-pip-version-check uv
fi
UV=$(command -v uv || echo "python3 -m uv")

(cd "$ROOT/backend" && $UV sync --frozen --quiet)

cd "$ROOT/frontend"
# npm ci wipes node_modules; skip it when the lock file has not changed since the last install.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund --loglevel=error
fi

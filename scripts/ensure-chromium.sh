#!/usr/bin/env bash
# The end-to-end tests drive Debian's Chromium (Playwright's own download is not possible here).
set -euo pipefail
if [ -x /usr/bin/chromium ]; then exit 0; fi
if [ "$(id -u)" != 0 ]; then
  echo "Chromium is missing: run 'sudo apt-get install -y chromium' (needed by the browser tests)." >&2
  exit 1
fi
echo "installing Chromium from Debian for the browser tests"
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null

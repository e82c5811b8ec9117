#!/usr/bin/env bash
# Make sure a Chromium for the browser tests is present.
# Order: $CHROMIUM if set; else `chromium` on PATH; else install Debian's package
# when running as root with apt; else stop and say exactly what to install.
set -euo pipefail

if [ -n "${CHROMIUM:-}" ]; then
  if [ -x "$CHROMIUM" ]; then exit 0; fi
  echo "CHROMIUM=$CHROMIUM is not an executable file." >&2
  exit 1
fi
if command -v chromium >/dev/null 2>&1; then
  exit 0
fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Chromium is missing: installing Debian's chromium package with apt-get."
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  command -v chromium >/dev/null 2>&1 && exit 0
  echo "apt-get finished but no 'chromium' command is on PATH." >&2
  exit 1
fi
cat >&2 <<'MSG'
The browser tests need Chromium and none was found.
Install Debian's package as an administrator:   sudo apt-get install chromium
or point the tests at another build:            CHROMIUM=/path/to/chromium make test
(Playwright's own browser download is not used: it cannot reach its servers here.)
MSG
exit 1

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
exec "$BASH" "${0%/*}/ensure_debian_package.sh" chromium chromium Chromium \
  "or point the tests at another build:            CHROMIUM=/path/to/chromium make test
(Playwright's own browser download is not used: it cannot reach its servers here.)"

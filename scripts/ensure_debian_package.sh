#!/usr/bin/env bash
# Make sure a command the tests need is present: ensure_debian_package.sh COMMAND PACKAGE WHAT [HINT]
# If COMMAND is on PATH, nothing happens. Otherwise, as root with apt, install Debian's PACKAGE;
# else stop and say exactly what to install (HINT: one more line of advice, optional).
set -euo pipefail

command_name=$1 package=$2 what=$3 hint=${4:-}

if command -v "$command_name" >/dev/null 2>&1; then
  exit 0
fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "$what is missing: installing Debian's $package package with apt-get."
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$package" >/dev/null
  command -v "$command_name" >/dev/null 2>&1 && exit 0
  echo "apt-get finished but no '$command_name' command is on PATH." >&2
  exit 1
fi
{
  echo "The tests need $what and none was found."
  echo "Install Debian's package as an administrator:   sudo apt-get install $package"
  if [ -n "$hint" ]; then echo "$hint"; fi
} >&2
exit 1

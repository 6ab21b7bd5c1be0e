#!/usr/bin/env bash
# Installs what a fresh Debian machine lacks for weerbaarheid: Chromium (prints the PDF), poppler,
# LibreOffice Calc and Writer and Debian's python3-openpyxl (independent readers and writers the
# tests use), strace (checks the swap's system calls), a C compiler (the swap's addon), then the
# npm packages (lock file).
# Safe to run again: it installs only what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v pdftotext >/dev/null 2>&1 || need+=(poppler-utils)
command -v unzip >/dev/null 2>&1 || need+=(unzip)
# The build compiles the one-step swap of the report folder (native/exchange.c); without a C
# compiler it falls back to two renames.
command -v cc >/dev/null 2>&1 || need+=(gcc libc6-dev)
[ -e /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || need+=(fonts-dejavu-core)
if [ "${WEERBAARHEID_TEST_TOOLS:-1}" = 1 ]; then
  command -v soffice >/dev/null 2>&1 || need+=(libreoffice-calc-nogui)
  # Writer reads back the Word extract (extract --format docx).
  [ -e /usr/lib/libreoffice/program/libswlo.so ] || need+=(libreoffice-writer-nogui)
  /usr/bin/python3 -c 'import openpyxl' >/dev/null 2>&1 || need+=(python3-openpyxl)
  command -v strace >/dev/null 2>&1 || need+=(strace)
fi
if [ ${#need[@]} -gt 0 ]; then
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null 2>&1 || { echo "Nodig maar niet geïnstalleerd: ${need[*]}. Installeer ze als root met apt-get." >&2; exit 1; }
    sudo="sudo"
  fi
  echo "Installeren met apt-get: ${need[*]}" >&2
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
else
  npm run build --silent
fi

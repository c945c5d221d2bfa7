#!/usr/bin/env bash
# Install what the living documentation's build and browser test need, when it is missing:
# Debian's Chromium, its driver, the Thai fonts (fonts-thai-tlwg) and Graphviz (the
# diagrams' layout; without it `docs build` uses its built-in layout and says so).
#
#   bash scripts/browser.sh
#
# As root it installs them with apt-get (updating the package lists first); as another
# user it says what to install and exits 1. Already installed, it changes nothing.
# tests/test_docsite_browser.py skips without them unless CI is set, and fails under CI.
set -euo pipefail

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v chromedriver >/dev/null 2>&1 || missing+=(chromium-driver)
command -v dot >/dev/null 2>&1 || missing+=(graphviz)
fc-list 2>/dev/null | grep -qi "loma\|garuda" || missing+=(fonts-thai-tlwg)
if [[ ${#missing[@]} -eq 0 ]]; then
    exit 0
fi
if [[ $(id -u) -ne 0 ]]; then
    echo "missing for the browser test: ${missing[*]}; as root: apt-get install -y ${missing[*]}" >&2
    exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -q
apt-get install -y -q --no-install-recommends "${missing[@]}" </dev/null

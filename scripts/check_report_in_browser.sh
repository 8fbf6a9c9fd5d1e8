#!/usr/bin/env bash
# Render the HTML story report of the bundled seeds in headless Chromium and save a
# screenshot, to check by eye that it reads well in a real browser.
#
#   apt-get install -y chromium      # Debian's package, once
#   bash scripts/check_report_in_browser.sh [OUT_DIR]
set -euo pipefail
out="${1:-$(mktemp -d)}"
mkdir -p "$out"
sidebyside report seeds --format html -o "$out/report.html" --force
chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
  --disable-background-networking --disable-component-update --disable-sync \
  --user-data-dir="$(mktemp -d)" --window-size=1280,4200 \
  --screenshot="$out/report.png" "file://$out/report.html" 2>/dev/null
echo "report: $out/report.html"
echo "screenshot: $out/report.png"

#!/usr/bin/env bash
# Renders assets/icon.svg into the PNG icons the manifest and the ribbon use.
# How the committed PNGs were made: headless Chromium draws the SVG once at 512 px on a transparent
# background (its SVG renderer handles the gradient; ImageMagick's built-in one does not), then
# ImageMagick scales that down with a Lanczos filter to each size.
# Needs: chromium (Debian package `chromium`) and ImageMagick `convert`. Run: bash scripts/render-icons.sh
set -euo pipefail
cd "$(dirname "$0")/.."

chrome="${CHROMIUM:-/usr/bin/chromium}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

printf '<!doctype html><html><body style="margin:0;background:transparent">%s</body></html>\n' \
  "<img src=\"file://$PWD/assets/icon.svg\" style=\"width:512px;height:512px;display:block\">" >"$work/icon.html"

"$chrome" --headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update \
  --disable-sync --no-first-run --hide-scrollbars --default-background-color=00000000 \
  --window-size=512,512 --screenshot="$work/icon-512.png" "file://$work/icon.html" >/dev/null 2>&1

for size in 16 32 64 80 128; do
  convert "$work/icon-512.png" -filter Lanczos -resize "${size}x${size}" -depth 8 -strip "PNG32:assets/icon-$size.png"
done
# High-resolution logo (AppSource-style 300 px) for the README and catalogues.
convert "$work/icon-512.png" -filter Lanczos -resize 300x300 -depth 8 -strip PNG32:assets/logo-filled.png
echo "rendered assets/icon-{16,32,64,80,128}.png and assets/logo-filled.png"

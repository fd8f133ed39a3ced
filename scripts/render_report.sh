#!/usr/bin/env bash
# Renders an HTML report of `paretokit report` to a PNG with headless
# Chromium, to look at it the way a reader's browser shows it.
#
#   scripts/render_report.sh REPORT.html [OUT.png] [WIDTH] [HEIGHT]
#
# Defaults: OUT = REPORT.png, a laptop-sized 1366 px wide window, 3000 px tall
# (the top of a long page: summary, CD diagram, tables). Needs Debian's
# chromium (apt-get install -y chromium); tests never need it.
set -euo pipefail

if [[ $# -lt 1 || "$1" == "-h" || "$1" == "--help" ]]; then
  sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'
  exit 2
fi
html="$1"
png="${2:-${html%.html}.png}"
width="${3:-1366}"
height="${4:-3000}"
if [[ ! -f "$html" ]]; then
  echo "render_report.sh: error: $html: no such file" >&2
  exit 2
fi
browser="$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)"
if [[ -z "$browser" ]]; then
  echo "render_report.sh: error: chromium not found (apt-get install -y chromium)" >&2
  exit 1
fi
url="file://$(cd "$(dirname "$html")" && pwd)/$(basename "$html")"
profile="$(mktemp -d)"
trap 'rm -rf "$profile"' EXIT
# A private profile folder and no network: the report must be self-contained.
"$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars --user-data-dir="$profile" \
  --proxy-server="127.0.0.1:9" --proxy-bypass-list="<-loopback>" \
  --window-size="${width},${height}" --screenshot="$png" "$url" >/dev/null 2>&1 || true
if [[ ! -s "$png" ]]; then
  echo "render_report.sh: error: chromium wrote no screenshot to $png" >&2
  exit 1
fi
echo "$png"

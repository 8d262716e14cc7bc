#!/usr/bin/env bash
# Regenerate the README screenshots of the sample article in real windows under Xvfb.
# Needs: apt-get install -y xvfb xauth libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxkbcommon-x11-0
set -euo pipefail
cd "$(dirname "$0")/.."
QR="${QR:-python3 -m reader}"
tmp=$(mktemp -d)
for theme in light dark; do
  XDG_CONFIG_HOME="$tmp/cfg" xvfb-run -a -s "-screen 0 1400x900x24" \
    $QR --theme "$theme" --db "$tmp/lib.sqlite3" --screenshot "docs/screenshot-$theme.png"
done
rm -rf "$tmp"
echo "docs/screenshot-light.png docs/screenshot-dark.png"

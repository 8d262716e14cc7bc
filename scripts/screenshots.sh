#!/usr/bin/env bash
# Regenerate the README screenshots in real windows under Xvfb: the sample article in both themes, and
# the Library, People and Sourcing views on a library of 200 articles written for the tests.
# Needs: apt-get install -y xvfb xauth libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxkbcommon-x11-0
set -euo pipefail
cd "$(dirname "$0")/.."
QR="${QR:-python3 -m reader}"
PY="${PY:-python3}"
tmp=$(mktemp -d)
for theme in light dark; do
  XDG_CONFIG_HOME="$tmp/cfg" xvfb-run -a -s "-screen 0 1400x900x24" \
    $QR --theme "$theme" --db "$tmp/lib.sqlite3" --screenshot "docs/screenshot-$theme.png"
done
$PY -c "
import sys; sys.path.insert(0, '.')
from reader.flow import Engine
from tests.support.library import build
build(sys.argv[1], Engine(), 200).close()" "$tmp/home.sqlite3"
for view in library people sourcing; do
  XDG_CONFIG_HOME="$tmp/cfg" xvfb-run -a -s "-screen 0 1400x900x24" \
    $QR --theme light --db "$tmp/home.sqlite3" --view "$view" --screenshot "docs/screenshot-$view.png"
done
rm -rf "$tmp"
echo "docs/screenshot-{light,dark,library,people,sourcing}.png"

#!/bin/sh
# Installs ForensicLog for the current user, without root: the program under
# ~/.local/opt/forensiclog, a `forensiclog` command in ~/.local/bin, the menu entry and the icon.
# `./install.sh --uninstall` removes them again (workspaces and logs stay where they are).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
data=${XDG_DATA_HOME:-$HOME/.local/share}
opt=$HOME/.local/opt/forensiclog
bin=$HOME/.local/bin
desktop=$data/applications/forensiclog.desktop
icon=$data/icons/hicolor/256x256/apps/forensiclog.png

if [ "${1:-}" = "--uninstall" ]; then
  rm -rf "$opt" "$desktop" "$icon"
  [ -L "$bin/forensiclog" ] && rm -f "$bin/forensiclog"
  echo "ForensicLog removed (workspaces and logs are kept)."
  exit 0
fi

mkdir -p "$opt" "$bin" "$(dirname "$desktop")" "$(dirname "$icon")"
rm -rf "$opt.new" && cp -a "$here/forensiclog" "$opt.new"   # whole, then swapped in
rm -rf "$opt" && mv "$opt.new" "$opt"
ln -sf "$opt/forensiclog" "$bin/forensiclog"
cp "$here/forensiclog.png" "$icon"
# The menu entry names the program by its full path: ~/.local/bin is not on every desktop's PATH.
sed "s|^Exec=forensiclog |Exec=\"$opt/forensiclog\" |" "$here/forensiclog.desktop" > "$desktop"
command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database -q "$(dirname "$desktop")" || true
echo "ForensicLog installed: $opt (menu: ForensicLog; command: $bin/forensiclog)"

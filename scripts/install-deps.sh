#!/usr/bin/env bash
# Installs the Debian packages Darkroom builds and tests with, when any is missing.
# Runs apt-get directly as root, through sudo otherwise; says what to do when neither works.
set -euo pipefail
packages=(
  pkg-config zlib1g-dev libcurl4-openssl-dev libturbojpeg0-dev libspng-dev libwebp-dev
  libncursesw5-dev ncurses-term libchafa-dev libglib2.0-dev libsqlite3-dev
  python3-venv tmux chafa timg time help2man
  xvfb xterm imagemagick xdotool fonts-dejavu-core kitty libgl1-mesa-dri libimage-exiftool-perl
)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
echo "darkroom: installing missing Debian packages: ${missing[*]}" >&2
if [ "$(id -u)" -eq 0 ]; then
  sudo=()
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  sudo=(sudo)
else
  echo "darkroom: cannot install packages (not root, no sudo). Run as root:" >&2
  echo "  apt-get install -y ${missing[*]}" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null

# Shared by tools/demo and tools/test: the Debian 12 packages learnhub needs,
# installed only when missing, and the build.
# shellcheck shell=bash

BUILD_PACKAGES=(
  meson ninja-build pkg-config gcc libc6-dev gettext
  libglib2.0-dev libgtk-4-dev libadwaita-1-dev libsqlite3-dev libsoup-3.0-dev
  libjson-glib-dev libsodium-dev libnotify-dev libical-dev libqrencode-dev
  libatspi2.0-dev
  glib-networking ca-certificates tzdata openssl
  desktop-file-utils appstream groff-base po4a
)
# A display without a screen, a private session bus, and screenshots; curl
# for the demo's PCs to say they are on; dunst, a real notification server
# for the kiosk test of the time-left warnings; python3-jsonschema checks the
# site report against its schema, pdftotext reads the report's PDF back.
# locales: the kiosk's day and month names in each of its languages
# (ensure_locales); fonts-dejavu-core draws Arabic. at-spi2-core, the
# accessibility bus the kiosk's AT-SPI walk reads, and sqlite3, with which
# it reads the centre's own names.
RUN_PACKAGES=(xvfb xauth dbus dbus-x11 imagemagick fonts-cantarell fonts-dejavu-core curl dunst python3-jsonschema
              poppler-utils locales at-spi2-core sqlite3)

# The C library locales the kiosk sets LC_TIME to (app/lh-language.c), one
# for each language of po/LINGUAS and English. Without one the kiosk still
# speaks the language (gettext needs only the catalogue) and shows dates
# with English names.
KIOSK_LOCALES=(en_GB pl_PL ro_RO ar_EG)

say() { printf '\033[1m%s\033[0m\n' "$*"; }

ensure_packages() {
  local missing=() pkg
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  say "Installing: ${missing[*]}"
  local sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# Generates the missing ones only (localedef takes a second each), so a
# second run does nothing.
ensure_locales() {
  local have loc missing=()
  have=$(locale -a 2>/dev/null | tr 'A-Z' 'a-z')
  for loc in "${KIOSK_LOCALES[@]}"; do
    grep -qx "$(echo "$loc" | tr 'A-Z' 'a-z').utf8" <<<"$have" || missing+=("$loc")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  say "Generating locales: ${missing[*]}"
  local sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  for loc in "${missing[@]}"; do
    $sudo localedef -i "$loc" -c -f UTF-8 -A /usr/share/locale/locale.alias "$loc.UTF-8"
  done
}

# build DIR [meson options…]: configure once, then build; warnings are errors.
build() {
  local dir="$1"; shift
  if [ ! -f "$dir/build.ninja" ]; then
    meson setup "$dir" --werror "$@" >/dev/null
  fi
  ninja -C "$dir" >/dev/null
}

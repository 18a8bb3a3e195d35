#!/bin/sh
# Every file with translatable strings (the kiosk's, and the daemon's refusals
# that only learnhubctl shows) is listed in po/POTFILES.in, so
# nothing the kiosk shows escapes translation.
set -eu
cd "$1"
status=0
for f in $(grep -lE '_\("|translatable="yes"' app/*.c app/*.h ui/*.ui daemon/*.c daemon/core/*.c daemon/api/*.c 2>/dev/null); do
  if ! grep -qx "$f" po/POTFILES.in; then
    echo "not ok: $f has translatable strings but is not in po/POTFILES.in"
    status=1
  fi
done
for f in $(grep -v '^#' po/POTFILES.in | grep .); do
  [ -f "$f" ] || { echo "not ok: po/POTFILES.in lists $f, which does not exist"; status=1; }
done
[ $status -eq 0 ] && echo "ok: po/POTFILES.in lists every file with translatable strings"
exit $status

#!/usr/bin/env bash
# Runs CMD… with a real, unlocked Secret Service (gnome-keyring) on a private D-Bus session bus,
# so keychain tests exercise the same path as the desktop app without touching anyone's keyring.
#
#   bash scripts/with-keyring.sh npx vitest run --project integration tests/integration/main/keychain.test.ts
#
# Everything the daemon writes lives in a temporary folder removed on exit. Exports
# PICTOGRAPH_EXPECT_KEYRING=1 so tests fail (rather than skip) when the keyring is expected but broken.
set -euo pipefail

if [ "$#" -eq 0 ]; then
  echo "usage: bash scripts/with-keyring.sh CMD [ARGS…]" >&2
  exit 2
fi

if [ -z "${PICTOGRAPH_KEYRING_INNER:-}" ]; then
  for tool in dbus-run-session gnome-keyring-daemon dbus-send; do
    command -v "$tool" >/dev/null || { echo "with-keyring: $tool is not installed" >&2; exit 127; }
  done
  scratch="$(mktemp -d "${TMPDIR:-/tmp}/pictograph-keyring.XXXXXX")"
  chmod 700 "$scratch"
  cleanup() { rm -rf "$scratch"; }
  trap cleanup EXIT
  # Not exec: the trap must run after the session (and its daemon) ends.
  PICTOGRAPH_KEYRING_INNER="$scratch" dbus-run-session -- bash "$0" "$@"
  exit $?
fi

# Inside the private session bus from here on.
scratch="$PICTOGRAPH_KEYRING_INNER"
unset PICTOGRAPH_KEYRING_INNER
mkdir -p "$scratch/data" "$scratch/config" "$scratch/runtime"
chmod 700 "$scratch/runtime"
# gnome-keyring keeps its keyring files under XDG_DATA_HOME and its control socket under
# XDG_RUNTIME_DIR: pointing both at the scratch folder keeps parallel runs apart.
export XDG_DATA_HOME="$scratch/data" XDG_CONFIG_HOME="$scratch/config" XDG_RUNTIME_DIR="$scratch/runtime"

# --unlock reads the password from stdin, creates the login keyring on first use and unlocks it;
# the daemon prints its environment (GNOME_KEYRING_CONTROL…), which we export.
password="with-keyring-$$-$RANDOM"
daemon_env="$(printf '%s' "$password" | gnome-keyring-daemon --unlock --components=secrets)"
while IFS= read -r line; do
  case "$line" in *=*) export "${line?}" ;; esac
done <<<"$daemon_env"

# The daemon forks before it owns org.freedesktop.secrets on the bus. A keychain call in that gap
# makes D-Bus start a second daemon by activation — without our XDG folders, so with no unlocked
# keyring — and every store then fails. Wait until our daemon owns the name (at most ~10 s).
owned=""
for _ in $(seq 1 100); do
  if dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
    org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets 2>/dev/null | grep -q 'boolean true'; then
    owned=1
    break
  fi
  sleep 0.1
done
if [ -z "$owned" ]; then
  echo "with-keyring: gnome-keyring-daemon did not take org.freedesktop.secrets on the session bus" >&2
  exit 1
fi

export PICTOGRAPH_EXPECT_KEYRING=1
status=0
"$@" || status=$?
# The daemon lives on this bus; dbus-run-session ends it with the session, but be explicit.
if [ -n "${GNOME_KEYRING_PID:-}" ]; then kill "$GNOME_KEYRING_PID" 2>/dev/null || true; fi
exit "$status"

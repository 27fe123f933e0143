#!/usr/bin/env bash
# Installs what is missing, builds, and starts the console. With no server profile
# configured the console starts the bundled simulator and connects to it (demo mode).
# Arguments are passed to the program.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
./installer/install-deps.sh
cmake --preset ci >/dev/null
cmake --build --preset ci
bin=build/ci/app
if [[ -x "$bin/dots-console/dots-console" ]]; then
    if [[ -z "${DISPLAY:-}" && -z "${WAYLAND_DISPLAY:-}" && -z "${QT_QPA_PLATFORM:-}" ]]; then
        echo "No display found: run this from a desktop session (or set DISPLAY)." >&2
        exit 1
    fi
    exec "$bin/dots-console/dots-console" "$@"
fi
# Until the console lands: the bundled DOTS server with the demo PKI and scenario, in the
# foreground, so dots-cli can be pointed at it from another terminal (see README.md).
demo_pki="${XDG_DATA_HOME:-$HOME/.local/share}/dots-console/demo-pki"
exec build/ci/simulator/dots-simulator --demo-pki "$demo_pki" \
    --scenario simulator/scenarios/demo.json "$@"

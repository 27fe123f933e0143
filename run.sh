#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs what is missing, builds, and starts the console. Arguments are passed to it.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
./installer/install-deps.sh
cmake --preset ci >/dev/null
cmake --build --preset ci
if [[ -z "${DISPLAY:-}" && -z "${WAYLAND_DISPLAY:-}" && -z "${QT_QPA_PLATFORM:-}" ]]; then
    echo "No display found: run this from a desktop session (or set DISPLAY)." >&2
    exit 1
fi
# With no server profile the console starts the bundled simulator and connects to it (demo mode).
exec build/ci/app/dots-console/dots-console "$@"

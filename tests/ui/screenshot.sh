#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Renders the main window at 1280x800 without a screen into docs/screenshots/main-window.png.
# Usage: tests/ui/screenshot.sh [build-dir] [seconds of demo before the picture]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
build="${1:-$root/build/ci}"
cmake --build "$build" --target ui-screenshot dots-simulator
mkdir -p "$root/docs/screenshots"
QT_QPA_PLATFORM=offscreen "$build/tests/ui/ui-screenshot" "$root/docs/screenshots/main-window.png" "${2:-12}"

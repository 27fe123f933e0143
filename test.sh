#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs what is missing, builds, and runs the whole test suite (ctest prints the summary),
# then builds the fuzz targets with clang, ASan and UBSan and fuzzes each for a few seconds
# on its committed corpus (tests/fuzz/README.md), and runs the unit tests of core and the
# simulator core in that sanitized build with leak detection on (tests/sanitized).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
./installer/install-deps.sh
cmake --preset ci
cmake --build --preset ci
ctest --preset ci "$@"
cmake --preset fuzz
cmake --build --preset fuzz
ctest --preset fuzz

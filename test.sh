#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs what is missing, builds, and runs the whole test suite (ctest prints the summary).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
./installer/install-deps.sh
cmake --preset ci
cmake --build --preset ci
ctest --preset ci "$@"

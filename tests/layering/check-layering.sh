#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The house rules of DESIGN.md that the includes can show: the screens know core's facades and
# models only (no libcoap, CBOR or HTTP), the core knows no widgets, the channels share their
# value types from core/types and not from each other, the simulator no screens.
set -uo pipefail
root="$1"
failed=0

forbid() { # forbid DESCRIPTION DIRECTORY PATTERN
    local hits
    hits=$(grep -rnE --include='*.h' --include='*.cpp' "$3" "$root/$2" | sed "s|^$root/||")
    if [ -n "$hits" ]; then
        echo "FAIL: $1:"
        echo "$hits"
        failed=1
    fi
}

forbid "ui includes the transport or the codec (ask core/signal or core/data)" ui \
    '#include [<"](transport|codec)/|#include <coap3/|QNetworkAccessManager'
forbid "core includes widgets" core '#include <Q(Widget|MainWindow|Dialog|Application)|#include <QtWidgets'
forbid "core/data includes core/signal (shared value types live in core/types)" core/data '#include "signal/'
forbid "core/types includes more than core/codec" core/types '#include "(transport|store|signal|data|profiles|models|pki)/'
forbid "the simulator includes the ui" simulator '#include "(ui|models)/'

[ "$failed" = 0 ] && echo "layering: ui, core, its channels and the simulator keep to their floors"
exit "$failed"

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "signal/MitigationStatusCode.h"

#include <QDateTime>

namespace dots::models {

// One step in a mitigation's life as this console saw it: when the server first reported
// `status` for it. The detail pane lists these; notifications fire on them.
struct StatusChange
{
    QDateTime at; // UTC, when the notification arrived
    signal::MitigationStatusCode status{};
};

} // namespace dots::models

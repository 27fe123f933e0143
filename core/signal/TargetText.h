// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "types/Target.h"

#include <QString>

#include <optional>

namespace dots::signal {

// "203.0.113.0/24 ports 80-443 proto tcp"; "-" when empty; past eight names or port ranges
// "(and N more)". For tables, logs and terminals.
QString describeTarget(const Target &target);
// "3600 s", "indefinite", "-" when unknown.
QString describeLifetime(std::optional<qint64> lifetime);

} // namespace dots::signal

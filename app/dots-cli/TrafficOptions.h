// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "signal/TelemetryTraffic.h"

#include <QString>

#include <optional>

namespace dots::cli {

// One traffic figure on the command line, as --total-traffic and --total-traffic-normal take
// it: "UNIT:KIND=N[,KIND=N...]", e.g. "megabit-ps:current=800,peak=950". UNIT is an RFC 9244
// unit name (packet-ps, kilobit-ps, megabyte-ps ...); KIND one of low, mid, high, peak and,
// unless `withCurrent` is false (baselines know no current value), current.
struct TrafficOptions
{
    static std::optional<signal::TrafficValues> parse(const QString &text, bool withCurrent, QString *error);
    // "UNIT:KIND=N[,KIND=N...]" with the kinds allowed, for --help.
    static QString syntax(bool withCurrent);
};

} // namespace dots::cli

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "signal/TelemetrySetup.h"

#include <QStringList>

namespace dots::cli {

// How RFC 9244 telemetry setups read on a terminal, in YANG names so that the words match
// what --json prints and --file takes.

// "measurement-interval hour, low-percentile 10.00, unit-config bit-ps on packet-ps off, ..."
QString describeTelemetryConfiguration(const signal::TelemetryConfiguration &config);
// "megabit-ps mid-percentile-g 100 peak-g 400"
QString describeTraffic(const signal::TrafficValues &traffic);
// "tsid 2  total-pipe-capacity transit-1 10 gigabit-ps"
QString describeTelemetrySetup(const signal::TelemetrySetup &setup);
// The server's ranges, unit classes and query types, then one line per setup.
QStringList describeTelemetrySetupInfo(const signal::TelemetrySetupInfo &info);

} // namespace dots::cli

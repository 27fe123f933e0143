// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "signal/TelemetrySetup.h"

#include <QCommandLineParser>
#include <QStringList>

namespace dots::cli {

// The options of `telemetry setup set` and their translation into one TelemetrySetup: a
// telemetry configuration, pipe capacities or a baseline, as the console's Telemetry setup
// dialog builds them, checked with the core's own rules.
struct TelemetrySetupOptions
{
    static void addOptions(QCommandLineParser &parser);
    // The options that belong to setup set (for refusing them elsewhere).
    static const QStringList &names();
    // Fills `out`; returns every problem, each naming its option, or empty.
    static QStringList read(const QCommandLineParser &parser, signal::TelemetrySetup &out);
    // The option a core validation path (e.g. "telemetry[0].current-config.low-percentile")
    // belongs to; empty when none.
    static QString optionForPath(const QString &path);
    // Core validation errors in words, each named by its option where there is one.
    static QStringList describe(const dots::ValidationErrors &errors);
};

} // namespace dots::cli

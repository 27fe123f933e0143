// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "signal/TelemetryReport.h"

#include <QCommandLineParser>
#include <QStringList>

namespace dots::cli {

// The options of `telemetry report` and their translation into one pre-or-ongoing-mitigation
// TelemetryReport (RFC 9244 section 7), checked with the core's own rules. The target comes
// from TargetOptions (--prefix ...).
struct TelemetryReportOptions
{
    static void addOptions(QCommandLineParser &parser);
    // The options that belong to report only (for refusing them elsewhere).
    static const QStringList &names();
    // Fills `out` (not tmid); returns every problem, each naming its option, or empty.
    static QStringList read(const QCommandLineParser &parser, signal::TelemetryReport &out);
    // Core validation errors in words, each named by its option where there is one.
    static QStringList describe(const dots::ValidationErrors &errors);
};

} // namespace dots::cli

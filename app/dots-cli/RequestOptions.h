// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "signal/MitigationRequest.h"

#include <QCommandLineParser>

namespace dots::cli {

// The options of `request` and their translation into a MitigationRequest, checked with
// the core's own rules so the CLI refuses exactly what the console's form refuses.
struct RequestOptions
{
    static void addOptions(QCommandLineParser &parser);
    // Fills `out`; returns every problem, each naming its option, or empty.
    static QStringList read(const QCommandLineParser &parser, signal::MitigationRequest &out);
};

} // namespace dots::cli

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "types/Target.h"

#include <QCommandLineParser>
#include <QStringList>

#include <optional>

namespace dots::cli {

// --prefix, --port-range, --protocol, --fqdn and --uri: the "target" of a mitigation request
// and of an alias, checked with the core's own rules so the CLI refuses what the console's
// forms refuse.
struct TargetOptions
{
    static void addOptions(QCommandLineParser &parser);
    // Fills `out` (not alias-name); appends every problem, each naming its option.
    static void read(const QCommandLineParser &parser, dots::Target &out, QStringList &problems);

    // "80" or "80-443".
    static std::optional<dots::PortRange> parsePortRange(const QString &text, QString *error);
    // "tcp", "udp", "icmp", ... or 0..255.
    static std::optional<quint8> parseProtocol(const QString &text, QString *error);
    // The option a core validation path (e.g. "target-prefix[0]") belongs to; empty when none.
    static QString optionForPath(const QString &path);
};

} // namespace dots::cli

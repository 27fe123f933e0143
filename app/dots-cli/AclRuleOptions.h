// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "data/Acl.h"

#include <QCommandLineParser>
#include <QStringList>

#include <optional>

namespace dots::cli {

// The options of `acl create NAME` for the common one-rule ACL, e.g. "drop UDP to
// 203.0.113.0/24 port 53" or "accept TCP to 198.51.100.25/32 port 25 up to 10 Mbit/s".
// More complex ACLs come from an RFC 8783 document (acl create --file).
struct AclRuleOptions
{
    static void addOptions(QCommandLineParser &parser);
    // Whether any rule option is given (they do not go with --file).
    static bool anySet(const QCommandLineParser &parser);
    // The ACL `name` with one rule from the options; appends every problem, each naming its option.
    static data::Acl read(const QCommandLineParser &parser, const QString &name, QStringList &problems);

    // "10M", "10Mbit/s", "500k", "1.5G" or "800000": bits per second, SI prefixes.
    static std::optional<double> parseBitRate(const QString &text);
};

} // namespace dots::cli

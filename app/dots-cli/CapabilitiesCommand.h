// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Command.h"

namespace dots::cli {

// What the server's data channel can filter on (RFC 8783 section 7.1): address families,
// actions, rate-limit, protocols and header fields.
class CapabilitiesCommand : public Command
{
public:
    QString name() const override { return QStringLiteral("capabilities"); }
    QString summary() const override { return QStringLiteral("What the data channel's filters can match and do."); }
    void addOptions(QCommandLineParser &) const override {}
    QString readOptions(const QCommandLineParser &) override { return {}; }
    QCoro::Task<int> run(CommandContext &context) override;
};

} // namespace dots::cli

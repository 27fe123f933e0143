// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Command.h"

namespace dots::cli {

// Connects and reports what was negotiated: transport, address, cuid, session configuration, heartbeat RTT.
class SessionCommand : public Command
{
public:
    QString name() const override { return QStringLiteral("session"); }
    QString summary() const override { return QStringLiteral("Connect and show transport, cuid, session configuration and heartbeat RTT."); }
    void addOptions(QCommandLineParser &parser) const override;
    QString readOptions(const QCommandLineParser &parser) override;
    QCoro::Task<int> run(CommandContext &context) override;
};

} // namespace dots::cli

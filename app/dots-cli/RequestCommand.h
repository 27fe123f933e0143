// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Command.h"

#include "signal/MitigationRequest.h"
#include "signal/SignalChannel.h"

namespace dots::cli {

// Sends a new mitigation request built from the options.
class RequestCommand : public Command
{
public:
    QString name() const override { return QStringLiteral("request"); }
    QString summary() const override { return QStringLiteral("Request mitigation for a target."); }
    void addOptions(QCommandLineParser &parser) const override;
    QString readOptions(const QCommandLineParser &parser) override;
    QCoro::Task<int> run(CommandContext &context) override;

private:
    static QCoro::Task<signal::MitigationStatus> firstStatus(signal::SignalChannel &channel,
                                                             signal::MitigationStatus accepted);

    signal::MitigationRequest m_request;
};

} // namespace dots::cli

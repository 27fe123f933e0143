// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Command.h"

#include "signal/TelemetryReport.h"
#include "signal/TelemetrySetup.h"

namespace dots::cli {

// RFC 9244 telemetry over the signal channel: the client's telemetry setups (configuration,
// pipe capacities, baselines; tm-setup) and its own pre-or-ongoing-mitigation telemetry (tm).
class TelemetryCommand : public Command
{
public:
    QString name() const override { return QStringLiteral("telemetry"); }
    QString summary() const override
    {
        return QStringLiteral("RFC 9244 telemetry: telemetry setup get | setup set | setup delete | report.");
    }
    QString usage() const override;
    void addOptions(QCommandLineParser &parser) const override;
    bool takesArguments() const override { return true; }
    QString readOptions(const QCommandLineParser &parser) override;
    QCoro::Task<int> run(CommandContext &context) override;

private:
    enum class Action { SetupGet, SetupSet, SetupDelete, Report };
    QCoro::Task<int> setupSet(CommandContext &context);
    QCoro::Task<int> report(CommandContext &context);

    Action m_action = Action::SetupGet;
    std::optional<quint32> m_tsid;               // setup delete: one setup, else all
    bool m_fromFile = false;
    QList<signal::TelemetrySetup> m_setups;      // setup set: tsid 0 means the next one
    QList<signal::TelemetryReport> m_reports;    // report: tmid unset means the next one
};

} // namespace dots::cli

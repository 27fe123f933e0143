// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Command.h"

#include "signal/SessionConfig.h"

namespace dots::cli {

// Reads, proposes or resets the session configuration (RFC 9132 section 4.5).
class ConfigCommand : public Command
{
public:
    QString name() const override { return QStringLiteral("config"); }
    QString summary() const override { return QStringLiteral("Session configuration: config get | config set ... | config reset."); }
    QString usage() const override { return QStringLiteral("config get|set|reset [options]"); }
    void addOptions(QCommandLineParser &parser) const override;
    bool takesArguments() const override { return true; }
    QString readOptions(const QCommandLineParser &parser) override;
    QCoro::Task<int> run(CommandContext &context) override;

private:
    enum class Action { Get, Set, Reset };
    Action m_action = Action::Get;
    bool m_idle = true;
    bool m_mitigating = true;
    signal::ConfigParameters m_changes; // current values to change, the rest stay as they are
};

} // namespace dots::cli

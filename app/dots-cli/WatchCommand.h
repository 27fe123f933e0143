// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Command.h"

#include <optional>

namespace dots::cli {

// Streams Observe notifications until Ctrl-C, --count updates or --for seconds.
class WatchCommand : public Command
{
public:
    QString name() const override { return QStringLiteral("watch"); }
    QString summary() const override { return QStringLiteral("Stream mitigation updates (Observe) until interrupted."); }
    bool runsUntilStopped() const override { return m_forSeconds == 0; }
    void addOptions(QCommandLineParser &parser) const override;
    QString readOptions(const QCommandLineParser &parser) override;
    QCoro::Task<int> run(CommandContext &context) override;

private:
    int m_count = 0;       // stop after this many updates; 0: no limit
    int m_forSeconds = 0;  // stop after this long; 0: no limit
    std::optional<quint32> m_mid;
};

} // namespace dots::cli

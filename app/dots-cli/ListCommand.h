// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Command.h"

namespace dots::cli {

// Lists all of this client's mitigations as the server reports them.
class ListCommand : public Command
{
public:
    QString name() const override { return QStringLiteral("list"); }
    QString summary() const override { return QStringLiteral("List all mitigations with status, lifetime and counters."); }
    void addOptions(QCommandLineParser &parser) const override;
    QString readOptions(const QCommandLineParser &parser) override;
    QCoro::Task<int> run(CommandContext &context) override;
};

} // namespace dots::cli

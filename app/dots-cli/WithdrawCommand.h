// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Command.h"

namespace dots::cli {

// Withdraws (DELETEs) a mitigation.
class WithdrawCommand : public Command
{
public:
    QString name() const override { return QStringLiteral("withdraw"); }
    QString summary() const override { return QStringLiteral("Withdraw a mitigation."); }
    void addOptions(QCommandLineParser &parser) const override;
    QString readOptions(const QCommandLineParser &parser) override;
    QCoro::Task<int> run(CommandContext &context) override;

private:
    quint32 m_mid = 0;
};

} // namespace dots::cli

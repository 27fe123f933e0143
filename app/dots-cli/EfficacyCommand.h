// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Command.h"

#include "signal/AttackStatus.h"

namespace dots::cli {

// Tells the server how the attack looks from here (RFC 9132 section 4.4.3).
class EfficacyCommand : public Command
{
public:
    QString name() const override { return QStringLiteral("efficacy"); }
    QString summary() const override { return QStringLiteral("Send an efficacy update (attack-status) for a mitigation."); }
    void addOptions(QCommandLineParser &parser) const override;
    QString readOptions(const QCommandLineParser &parser) override;
    QCoro::Task<int> run(CommandContext &context) override;

private:
    quint32 m_mid = 0;
    signal::AttackStatus m_status = signal::AttackStatus::UnderAttack;
};

} // namespace dots::cli

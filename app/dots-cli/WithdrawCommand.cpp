// SPDX-License-Identifier: GPL-3.0-or-later
#include "WithdrawCommand.h"

#include "CommandContext.h"
#include "ExitCode.h"

namespace dots::cli {

void WithdrawCommand::addOptions(QCommandLineParser &parser) const
{
    parser.addOption({QStringLiteral("mid"), QStringLiteral("The mitigation to withdraw."), QStringLiteral("N")});
}

QString WithdrawCommand::readOptions(const QCommandLineParser &parser)
{
    QString error;
    const auto mid = parseMid(parser, &error);
    m_mid = mid.value_or(0);
    return error;
}

QCoro::Task<int> WithdrawCommand::run(CommandContext &context)
{
    auto connecting = context.connect();
    if (const int code = co_await connecting; code != Success)
        co_return code;
    const qint64 entry = context.auditSent(store::AuditAction::Withdraw, m_mid, QStringLiteral("withdraw mitigation %1").arg(m_mid));
    auto resultTask = context.channel().withdrawMitigation(m_mid);
    auto result = co_await resultTask;
    if (!result.ok()) {
        context.settleAudit(entry, store::AuditLog::failedOutcome(result.error().toString()));
        co_return context.fail(result.error(), QStringLiteral("the withdrawal of mitigation %1").arg(m_mid));
    }
    context.settleAudit(entry, store::AuditLog::doneOutcome());
    context.out().text(QStringLiteral("mid %1 withdrawn").arg(m_mid));
    context.out().json({{QStringLiteral("command"), name()}, {QStringLiteral("mid"), qint64(m_mid)},
                        {QStringLiteral("withdrawn"), true}});
    co_return Success;
}

} // namespace dots::cli

// SPDX-License-Identifier: GPL-3.0-or-later
#include "EfficacyCommand.h"

#include "CommandContext.h"
#include "ExitCode.h"
#include "StatusFormat.h"

namespace dots::cli {

void EfficacyCommand::addOptions(QCommandLineParser &parser) const
{
    parser.addOptions({
        {QStringLiteral("mid"), QStringLiteral("The mitigation the update is about."), QStringLiteral("N")},
        {QStringLiteral("attack-status"), QStringLiteral("under-attack or attack-successfully-mitigated."),
         QStringLiteral("STATUS")},
    });
}

QString EfficacyCommand::readOptions(const QCommandLineParser &parser)
{
    QString error;
    const auto mid = parseMid(parser, &error);
    if (!mid)
        return error;
    m_mid = *mid;
    if (!parser.isSet(QStringLiteral("attack-status")))
        return QStringLiteral("--attack-status is required (under-attack or attack-successfully-mitigated)");
    const QString text = parser.value(QStringLiteral("attack-status"));
    const auto status = signal::attackStatusFromName(text);
    if (!status)
        return QStringLiteral("--attack-status: \"%1\" is not under-attack or attack-successfully-mitigated").arg(text);
    m_status = *status;
    return {};
}

QCoro::Task<int> EfficacyCommand::run(CommandContext &context)
{
    auto connecting = context.connect();
    if (const int code = co_await connecting; code != Success)
        co_return code;
    const qint64 entry = context.auditSent(
        store::AuditAction::Efficacy, m_mid,
        QStringLiteral("efficacy update for mitigation %1: %2").arg(m_mid).arg(signal::yangName(m_status)),
        {{QStringLiteral("attack-status"), signal::yangName(m_status)}});
    auto resultTask = context.channel().sendEfficacyUpdate(m_mid, m_status);
    auto result = co_await resultTask;
    if (!result.ok()) {
        context.settleAudit(entry, store::AuditLog::failedOutcome(result.error().toString()));
        co_return context.fail(result.error(), QStringLiteral("the efficacy update for mitigation %1").arg(m_mid));
    }
    context.settleAudit(entry, store::AuditLog::doneOutcome());
    if (context.out().isJson()) {
        QJsonObject o = statusJson(result.value());
        o.insert(QStringLiteral("command"), name());
        context.out().json(o);
    } else {
        context.out().text(QStringLiteral("mid %1: attack-status %2 sent").arg(m_mid).arg(signal::yangName(m_status)));
        context.out().text(describeStatus(result.value()));
    }
    co_return Success;
}

} // namespace dots::cli

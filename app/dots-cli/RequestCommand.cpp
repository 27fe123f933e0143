// SPDX-License-Identifier: GPL-3.0-or-later
#include "RequestCommand.h"

#include "signal/TargetText.h"

#include "CommandContext.h"
#include "ExitCode.h"
#include "RequestOptions.h"
#include "StatusFormat.h"

#include <QCoro/QCoroTimer>
#include <QDeadlineTimer>

#include <chrono>

namespace dots::cli {

void RequestCommand::addOptions(QCommandLineParser &parser) const
{
    RequestOptions::addOptions(parser);
}

QString RequestCommand::readOptions(const QCommandLineParser &parser)
{
    m_request = {};
    return RequestOptions::read(parser, m_request).join(QLatin1Char('\n'));
}

// The answer to a PUT carries mid and lifetime only (RFC 9132 section 4.4.1); the status comes
// with the first answer to the Observe the channel sends right after. Waits that long, at most
// kFirstStatusWait, so that what is printed says what the server does with the request.
// Polls the channel: a qCoro() signal awaiter re-armed in a loop is resumed into a destroyed
// frame when the signal comes twice in one pass of the event loop (its connection is queued).
QCoro::Task<signal::MitigationStatus> RequestCommand::firstStatus(signal::SignalChannel &channel,
                                                                  signal::MitigationStatus accepted)
{
    constexpr std::chrono::milliseconds kFirstStatusWait{3000};
    constexpr std::chrono::milliseconds kPoll{25};
    const QDeadlineTimer deadline(kFirstStatusWait);
    while (!deadline.hasExpired()) {
        if (const auto known = channel.mitigation(accepted.mid); known && known->status)
            co_return *known;
        auto pause = QCoro::sleepFor(kPoll);
        co_await pause;
    }
    co_return accepted;
}

QCoro::Task<int> RequestCommand::run(CommandContext &context)
{
    auto connecting = context.connect();
    if (const int code = co_await connecting; code != Success)
        co_return code;
    // The mid is taken (and stored) first, then the request recorded under it, then sent: a
    // process killed while the request is on the wire leaves it in the audit log as sent.
    signal::MitigationRequest request = m_request;
    if (request.mid == 0) {
        QString problem;
        const auto mid = context.channel().reserveMid(&problem);
        if (!mid)
            co_return context.fail(signal::SignalError::make(signal::SignalError::Kind::Invalid,
                                                             QStringLiteral("no mitigation identifier available"), problem),
                                   QStringLiteral("the mitigation request"));
        request.mid = *mid;
    }
    const qint64 entry = context.auditSent(store::AuditAction::Request, request.mid,
                                           QStringLiteral("request mitigation for %1").arg(signal::describeTarget(request.target)),
                                           request.toJson());
    auto resultTask = context.channel().requestMitigation(request);
    auto result = co_await resultTask;
    if (!result.ok()) {
        context.settleAudit(entry, store::AuditLog::failedOutcome(result.error().toString()));
        co_return context.fail(result.error(), QStringLiteral("the mitigation request"));
    }
    context.settleAudit(entry, store::AuditLog::doneOutcome());

    signal::MitigationStatus status = result.value();
    if (!status.status) {
        auto reporting = firstStatus(context.channel(), status);
        status = co_await reporting;
    }
    if (context.out().isJson()) {
        QJsonObject o = statusJson(status);
        o.insert(QStringLiteral("command"), name());
        context.out().json(o);
    } else {
        context.out().text(QStringLiteral("mid %1 accepted").arg(status.mid));
        context.out().text(describeStatus(status));
    }
    co_return Success;
}

} // namespace dots::cli

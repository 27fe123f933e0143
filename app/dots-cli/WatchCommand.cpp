// SPDX-License-Identifier: GPL-3.0-or-later
#include "WatchCommand.h"

#include "CommandContext.h"
#include "ExitCode.h"
#include "StatusFormat.h"

#include <QCoro/QCoroTimer>
#include <QDateTime>
#include <QHash>
#include <QTimer>

#include <chrono>

namespace dots::cli {

void WatchCommand::addOptions(QCommandLineParser &parser) const
{
    parser.addOptions({
        {QStringLiteral("count"), QStringLiteral("Stop after N updates."), QStringLiteral("N")},
        {QStringLiteral("for"), QStringLiteral("Stop after SECONDS."), QStringLiteral("SECONDS")},
        {QStringLiteral("mid"), QStringLiteral("Only updates of this mitigation."), QStringLiteral("N")},
    });
}

QString WatchCommand::readOptions(const QCommandLineParser &parser)
{
    const auto positive = [&parser](const QString &option, int &into) -> QString {
        if (!parser.isSet(option))
            return {};
        bool ok = false;
        into = parser.value(option).toInt(&ok);
        if (!ok || into <= 0)
            return QStringLiteral("--%1: \"%2\" is not a positive number").arg(option, parser.value(option));
        return {};
    };
    if (QString e = positive(QStringLiteral("count"), m_count); !e.isEmpty())
        return e;
    if (QString e = positive(QStringLiteral("for"), m_forSeconds); !e.isEmpty())
        return e;
    if (parser.isSet(QStringLiteral("mid"))) {
        QString error;
        m_mid = parseMid(parser, &error);
        if (!m_mid)
            return error;
    }
    return {};
}

QCoro::Task<int> WatchCommand::run(CommandContext &context)
{
    auto connecting = context.connect();
    if (const int code = co_await connecting; code != Success)
        co_return code;
    signal::SignalChannel &channel = context.channel();
    const Output &out = context.out();

    // One latch for every way to stop: Ctrl-C, --count, --for.
    QTimer stop;
    stop.setSingleShot(true);
    bool stopped = false;
    QObject guard; // disconnects the lambdas below when run() returns
    QObject::connect(&stop, &QTimer::timeout, &guard, [&stopped] { stopped = true; });
    if (m_forSeconds > 0)
        stop.start(m_forSeconds * 1000);
    // The first listing shows the state as it is; only what follows counts as an update.
    bool snapshot = true;
    int updates = 0;
    const auto counted = [&] {
        if (snapshot)
            return;
        ++updates;
        if (m_count > 0 && updates >= m_count)
            stop.start(0);
    };
    const auto now = [] { return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs); };
    // The listing and the first answer to each Observe tell the same state: a status that
    // differs from the one shown only by a lifetime that counted down is not news.
    QHash<quint32, signal::MitigationStatus> shown;
    const auto isNews = [&shown](const signal::MitigationStatus &status) {
        const auto before = shown.constFind(status.mid);
        if (before == shown.constEnd())
            return true;
        signal::MitigationStatus sameLifetime = status;
        sameLifetime.lifetime = before->lifetime;
        const bool countedDown = before->lifetime && status.lifetime && *before->lifetime >= 0
            && *status.lifetime >= 0 && *status.lifetime <= *before->lifetime;
        return !(sameLifetime == *before && (countedDown || status.lifetime == before->lifetime));
    };

    QObject::connect(&context.interrupt(), &Interrupt::triggered, &guard, [&stop] { stop.start(0); });
    QObject::connect(&channel, &signal::SignalChannel::mitigationChanged, &guard,
                     [&](const signal::MitigationStatus &status) {
                         if (m_mid && status.mid != *m_mid)
                             return;
                         if (!isNews(status))
                             return;
                         shown.insert(status.mid, status);
                         out.text(now() + QStringLiteral("  ") + describeStatus(status));
                         QJsonObject o = statusJson(status);
                         o.insert(QStringLiteral("event"), snapshot ? QStringLiteral("current") : QStringLiteral("changed"));
                         o.insert(QStringLiteral("time"), now());
                         out.json(o);
                         counted();
                     });
    QObject::connect(&channel, &signal::SignalChannel::mitigationRemoved, &guard, [&](quint32 mid) {
        if (m_mid && mid != *m_mid)
            return;
        shown.remove(mid);
        out.text(QStringLiteral("%1  mid %2 removed").arg(now()).arg(mid));
        out.json({{QStringLiteral("event"), QStringLiteral("removed")}, {QStringLiteral("mid"), qint64(mid)},
                  {QStringLiteral("time"), now()}});
        counted();
    });
    // Session trouble is news for the operator but not an update; the channel reconnects.
    QObject::connect(&channel, &signal::SignalChannel::stateChanged, &guard,
                     [](signal::SignalChannel::State state, const QString &reason) {
                         if (state == signal::SignalChannel::State::Lost)
                             Output::error(QStringLiteral("session lost: %1").arg(reason));
                         else if (state == signal::SignalChannel::State::Connected)
                             Output::error(QStringLiteral("session up again: %1").arg(reason));
                     });

    auto listedTask = channel.refreshMitigations();
    auto listed = co_await listedTask;
    snapshot = false;
    if (!listed.ok())
        co_return context.fail(listed.error(), QStringLiteral("listing the mitigations"));
    // Polled rather than awaited as a signal: QCoro 0.8's signal awaiter binds QTimer::timeout's
    // QPrivateSignal argument through a null pointer (UBSan aborts dots-cli watch).
    while (!stopped) {
        auto pause = QCoro::sleepFor(std::chrono::milliseconds(100));
        co_await pause;
    }
    co_return Success;
}

} // namespace dots::cli

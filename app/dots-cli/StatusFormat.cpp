// SPDX-License-Identifier: GPL-3.0-or-later
#include "StatusFormat.h"

#include "signal/TargetText.h"

#include <QDateTime>
#include <QJsonArray>
#include <QStringList>

namespace dots::cli {

namespace {

QString counter(std::optional<quint64> value)
{
    return value ? QString::number(*value) : QStringLiteral("-");
}

} // namespace

QString describeStatus(const signal::MitigationStatus &status)
{
    const QString statusName = status.status ? signal::yangName(*status.status) : QStringLiteral("(no status yet)");
    QString line = QStringLiteral("mid %1  %2  lifetime %3  bytes-dropped %4  pkts-dropped %5  bps-dropped %6  pps-dropped %7  target %8")
                       .arg(status.mid)
                       .arg(statusName, signal::describeLifetime(status.lifetime), counter(status.bytesDropped),
                            counter(status.pktsDropped), counter(status.bpsDropped), counter(status.ppsDropped),
                            signal::describeTarget(status.target));
    if (status.attackStatus)
        line += QStringLiteral("  attack-status ") + signal::yangName(*status.attackStatus);
    if (status.conflictInformation)
        line += QStringLiteral("  (conflict reported)");
    return line;
}

QJsonObject statusJson(const signal::MitigationStatus &status)
{
    QJsonObject o = status.toScopeJson();
    if (status.status) {
        o.insert(QStringLiteral("status-label"), signal::label(*status.status));
        o.insert(QStringLiteral("active"), status.isActive());
    }
    return o;
}

QString describeConfig(const signal::ConfigParameters &parameters)
{
    const auto p = parameters.withDefaults();
    return QStringLiteral("heartbeat-interval %1 s, missing-hb-allowed %2, max-retransmit %3, ack-timeout %4 s, ack-random-factor %5")
        .arg(*p.heartbeatInterval.currentValue)
        .arg(*p.missingHbAllowed.currentValue)
        .arg(*p.maxRetransmit.currentValue)
        .arg(p.ackTimeout.currentValue->toString(), p.ackRandomFactor.currentValue->toString());
}

QJsonObject configJson(const signal::ConfigParameters &parameters)
{
    const auto p = parameters.withDefaults();
    return {
        {QStringLiteral("heartbeat-interval"), *p.heartbeatInterval.currentValue},
        {QStringLiteral("missing-hb-allowed"), *p.missingHbAllowed.currentValue},
        {QStringLiteral("max-retransmit"), *p.maxRetransmit.currentValue},
        {QStringLiteral("ack-timeout"), p.ackTimeout.currentValue->toDouble()},
        {QStringLiteral("ack-random-factor"), p.ackRandomFactor.currentValue->toDouble()},
    };
}

QString transportKey(transport::Transport transport)
{
    return transport == transport::Transport::Dtls ? QStringLiteral("dtls") : QStringLiteral("tls");
}

} // namespace dots::cli

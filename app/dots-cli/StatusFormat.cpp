#include "StatusFormat.h"

#include <QDateTime>
#include <QJsonArray>
#include <QStringList>

namespace dots::cli {

namespace {

QString protocolName(quint8 protocol)
{
    switch (protocol) {
    case 0: return QStringLiteral("all");
    case 1: return QStringLiteral("icmp");
    case 6: return QStringLiteral("tcp");
    case 17: return QStringLiteral("udp");
    case 58: return QStringLiteral("ipv6-icmp");
    case 132: return QStringLiteral("sctp");
    default: return QString::number(protocol);
    }
}

QString counter(std::optional<quint64> value)
{
    return value ? QString::number(*value) : QStringLiteral("-");
}

} // namespace

QString describeTarget(const signal::Target &target)
{
    QStringList parts;
    parts << target.prefixes << target.fqdns << target.uris;
    for (const QString &alias : target.aliasNames)
        parts << QStringLiteral("alias:") + alias;
    QStringList ports;
    for (const auto &range : target.portRanges)
        ports << (range.upperPort && *range.upperPort != range.lowerPort
                      ? QStringLiteral("%1-%2").arg(range.lowerPort).arg(*range.upperPort)
                      : QString::number(range.lowerPort));
    if (!ports.isEmpty())
        parts << QStringLiteral("ports ") + ports.join(QLatin1Char(','));
    QStringList protocols;
    for (quint8 p : target.protocols)
        protocols << protocolName(p);
    if (!protocols.isEmpty())
        parts << QStringLiteral("proto ") + protocols.join(QLatin1Char(','));
    return parts.isEmpty() ? QStringLiteral("-") : parts.join(QLatin1Char(' '));
}

QString describeLifetime(std::optional<qint64> lifetime)
{
    if (!lifetime)
        return QStringLiteral("-");
    if (*lifetime == signal::kIndefiniteLifetime)
        return QStringLiteral("indefinite");
    return QStringLiteral("%1 s").arg(*lifetime);
}

QString describeStatus(const signal::MitigationStatus &status)
{
    const QString statusName = status.status ? signal::yangName(*status.status) : QStringLiteral("(no status yet)");
    QString line = QStringLiteral("mid %1  %2  lifetime %3  bytes-dropped %4  pkts-dropped %5  bps-dropped %6  pps-dropped %7  target %8")
                       .arg(status.mid)
                       .arg(statusName, describeLifetime(status.lifetime), counter(status.bytesDropped),
                            counter(status.pktsDropped), counter(status.bpsDropped), counter(status.ppsDropped),
                            describeTarget(status.target));
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

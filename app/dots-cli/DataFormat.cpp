// SPDX-License-Identifier: GPL-3.0-or-later
#include "DataFormat.h"

#include "models/FilterRuleText.h"
#include "models/TrafficUnits.h"
#include "types/IpProtocol.h"
#include "signal/TargetText.h"

#include <chrono>

namespace dots::cli {

namespace {

// pending-lifetime is in minutes, -1 for indefinite (RFC 8783 section 7.2).
QString lifetimeLeft(const std::optional<qint32> &minutes)
{
    if (!minutes)
        return {};
    if (*minutes < 0)
        return QStringLiteral("indefinite");
    return models::formatDuration(std::chrono::minutes(*minutes));
}

QString field(const QString &label, const QString &value)
{
    return QStringLiteral("%1%2").arg(label, -14).arg(value);
}

QString portRangeText(const dots::PortRange &range)
{
    return range.upper() != range.lowerPort ? QStringLiteral("%1-%2").arg(range.lowerPort).arg(range.upper())
                                            : QString::number(range.lowerPort);
}

} // namespace

QString describeAliasLine(const data::Alias &alias)
{
    QString line = QStringLiteral("%1  %2").arg(alias.name, signal::describeTarget(alias.targets));
    if (const QString left = lifetimeLeft(alias.pendingLifetime); !left.isEmpty())
        line += QStringLiteral("  (lifetime left %1)").arg(left);
    return line;
}

QStringList describeAliasDetail(const data::Alias &alias)
{
    const dots::Target &t = alias.targets;
    QStringList lines{field(QStringLiteral("alias"), alias.name)};
    for (const QString &prefix : t.prefixes)
        lines << field(QStringLiteral("prefix"), prefix);
    for (const auto &range : t.portRanges)
        lines << field(QStringLiteral("port-range"), portRangeText(range));
    for (quint8 protocol : t.protocols)
        lines << field(QStringLiteral("protocol"), QStringLiteral("%1 (%2)").arg(dots::protocolName(protocol)).arg(protocol));
    for (const QString &fqdn : t.fqdns)
        lines << field(QStringLiteral("fqdn"), fqdn);
    for (const QString &uri : t.uris)
        lines << field(QStringLiteral("uri"), uri);
    if (const QString left = lifetimeLeft(alias.pendingLifetime); !left.isEmpty())
        lines << field(QStringLiteral("lifetime left"), left);
    return lines;
}

QString describeActivationType(data::ActivationType type)
{
    return QStringLiteral("%1 (%2)").arg(dots::yangName(type), models::describeActivation(type));
}

QStringList describeAclSummary(const data::Acl &acl)
{
    QString head = acl.name;
    if (acl.type)
        head += QStringLiteral("  ") + data::yangName(*acl.type);
    head += QStringLiteral("  ") + describeActivationType(acl.effectiveActivationType());
    if (const QString left = lifetimeLeft(acl.pendingLifetime); !left.isEmpty())
        head += QStringLiteral("  (lifetime left %1)").arg(left);
    QStringList lines{head};
    for (const data::Ace &ace : acl.aces)
        lines << QStringLiteral("  ") + models::describeAce(ace);
    return lines;
}

QStringList describeAclDetail(const data::Acl &acl)
{
    QStringList lines{field(QStringLiteral("acl"), acl.name)};
    if (acl.type)
        lines << field(QStringLiteral("type"), data::yangName(*acl.type));
    lines << field(QStringLiteral("activation"), describeActivationType(acl.effectiveActivationType()));
    if (const QString left = lifetimeLeft(acl.pendingLifetime); !left.isEmpty())
        lines << field(QStringLiteral("lifetime left"), left);
    lines << QStringLiteral("rules");
    for (const data::Ace &ace : acl.aces) {
        QString line = QStringLiteral("  %1: %2").arg(ace.name, models::describeAce(ace));
        QStringList counters;
        if (ace.matchedPackets)
            counters << models::formatPackets(double(*ace.matchedPackets));
        if (ace.matchedOctets)
            counters << models::formatBytes(double(*ace.matchedOctets));
        if (!counters.isEmpty())
            line += QStringLiteral("  (matched %1)").arg(counters.join(QStringLiteral(", ")));
        lines << line;
    }
    return lines;
}

QStringList describeCapabilities(const data::Capabilities &c)
{
    const auto listOrNone = [](const QStringList &items) {
        return items.isEmpty() ? QStringLiteral("(not stated)") : items.join(QStringLiteral(", "));
    };
    QStringList protocols;
    for (quint8 p : c.transportProtocols)
        protocols << QStringLiteral("%1 (%2)").arg(dots::protocolName(p)).arg(p);
    QStringList lines{
        QStringLiteral("address families     %1").arg(listOrNone(c.addressFamilies)),
        QStringLiteral("forwarding actions   %1").arg(listOrNone(c.forwardingActions)),
        QStringLiteral("rate-limit           %1")
            .arg(!c.rateLimit ? QStringLiteral("(not stated)") : *c.rateLimit ? QStringLiteral("yes") : QStringLiteral("no")),
        QStringLiteral("transport protocols  %1").arg(listOrNone(protocols)),
    };
    for (auto it = c.fields.begin(); it != c.fields.end(); ++it) {
        QStringList supported, unsupported;
        for (auto f = it.value().begin(); f != it.value().end(); ++f)
            (f.value() ? supported : unsupported) << f.key();
        QString line = QStringLiteral("%1 fields").arg(it.key(), -4);
        line = QStringLiteral("%1%2").arg(line, -21).arg(listOrNone(supported));
        if (!unsupported.isEmpty())
            line += QStringLiteral("; not: %1").arg(unsupported.join(QStringLiteral(", ")));
        lines << line;
    }
    return lines;
}

} // namespace dots::cli

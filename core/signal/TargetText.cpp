// SPDX-License-Identifier: GPL-3.0-or-later
#include "signal/TargetText.h"

#include "types/IpProtocol.h"
#include "signal/MitigationRequest.h"

#include <QStringList>

namespace dots::signal {

namespace {

// One line stays one line: a server may list thousands of items (laying out such a text
// in a table cell froze the console for a second).
constexpr qsizetype kItemsShown = 8;

QString andMore(qsizetype total)
{
    return total > kItemsShown ? QStringLiteral(" (and %1 more)").arg(total - kItemsShown) : QString();
}

} // namespace

QString describeTarget(const Target &target)
{
    QStringList names;
    names << target.prefixes << target.fqdns << target.uris;
    for (const QString &alias : target.aliasNames) {
        if (names.size() > kItemsShown)
            break;
        names << QStringLiteral("alias:") + alias;
    }
    const qsizetype nameCount = target.prefixes.size() + target.fqdns.size() + target.uris.size() + target.aliasNames.size();
    QStringList parts;
    if (!names.isEmpty())
        parts << names.mid(0, kItemsShown).join(QLatin1Char(' ')) + andMore(nameCount);
    QStringList ports;
    for (const auto &range : target.portRanges.mid(0, kItemsShown))
        ports << (range.upper() != range.lowerPort ? QStringLiteral("%1-%2").arg(range.lowerPort).arg(range.upper())
                                                   : QString::number(range.lowerPort));
    if (!ports.isEmpty())
        parts << QStringLiteral("ports ") + ports.join(QLatin1Char(',')) + andMore(target.portRanges.size());
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
    if (*lifetime == kIndefiniteLifetime)
        return QStringLiteral("indefinite");
    return QStringLiteral("%1 s").arg(*lifetime);
}

} // namespace dots::signal

// SPDX-License-Identifier: GPL-3.0-or-later
#include "signal/TargetText.h"

#include "types/IpProtocol.h"
#include "signal/MitigationRequest.h"

#include <QStringList>

namespace dots::signal {

QString describeTarget(const Target &target)
{
    QStringList parts;
    parts << target.prefixes << target.fqdns << target.uris;
    for (const QString &alias : target.aliasNames)
        parts << QStringLiteral("alias:") + alias;
    QStringList ports;
    for (const auto &range : target.portRanges)
        ports << (range.upper() != range.lowerPort ? QStringLiteral("%1-%2").arg(range.lowerPort).arg(range.upper())
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
    if (*lifetime == kIndefiniteLifetime)
        return QStringLiteral("indefinite");
    return QStringLiteral("%1 s").arg(*lifetime);
}

} // namespace dots::signal

// SPDX-License-Identifier: GPL-3.0-or-later
#include "types/IpProtocol.h"

#include <array>

namespace dots {
namespace {

struct NamedProtocol
{
    quint8 number;
    const char *name;
};

// First entry for a number is its display name; later ones are accepted aliases.
constexpr std::array kProtocols{
    NamedProtocol{6, "tcp"},        NamedProtocol{17, "udp"},     NamedProtocol{1, "icmp"},
    NamedProtocol{58, "ipv6-icmp"}, NamedProtocol{132, "sctp"},   NamedProtocol{0, "all"},
    NamedProtocol{58, "icmpv6"},
};

} // namespace

QString protocolName(quint8 protocol)
{
    for (const auto &p : kProtocols)
        if (p.number == protocol)
            return QLatin1String(p.name);
    return QString::number(protocol);
}

std::optional<quint8> protocolFromText(QStringView text, QString *error)
{
    const QString key = text.trimmed().toString().toLower();
    for (const auto &p : kProtocols)
        if (key == QLatin1String(p.name))
            return p.number;
    bool ok = false;
    const uint number = key.toUInt(&ok);
    if (ok && number <= 255)
        return quint8(number);
    if (error)
        *error = QStringLiteral("\"%1\" is not a protocol name (tcp, udp, icmp, ...) or number 0..255").arg(text);
    return std::nullopt;
}

QStringList commonProtocolNames()
{
    QStringList names;
    for (const auto &p : kProtocols)
        if (protocolName(p.number) == QLatin1String(p.name))
            names << QLatin1String(p.name);
    return names;
}

} // namespace dots

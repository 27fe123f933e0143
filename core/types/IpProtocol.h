// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>
#include <QStringView>

#include <optional>

namespace dots {

// target-protocol carries IANA protocol numbers; analysts think in names.
// "tcp", "udp", "icmp", "ipv6-icmp", "sctp", "all" (0), else the number.
QString protocolName(quint8 protocol);
// A name ("TCP", "icmpv6" ...) or a number 0..255. Sets *error in words when neither.
std::optional<quint8> protocolFromText(QStringView text, QString *error = nullptr);
// The names a form offers, in the order an analyst expects them.
QStringList commonProtocolNames();

} // namespace dots

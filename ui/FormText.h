// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "types/Target.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace dots::ui {

// What analysts type into list fields, read the way the forms need it.

// "a, b; c d": the items, without separators.
QStringList splitList(const QString &text);

struct ParsedPorts
{
    QList<dots::PortRange> ranges;
    QString error; // in words, empty when fine
};
// "80, 443, 8000-8080": single ports or lower-upper ranges.
ParsedPorts parsePorts(const QString &text);
QString portsText(const QList<dots::PortRange> &ranges);

struct ParsedProtocols
{
    QList<quint8> protocols;
    QString error;
};
// "tcp, udp, 47": names or numbers.
ParsedProtocols parseProtocols(const QString &text);
QString protocolsText(const QList<quint8> &protocols);

} // namespace dots::ui

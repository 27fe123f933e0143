// SPDX-License-Identifier: GPL-3.0-or-later
#include "FormText.h"

#include "types/IpProtocol.h"

#include <QObject>
#include <QRegularExpression>

namespace dots::ui {

QStringList splitList(const QString &text)
{
    static const QRegularExpression separators(QStringLiteral("[,;\\s]+"));
    return text.split(separators, Qt::SkipEmptyParts);
}

ParsedPorts parsePorts(const QString &text)
{
    ParsedPorts out;
    for (const QString &item : splitList(text)) {
        const QStringList bounds = item.split(QLatin1Char('-'));
        bool okLower = false, okUpper = true;
        const qint64 lower = bounds.value(0).toLongLong(&okLower);
        std::optional<qint64> upper;
        if (bounds.size() == 2)
            upper = bounds[1].toLongLong(&okUpper);
        if (bounds.size() > 2 || !okLower || !okUpper) {
            out.error = QObject::tr("\"%1\" is not a port or a range like 8000-8080").arg(item);
            return out;
        }
        if (const QString problem = dots::checkTargetPortRange(lower, upper); !problem.isEmpty()) {
            out.error = problem;
            return out;
        }
        dots::PortRange range;
        range.lowerPort = quint16(lower);
        if (upper && *upper != lower)
            range.upperPort = quint16(*upper);
        out.ranges << range;
    }
    return out;
}

QString portsText(const QList<dots::PortRange> &ranges)
{
    QStringList items;
    for (const auto &r : ranges)
        items << (r.upperPort && *r.upperPort != r.lowerPort ? QStringLiteral("%1-%2").arg(r.lowerPort).arg(*r.upperPort)
                                                              : QString::number(r.lowerPort));
    return items.join(QStringLiteral(", "));
}

ParsedProtocols parseProtocols(const QString &text)
{
    ParsedProtocols out;
    for (const QString &item : splitList(text)) {
        QString error;
        const auto p = dots::protocolFromText(item, &error);
        if (!p) {
            out.error = error;
            return out;
        }
        out.protocols << *p;
    }
    return out;
}

QString protocolsText(const QList<quint8> &protocols)
{
    QStringList items;
    for (quint8 p : protocols)
        items << dots::protocolName(p).toUpper();
    return items.join(QStringLiteral(", "));
}

} // namespace dots::ui

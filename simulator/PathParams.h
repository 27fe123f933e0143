// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>

#include <optional>

namespace dots::simulator {

// The Uri-Path parameters after a resource name: cuid=, cdid=, mid=, sid= (RFC 9132) and
// tsid=, tmid= (RFC 9244). Each at most once; numbers are unsigned 32-bit.
struct PathParams {
    std::optional<QString> cuid;
    std::optional<QString> cdid;
    std::optional<quint32> mid;
    std::optional<qint64> sid;
    std::optional<quint32> tsid;
    std::optional<quint32> tmid;
    QString error;

    static PathParams parse(const QStringList &segments)
    {
        PathParams p;
        for (const QString &s : segments) {
            const auto eq = s.indexOf(QLatin1Char('='));
            const QString key = eq < 0 ? s : s.left(eq);
            const QString value = eq < 0 ? QString() : s.mid(eq + 1);
            static const QStringList kKeys{QStringLiteral("cuid"), QStringLiteral("cdid"), QStringLiteral("mid"),
                                           QStringLiteral("sid"), QStringLiteral("tsid"), QStringLiteral("tmid")};
            if (eq < 0 || !kKeys.contains(key)) {
                p.error = QStringLiteral("Uri-Path \"%1\" is not one of cuid=, cdid=, mid=, sid=, tsid=, tmid=").arg(s);
                return p;
            }
            if (value.isEmpty()) {
                p.error = QStringLiteral("Uri-Path parameter %1 has an empty value").arg(key);
                return p;
            }
            const bool duplicate = (key == QLatin1String("cuid") && p.cuid) || (key == QLatin1String("cdid") && p.cdid)
                || (key == QLatin1String("mid") && p.mid) || (key == QLatin1String("sid") && p.sid)
                || (key == QLatin1String("tsid") && p.tsid) || (key == QLatin1String("tmid") && p.tmid);
            if (duplicate) {
                p.error = QStringLiteral("Uri-Path parameter %1 appears twice").arg(key);
                return p;
            }
            if (key == QLatin1String("cuid")) {
                p.cuid = value;
                continue;
            }
            if (key == QLatin1String("cdid")) {
                p.cdid = value;
                continue;
            }
            bool ok = false;
            const qulonglong n = value.toULongLong(&ok);
            if (!ok || n > 0xffffffffULL) {
                p.error = QStringLiteral("Uri-Path %1=%2: not an unsigned 32-bit integer").arg(key, value);
                return p;
            }
            if (key == QLatin1String("mid"))
                p.mid = quint32(n);
            else if (key == QLatin1String("sid"))
                p.sid = qint64(n);
            else if (key == QLatin1String("tsid"))
                p.tsid = quint32(n);
            else
                p.tmid = quint32(n);
        }
        return p;
    }
};

} // namespace dots::simulator

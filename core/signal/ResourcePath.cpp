// SPDX-License-Identifier: GPL-3.0-or-later
#include "signal/ResourcePath.h"

namespace dots::signal::resource {

QStringList root()
{
    return {QStringLiteral(".well-known"), QStringLiteral("dots")};
}

QStringList mitigation(const QString &cuid, std::optional<quint32> mid, const QString &cdid)
{
    QStringList p = root();
    p << QStringLiteral("mitigate");
    if (!cdid.isEmpty())
        p << QStringLiteral("cdid=") + cdid;
    p << QStringLiteral("cuid=") + cuid;
    if (mid)
        p << QStringLiteral("mid=") + QString::number(*mid);
    return p;
}

QStringList config(std::optional<quint32> sid)
{
    QStringList p = root();
    p << QStringLiteral("config");
    if (sid)
        p << QStringLiteral("sid=") + QString::number(*sid);
    return p;
}

QStringList telemetrySetup(const QString &cuid, std::optional<quint32> tsid)
{
    QStringList p = root();
    p << QStringLiteral("tm-setup") << QStringLiteral("cuid=") + cuid;
    if (tsid)
        p << QStringLiteral("tsid=") + QString::number(*tsid);
    return p;
}

QStringList telemetry(const QString &cuid, std::optional<quint32> tmid)
{
    QStringList p = root();
    p << QStringLiteral("tm") << QStringLiteral("cuid=") + cuid;
    if (tmid)
        p << QStringLiteral("tmid=") + QString::number(*tmid);
    return p;
}

QStringList heartbeat()
{
    QStringList p = root();
    p << QStringLiteral("hb");
    return p;
}

QString toPathString(const QStringList &segments)
{
    return QLatin1Char('/') + segments.join(QLatin1Char('/'));
}

} // namespace dots::signal::resource

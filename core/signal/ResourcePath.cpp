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

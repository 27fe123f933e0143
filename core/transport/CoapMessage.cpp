// SPDX-License-Identifier: GPL-3.0-or-later
#include "transport/CoapMessage.h"

namespace dots::transport {

QString methodName(Method method)
{
    switch (method) {
    case Method::Get: return QStringLiteral("GET");
    case Method::Post: return QStringLiteral("POST");
    case Method::Put: return QStringLiteral("PUT");
    case Method::Delete: return QStringLiteral("DELETE");
    case Method::Fetch: return QStringLiteral("FETCH");
    case Method::Patch: return QStringLiteral("PATCH");
    case Method::IPatch: return QStringLiteral("iPATCH");
    }
    return QStringLiteral("?");
}

QString CoapCode::toString(quint8 code)
{
    return QStringLiteral("%1.%2").arg(codeClass(code)).arg(codeDetail(code), 2, 10, QLatin1Char('0'));
}

QStringList CoapRequest::splitPath(const QString &path)
{
    return path.split(QLatin1Char('/'), Qt::SkipEmptyParts);
}

} // namespace dots::transport

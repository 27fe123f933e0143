// SPDX-License-Identifier: GPL-3.0-or-later
#include "transport/RequestHandlers.h"

namespace dots::transport {

void RequestHandlers::set(const QString &pathPrefix, Handler handler)
{
    m_handlers.insert(CoapRequest::splitPath(pathPrefix), std::move(handler));
}

void RequestHandlers::remove(const QString &pathPrefix)
{
    m_handlers.remove(CoapRequest::splitPath(pathPrefix));
}

const RequestHandlers::Handler *RequestHandlers::find(const QStringList &path) const
{
    const Handler *best = nullptr;
    qsizetype bestLength = -1;
    for (auto it = m_handlers.cbegin(); it != m_handlers.cend(); ++it) {
        if (it.key().size() > bestLength && hasPrefix(path, it.key())) {
            best = &it.value();
            bestLength = it.key().size();
        }
    }
    return best;
}

ServerResponse RequestHandlers::dispatch(const ServerRequest &request) const
{
    const Handler *handler = find(request.uriPath);
    return handler ? (*handler)(request) : ServerResponse::withCode(CoapCode::NotFound);
}

bool RequestHandlers::hasPrefix(const QStringList &path, const QStringList &prefix)
{
    if (prefix.size() > path.size())
        return false;
    for (qsizetype i = 0; i < prefix.size(); ++i) {
        if (path[i] != prefix[i])
            return false;
    }
    return true;
}

} // namespace dots::transport

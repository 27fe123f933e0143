// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "transport/ServerRequest.h"
#include "transport/ServerResponse.h"

#include <QMap>
#include <QStringList>

#include <functional>

namespace dots::transport {

// Handlers for requests a peer sends us, by path prefix in whole segments; the longest
// prefix wins and paths without a handler get 4.04. Used by the server for its
// resources and by the client for the few requests a DOTS server sends it.
class RequestHandlers
{
public:
    using Handler = std::function<ServerResponse(const ServerRequest &)>;

    void set(const QString &pathPrefix, Handler handler);
    void remove(const QString &pathPrefix);
    const Handler *find(const QStringList &path) const;
    ServerResponse dispatch(const ServerRequest &request) const;

    static bool hasPrefix(const QStringList &path, const QStringList &prefix);

private:
    QMap<QStringList, Handler> m_handlers;
};

} // namespace dots::transport

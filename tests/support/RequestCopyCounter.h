// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "transport/CoapClient.h"

#include <QHash>
#include <QObject>

namespace dots::test {

// Counts the copies of each request a client puts on the wire, by method and path.
// The signal channel repeats a Non-confirmable request with a fresh token each time,
// so all copies of one logical request share method and path: their number is the
// request's attempts.
class RequestCopyCounter
{
public:
    explicit RequestCopyCounter(transport::CoapClient *client)
    {
        m_connection = QObject::connect(client, &transport::CoapClient::requestStarted, client,
                                        [this](const QByteArray &, const transport::CoapRequest &request) {
                                            ++m_copies[key(request.method, request.path())];
                                        });
    }
    ~RequestCopyCounter() { QObject::disconnect(m_connection); }
    RequestCopyCounter(const RequestCopyCounter &) = delete;
    RequestCopyCounter &operator=(const RequestCopyCounter &) = delete;

    int copies(transport::Method method, const QStringList &uriPath) const
    {
        transport::CoapRequest request;
        request.uriPath = uriPath;
        return m_copies.value(key(method, request.path()));
    }

private:
    static QString key(transport::Method method, const QString &path)
    {
        return transport::methodName(method) + u' ' + path;
    }

    QMetaObject::Connection m_connection;
    QHash<QString, int> m_copies;
};

} // namespace dots::test

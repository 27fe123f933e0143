// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ServerSsl.h"

#include "data/HostMeta.h"
#include "pki/PkiGenerator.h"

#include <QAbstractHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QSet>

// An RFC 8783 server that reads RESTCONF strictly where go-dots and our simulator do not: a list
// without entries is no data resource, so GET on aliases answers 404 and GET on acls 204 without
// a body. It knows dots-client registration and nothing else; each answer is counted by path.
class StrictRestconfServer : public QAbstractHttpServer
{
public:
    explicit StrictRestconfServer(const dots::pki::PkiFiles &files)
    {
        sslSetup(serverSsl(files));
    }

    int registrations = 0;      // POSTs of a dots-client
    QStringList requests;       // "GET /restconf/...", in order

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override
    {
        const QString path = request.url().path();
        const bool get = request.method() == QHttpServerRequest::Method::Get;
        const bool post = request.method() == QHttpServerRequest::Method::Post;
        requests << QStringLiteral("%1 %2").arg(get ? QStringLiteral("GET") : post ? QStringLiteral("POST") : QStringLiteral("OTHER"), path);
        auto responder = makeResponder(request, socket);
        using Status = QHttpServerResponder::StatusCode;
        if (get && path == QLatin1String("/.well-known/host-meta")) {
            responder.write(dots::data::hostMetaDocument(QStringLiteral("/restconf")), "application/xrd+xml", Status::Ok);
        } else if (post && path == QLatin1String("/restconf/data/ietf-dots-data-channel:dots-data")) {
            // The first registration creates the client; later ones find it (RFC 8040 4.4.1).
            if (registrations++ == 0) {
                responder.write(Status::Created);
            } else {
                responder.write(R"({"ietf-restconf:errors":{"error":[{"error-type":"protocol","error-tag":"resource-denied"}]}})",
                                "application/yang-data+json", Status::Conflict);
            }
        } else if (get && path.endsWith(QLatin1String("/aliases"))) {
            responder.write(R"({"ietf-restconf:errors":{"error":[{"error-type":"protocol","error-tag":"invalid-value",)"
                            R"("error-message":"uri keypath not found"}]}})",
                            "application/yang-data+json", Status::NotFound);
        } else if (get && path.endsWith(QLatin1String("/acls"))) {
            responder.write(Status::NoContent);
        } else {
            responder.write(Status::NotFound);
        }
        return true;
    }

    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override
    {
        makeResponder(request, socket).write(QHttpServerResponder::StatusCode::NotFound);
    }
};

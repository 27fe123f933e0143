// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ServerSsl.h"

#include "data/HostMeta.h"
#include "pki/PkiGenerator.h"

#include <QAbstractHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QPointer>
#include <QSslSocket>
#include <QTcpSocket>
#include <QTimer>

// An HTTPS peer that answers host-meta honestly and every RESTCONF request in a way a client
// must survive, written byte by byte on the socket: an answer cut off before its
// Content-Length, one that trickles (a byte every 300 ms, never idle long enough for a transfer
// timeout), one of 200 MiB, and one of the wrong content type.
class HostileRestconfServer : public QAbstractHttpServer
{
public:
    enum class Mode { Truncated, Trickle, Enormous, WrongContentType };

    HostileRestconfServer(const dots::pki::PkiFiles &files, Mode mode) : m_mode(mode)
    {
        sslSetup(serverSsl(files));
    }

    qint64 bytesSent = 0; // of spoiled answers

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override
    {
        if (request.url().path() == QLatin1String("/.well-known/host-meta")) {
            makeResponder(request, socket).write(dots::data::hostMetaDocument(QStringLiteral("/restconf")),
                                                 "application/xrd+xml", QHttpServerResponder::StatusCode::Ok);
            return true;
        }
        const QByteArray json = R"({"ietf-dots-data-channel:capabilities":{"address-family":["ipv4","ipv6"]}})";
        switch (m_mode) {
        case Mode::Truncated:
            send(socket, head("application/yang-data+json", json.size() * 4) + json.left(json.size() / 2));
            socket->disconnectFromHost();
            break;
        case Mode::Trickle: {
            send(socket, head("application/yang-data+json", 100000));
            auto *drip = new QTimer(socket);
            QObject::connect(drip, &QTimer::timeout, socket, [this, socket] { send(socket, " "); });
            drip->start(300);
            break;
        }
        case Mode::Enormous: {
            constexpr qint64 kTotal = 200ll * 1024 * 1024;
            send(socket, head("application/yang-data+json", kTotal) + "{\"pad\":\"");
            // As fast as the client reads, never more than 1 MiB waiting on this side.
            auto *pump = new QTimer(socket);
            QObject::connect(pump, &QTimer::timeout, socket, [this, socket] {
                const auto *ssl = qobject_cast<QSslSocket *>(socket);
                const qint64 queued = socket->bytesToWrite() + (ssl ? ssl->encryptedBytesToWrite() : 0);
                if (queued < 1024 * 1024 && bytesSent < kTotal)
                    send(socket, QByteArray(64 * 1024, 'x'));
            });
            pump->start(1);
            break;
        }
        case Mode::WrongContentType: {
            const QByteArray html = "<html><body>Service temporarily unavailable</body></html>";
            send(socket, head("text/html", html.size()) + html);
            break;
        }
        }
        return true;
    }

    void missingHandler(const QHttpServerRequest &, QTcpSocket *) override {}

private:
    static QByteArray head(const QByteArray &contentType, qint64 length)
    {
        return "HTTP/1.1 200 OK\r\nContent-Type: " + contentType + "\r\nContent-Length: " + QByteArray::number(length)
            + "\r\n\r\n";
    }
    void send(QTcpSocket *socket, const QByteArray &bytes)
    {
        bytesSent += bytes.size();
        socket->write(bytes);
    }

    Mode m_mode;
};

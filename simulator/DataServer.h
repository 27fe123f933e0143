// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "DataCore.h"
#include "transport/PkiConfig.h"

#include <QAbstractHttpServer>
#include <QElapsedTimer>
#include <QJsonObject>

#include <functional>

namespace dots::simulator {

// The wire side of the data channel: HTTPS (Qt HttpServer) that requires a client
// certificate from the configured CA, derives the client's cuid from it (RFC 9132
// section 4.4.1, as the signal channel does) and hands each request to DataCore.
class DataServer : public QAbstractHttpServer
{
    Q_OBJECT
public:
    explicit DataServer(DataCore &core, QObject *parent = nullptr);

    // Server certificate, key and the CA client certificates must chain to. Returns the
    // problem in words, or empty. Call before listen().
    QString setPki(const transport::PkiConfig &pki);
    // Returns the bound port, 0 on failure.
    quint16 listenOn(const QHostAddress &address, quint16 port);
    void setMessageSink(std::function<void(const QJsonObject &)> sink) { m_sink = std::move(sink); }

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    DataCore &m_core;
    QElapsedTimer m_clock;
    qint64 m_epochMs = 0;
    std::function<void(const QJsonObject &)> m_sink;
};

} // namespace dots::simulator

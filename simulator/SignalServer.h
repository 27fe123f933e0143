// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Hostility.h"
#include "ServerCore.h"

#include "transport/CoapServer.h"

#include <QCoro/QCoroTask>
#include <QElapsedTimer>
#include <QHash>
#include <QSet>
#include <QObject>
#include <QTimer>

#include <functional>

namespace dots::simulator {

// The wire side of the simulator: puts ServerCore behind the transport's CoAP server,
// converting CBOR <-> JSON with the codec, deriving each client's cuid from its
// certificate, running the scenario clock and sending Observe notifications.
class SignalServer : public QObject {
    Q_OBJECT
public:
    explicit SignalServer(Scenario scenario, QObject *parent = nullptr);

    void setPki(const transport::PkiConfig &pki) { m_coap.setPki(pki); }
    bool listen(const QHostAddress &address, quint16 port, transport::Transport transport);
    quint16 serverPort(transport::Transport transport) const { return m_coap.serverPort(transport); }
    QString errorString() const { return m_coap.errorString(); }

    // Scenario seconds per wall-clock second.
    void setSpeed(double speed) { m_speed = speed; }
    // Every message received and sent, as one JSON object per call.
    void setMessageSink(std::function<void(const QJsonObject &)> sink) { m_sink = std::move(sink); }

    // --hostile: spoil what the server says (Hostility.h); None is the honest server.
    void setHostility(Hostility mode);
    // --gateway (RFC 8768): Hop-Limit added to what goes to the client, as a gateway that
    // inserted it (16) and forwarded once would send it.
    void setGateway(bool gateway) { m_gateway = gateway; }

    void start();
    void close();
    ServerCore &core() { return m_core; }

private:
    transport::ServerResponse handle(const transport::ServerRequest &request);
    void tick();
    void sendHeartbeats(qint64 wallMs);
    QCoro::Task<> sendHeartbeat(transport::ServerPeer peer, QString cuid, bool peerHbStatus, qint64 intervalMs);
    void publishChanges();
    QString cuidOf(const transport::ServerPeer &peer);
    void print(const char *direction, const transport::ServerRequest &request, const QJsonValue &body,
               const QString &extra, std::optional<quint8> code);

    ServerCore m_core;
    transport::CoapServer m_coap;
    QTimer m_ticker;
    QTimer m_flood; // Hostility::ObserveFlood
    Hostility m_hostility = Hostility::None;
    bool m_gateway = false;
    QElapsedTimer m_clock;
    double m_speed = 1.0;
    bool m_publishQueued = false;
    QHash<quint64, QString> m_cuidByPeer;
    QSet<quint64> m_floodedPeers; // Hostility::InboundFlood: sessions that sent a heartbeat
    std::function<void(const QJsonObject &)> m_sink;
};

} // namespace dots::simulator

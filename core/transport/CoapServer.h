// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "transport/CoapMessage.h"
#include "transport/PkiConfig.h"
#include "transport/RequestHandlers.h"
#include "transport/Result.h"
#include "transport/ServerPeer.h"
#include "transport/ServerRequest.h"
#include "transport/ServerResponse.h"
#include "transport/SessionHandler.h"

#include <QCoro/QCoroTask>
#include <QHash>
#include <QMap>
#include <QObject>

#include <functional>
#include <memory>

struct coap_resource_t;
struct coap_endpoint_t;

namespace dots::transport {

class CoapContext;
struct PendingRequest;
class ResultsInDelivery;

// The server side for the DOTS simulator: coaps and coaps+tcp endpoints with mutual
// certificate authentication, handlers per path prefix (DOTS paths carry cuid=/mid=
// segments, so nothing is registered per resource), and Observe.
//
// Handlers run synchronously while libcoap processes the request: compute the answer
// and return it; do not wait. notify() may be called from a handler.
//
// Observe is kept here, not in libcoap: libcoap cannot observe its "unknown resource"
// (the only one that sees dynamic paths), so a GET with Observe 0 that the handler
// answers with 2.xx registers (session, token, path), and notify() asks the GET handler
// again for each matching observation and sends the result with the next Observe number.
class CoapServer : public QObject, private SessionHandler
{
    Q_OBJECT
public:
    using Handler = RequestHandlers::Handler;

    struct Observation
    {
        quint64 peerId = 0;
        QByteArray token;
        QStringList uriPath;
        QString path() const { return QLatin1Char('/') + uriPath.join(QLatin1Char('/')); }
    };

    explicit CoapServer(QObject *parent = nullptr);
    ~CoapServer() override;

    // Server certificate, key, and the CA client certificates must chain to.
    // Call before listen().
    void setPki(const PkiConfig &pki);
    // Port 0 picks a free port; see serverPort().
    bool listen(const QHostAddress &address, quint16 port, Transport transport);
    quint16 serverPort(Transport transport) const;
    QString errorString() const { return m_error; }
    void close();

    // Requests whose path starts with `pathPrefix` (whole segments) go to `handler`;
    // the longest prefix wins. Paths without a handler get 4.04.
    void setHandler(const QString &pathPrefix, Handler handler);
    void removeHandler(const QString &pathPrefix);

    // Send a notification to every observation whose path starts with `pathPrefix`,
    // built by calling its handler with ServerRequest::isNotification set. A non-2.xx
    // answer ends the observation. Returns the number of observations notified.
    int notify(const QString &pathPrefix, bool confirmable = false);
    // End matching observations with a final response (e.g. 4.04 after DELETE).
    int endObservations(const QString &pathPrefix, const ServerResponse &finalResponse,
                        bool confirmable = false);
    QList<Observation> observations() const;

    // For a server that must misbehave on purpose (dots-simulator --hostile):
    // sends again, to each matching observation, the notification before the last one with its
    // old Observe number, as a datagram delayed in the network arrives late (RFC 7641
    // section 3.4); returns how many were sent.
    int resendPrevious(const QString &pathPrefix);
    // Sends `response` as a Non-confirmable response with a token the client never used.
    bool sendUnsolicited(quint64 peerId, const ServerResponse &response);

    QList<ServerPeer> peers() const;

    // Send a request to a connected client (RFC 9132 section 4.7: the server's heartbeat)
    // and wait for its answer, matched by token. CON or NON as the request says. Resolves
    // with NotConnected if the peer is not connected, SessionLost if its session ends
    // first, Cancelled at once when the server is closed or destroyed (as ClientSession), Timeout after request.timeout (zero: MAX_TRANSMIT_WAIT plus 2 s), Reset if
    // the client answers with RST. The body must fit one PDU (no Block1 here).
    QCoro::Task<Result<CoapResponse>> request(quint64 peerId, CoapRequest request);

signals:
    void peerConnected(const dots::transport::ServerPeer &peer);
    void peerDisconnected(const dots::transport::ServerPeer &peer);
    // A client did not get through the handshake (e.g. certificate from an unknown CA).
    void handshakeFailed(const QHostAddress &address, const QString &reason);
    void observationAdded(const dots::transport::CoapServer::Observation &observation);
    void observationRemoved(const dots::transport::CoapServer::Observation &observation);

private:
    struct Peer;
    struct ObservationState;
    struct Callbacks;
    friend struct Callbacks;

    void onCoapEvent(coap_session_t *session, coap_event_t event) override;
    bool onCoapResponse(coap_session_t *session, const coap_pdu_t *sent,
                        const coap_pdu_t *received, coap_mid_t mid) override;
    void onCoapNack(coap_session_t *session, const coap_pdu_t *sent,
                    coap_nack_reason_t reason, coap_mid_t mid) override;
    void onCoapLog(int level, const QString &message);

    void handleRequest(coap_resource_t *resource, coap_session_t *session,
                       const coap_pdu_t *request, const void *query, coap_pdu_t *response);
    Peer &peerFor(coap_session_t *session);
    coap_session_t *sessionOf(quint64 peerId) const;
    void finish(const std::shared_ptr<PendingRequest> &pending, quint64 peerId, Result<CoapResponse> outcome);
    void failPending(quint64 peerId, const TransportError &error);
    void endAllRequests(const TransportError &error);
    void sessionGone(coap_session_t *session, bool deleted);
    int sendNotifications(const QString &pathPrefix, const ServerResponse *fixed, bool confirmable);
    bool sendNotification(ObservationState &observation, const ServerResponse &answer,
                          std::optional<quint32> observe, bool confirmable);
    void removeObservation(qsizetype index);
    void closeLater(coap_session_t *session);

    std::unique_ptr<CoapContext> m_context;
    coap_resource_t *m_resource = nullptr;
    QList<coap_endpoint_t *> m_endpoints;
    QMap<Transport, quint16> m_ports;
    PkiConfig m_pki;
    bool m_pkiSet = false;
    QString m_error;
    RequestHandlers m_handlers;
    // Our own requests to clients, by (peer id, token).
    QHash<std::pair<quint64, QByteArray>, std::shared_ptr<PendingRequest>> m_pending;
    std::unique_ptr<ResultsInDelivery> m_delivering;
    QHash<coap_session_t *, std::shared_ptr<Peer>> m_peers;
    QList<std::shared_ptr<ObservationState>> m_observations;
    quint64 m_nextPeerId = 1;
    quint32 m_observeSequence = 2;
};

} // namespace dots::transport

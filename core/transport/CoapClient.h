// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "transport/CoapMessage.h"
#include "transport/ConnectOptions.h"
#include "transport/ConnectionInfo.h"
#include "transport/PkiConfig.h"
#include "transport/RequestHandlers.h"
#include "transport/Result.h"
#include "transport/RetransmissionParams.h"
#include "transport/TransportCounters.h"
#include "transport/TransportError.h"

#include <QCoro/QCoroTask>
#include <QObject>
#include <QPointer>

#include <memory>
#include <optional>

struct coap_resource_t;

namespace dots::transport {

class ClientSession;
class CoapContext;
class HappyEyeballs;

// The client facade: one session to one DOTS server at a time, over DTLS or TLS,
// driven by the Qt event loop of the thread that owns it.
//
//   CoapClient client;
//   client.setPki({cert, key, ca, "dots.example.net"});
//   auto up = co_await client.connectToHost("dots.example.net");
//   auto r = co_await client.request({.method = Method::Get, .uriPath = ...});
class CoapClient : public QObject
{
    Q_OBJECT
public:
    explicit CoapClient(QObject *parent = nullptr);
    ~CoapClient() override;

    void setPki(const PkiConfig &pki) { m_pki = pki; }
    PkiConfig pki() const { return m_pki; }
    void setConnectOptions(const ConnectOptions &options) { m_connectOptions = options; }
    ConnectOptions connectOptions() const { return m_connectOptions; }

    // Applies to the current session at once and to later ones (values below 1 s
    // ack-timeout are raised to 1 s: libcoap 4.3.1 would ignore them).
    void setRetransmission(const RetransmissionParams &params);
    RetransmissionParams retransmission() const;
    // Per-request deadline when a request sets none (zero: MAX_TRANSMIT_WAIT + 2 s).
    void setDefaultTimeout(std::chrono::milliseconds timeout);

    // Resolve, race addresses and transports (Happy Eyeballs), keep the winner.
    // An existing session is closed first. Emits connected() on success.
    QCoro::Task<Result<ConnectionInfo>> connectToHost(QString host, quint16 port = DefaultDotsPort);
    void disconnectFromHost();
    bool isConnected() const;
    std::optional<ConnectionInfo> connection() const;

    // Send a request and wait for the response matched by token.
    QCoro::Task<Result<CoapResponse>> request(CoapRequest request);
    // GET + Observe 0. The response's token identifies the observation; later
    // notifications arrive through notificationReceived().
    QCoro::Task<Result<CoapResponse>> observe(CoapRequest request);
    // GET + Observe 1 with the observation's token and path.
    QCoro::Task<Result<CoapResponse>> cancelObservation(QByteArray token);
    QList<QByteArray> observations() const;
    // The request an observation was registered with (to register again after a reconnect).
    CoapRequest observationRequest(const QByteArray &token) const;

    // Requests the server sends us (RFC 9132 section 4.7: its heartbeats) whose path
    // starts with `pathPrefix` (whole segments, longest wins) go to `handler`; others get
    // 4.04. Handlers stay across reconnects. Like CoapServer's, they run while libcoap
    // processes the request: return the answer at once and do not call into this client
    // (defer anything else to the event loop). ServerRequest::peer has no id or certificate.
    void setRequestHandler(const QString &pathPrefix, RequestHandlers::Handler handler);
    void removeRequestHandler(const QString &pathPrefix);

    TransportCounters counters() const { return m_counters; }
    CoapContext *context() const { return m_context.get(); }

signals:
    void connected(const dots::transport::ConnectionInfo &info);
    // The established session ended (server gone, TLS alert, local disconnect).
    // Observations are gone with it: register them again after connected().
    void disconnected(const dots::transport::TransportError &reason);
    void notificationReceived(const QByteArray &token, const dots::transport::CoapResponse &response);
    // An observation is over (server error code, or the session ended). `request` is
    // what it was registered with: observe(request) again after connected().
    void observationEnded(const QByteArray &token, const dots::transport::CoapRequest &request,
                          const dots::transport::TransportError &reason);
    void attemptFailed(const QHostAddress &address, dots::transport::Transport transport,
                       const dots::transport::TransportError &error);
    // Timing hooks (e.g. for RTT in a status bar).
    void requestStarted(const QByteArray &token, const dots::transport::CoapRequest &request);
    void requestFinished(const QByteArray &token, std::chrono::microseconds elapsed, bool answered);

private:
    struct Callbacks;
    friend struct Callbacks;

    void adopt(ClientSession *session);
    void dropSession(const TransportError &reason = TransportError::sessionClosed());

    std::unique_ptr<CoapContext> m_context;
    coap_resource_t *m_resource = nullptr; // the context's "unknown resource": every path
    RequestHandlers m_requestHandlers;
    PkiConfig m_pki;
    ConnectOptions m_connectOptions;
    std::optional<RetransmissionParams> m_retransmission;
    std::chrono::milliseconds m_defaultTimeout{0};
    ClientSession *m_session = nullptr;
    QPointer<HappyEyeballs> m_connecting;
    TransportCounters m_counters;
};

} // namespace dots::transport

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "transport/CoapMessage.h"
#include "transport/ConnectionInfo.h"
#include "transport/ObserveOrder.h"
#include "transport/PkiConfig.h"
#include "transport/Result.h"
#include "transport/RetransmissionParams.h"
#include "transport/SessionHandler.h"
#include "transport/TransportError.h"

#include <QCoro/QCoroTask>
#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QTimer>

#include <memory>

namespace dots::transport {

class CoapContext;
struct PendingRequest;
class ResultsInDelivery;

// One libcoap client session to one address over one transport: handshake with
// certificate and name checks, requests matched by token, Observe notifications.
// Use CoapClient unless you need to drive a single attempt yourself.
class ClientSession : public QObject, private SessionHandler
{
    Q_OBJECT
public:
    enum class State { Idle, Handshaking, Established, Failed, Closed };
    Q_ENUM(State)

    ClientSession(CoapContext *context, const QHostAddress &address, quint16 port,
                  Transport transport, const PkiConfig &pki, QObject *parent = nullptr);
    ~ClientSession() override;

    // Begin the (D)TLS handshake; established() or failed() follows.
    void start(std::chrono::milliseconds handshakeTimeout = std::chrono::seconds(10));
    // Release the libcoap session. Every request still waiting, and every result not yet
    // taken by its waiter, ends at once with TransportError::sessionClosed() (so does the
    // destructor): a coroutine that resumes after this session, or its owner, is gone
    // sees that error, never a response. Waiters always resume from the event loop.
    // `reason` says why instead, e.g. a new handshake replacing this session.
    void close();
    void close(const TransportError &reason);

    State state() const { return m_state; }
    Transport transport() const { return m_info.transport; }
    const ConnectionInfo &info() const { return m_info; }
    void setHostLabel(const QString &host) { m_info.host = host; }
    TransportError lastError() const { return m_error; }

    void setRetransmission(const RetransmissionParams &params);
    RetransmissionParams retransmission() const { return m_retransmission; }
    // Deadline for requests that set none; zero: MAX_TRANSMIT_WAIT plus a margin.
    void setDefaultTimeout(std::chrono::milliseconds timeout) { m_defaultTimeout = timeout; }

    QCoro::Task<Result<CoapResponse>> request(CoapRequest request);
    // GET with Observe=1 on the same token and path (coap_cancel_observe).
    QCoro::Task<Result<CoapResponse>> cancelObservation(QByteArray token);
    bool isObserving(const QByteArray &token) const { return m_observations.contains(token); }
    QList<QByteArray> observationTokens() const { return m_observations.keys(); }
    CoapRequest observationRequest(const QByteArray &token) const { return m_observations.value(token); }

signals:
    void established();
    void failed(const dots::transport::TransportError &error);  // never got established
    void closed(const dots::transport::TransportError &reason); // was established
    void notification(const QByteArray &token, const dots::transport::CoapResponse &response);
    // The server ended an observation (error code) or the session went away; `request`
    // is what it was registered with, to register again on the next session.
    void observationEnded(const QByteArray &token, const dots::transport::CoapRequest &request,
                          const dots::transport::TransportError &reason);
    void requestStarted(const QByteArray &token, const dots::transport::CoapRequest &request);
    void requestFinished(const QByteArray &token, std::chrono::microseconds elapsed, bool answered);

private:
    void onCoapEvent(coap_session_t *session, coap_event_t event) override;
    bool onCoapResponse(coap_session_t *session, const coap_pdu_t *sent,
                        const coap_pdu_t *received, coap_mid_t mid) override;
    void onCoapNack(coap_session_t *session, const coap_pdu_t *sent,
                    coap_nack_reason_t reason, coap_mid_t mid) override;
    bool onPeerCertificate(coap_session_t *session, const QByteArray &der, unsigned depth,
                           bool chainValid) override;
    void onCoapLog(int level, const QString &message);

    void becomeEstablished();
    void fail(const TransportError &error);
    void lose(const TransportError &error);
    TransportError classifyTlsFailure() const;
    TransportError classifyClose(coap_event_t event) const;
    void releaseSession();
    void finish(const std::shared_ptr<PendingRequest> &pending, Result<CoapResponse> outcome);
    void failAllPending(const TransportError &error);
    void endAllRequests(const TransportError &error);
    void applyRetransmission();
    void noticeResetOfNonConfirmable(const QString &message);
    std::chrono::milliseconds timeoutFor(const CoapRequest &request) const;

    QPointer<CoapContext> m_context;
    coap_session_t *m_session = nullptr;
    PkiConfig m_pki;
    State m_state = State::Idle;
    ConnectionInfo m_info;
    TransportError m_error;
    RetransmissionParams m_retransmission;
    bool m_retransmissionSet = false;
    std::chrono::milliseconds m_defaultTimeout{0};
    QTimer m_handshakeTimer;
    QElapsedTimer m_handshakeClock;

    // Diagnostics gathered while libcoap runs, read when a failure is classified.
    TransportError m_certificateError; // from our own checks in the verify callback
    QString m_alertReceived;           // "unknown CA", "certificate required"...
    QString m_icmpError;
    QString m_lastWarning;
    bool m_tlsConnected = false;

    QHash<QByteArray, std::shared_ptr<PendingRequest>> m_pending;
    std::unique_ptr<ResultsInDelivery> m_delivering;
    QHash<int, QByteArray> m_tokenByMid;
    QHash<QByteArray, CoapRequest> m_observations;
    ObserveOrder m_observeOrder; // over DTLS only: TLS delivers in order
};

} // namespace dots::transport

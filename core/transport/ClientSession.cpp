// SPDX-License-Identifier: GPL-3.0-or-later
#include "transport/ClientSession.h"

#include "transport/CoapAddress.h"
#include "transport/CoapContext.h"
#include "transport/CoapPdu.h"
#include "transport/PeerCertificate.h"
#include "transport/PendingRequest.h"
#include "transport/SecurityProfile.h"

#include <QLoggingCategory>

#include <coap3/coap.h>
#include <openssl/ssl.h>

// Exported by libcoap 4.3.1 (VER_3) but declared only in its internal headers.
extern "C" void coap_session_disconnected(coap_session_t *session, coap_nack_reason_t reason);
#include <openssl/x509_vfy.h>

Q_LOGGING_CATEGORY(lcSession, "dots.transport.session", QtWarningMsg)

namespace dots::transport {

using Kind = TransportError::Kind;

namespace {

coap_fixed_point_t toFixedPoint(double value)
{
    const auto thousandths = static_cast<long long>(value * 1000.0 + 0.5);
    return coap_fixed_point_t{uint16_t(thousandths / 1000), uint16_t(thousandths % 1000)};
}

// TLS alerts a server sends when it does not accept the client's certificate.
bool isClientCertificateAlert(const QString &alert)
{
    static const char *const alerts[] = {
        "unknown CA", "bad certificate", "certificate unknown", "certificate required",
        "unsupported certificate", "access denied", "certificate revoked", "certificate expired",
        "decrypt error",
    };
    for (const char *a : alerts) {
        if (alert.contains(QLatin1String(a), Qt::CaseInsensitive))
            return true;
    }
    return false;
}

QString eventName(coap_event_t event)
{
    switch (event) {
    case COAP_EVENT_DTLS_CLOSED: return QStringLiteral("DTLS_CLOSED");
    case COAP_EVENT_DTLS_CONNECTED: return QStringLiteral("DTLS_CONNECTED");
    case COAP_EVENT_DTLS_RENEGOTIATE: return QStringLiteral("DTLS_RENEGOTIATE");
    case COAP_EVENT_DTLS_ERROR: return QStringLiteral("DTLS_ERROR");
    case COAP_EVENT_TCP_CONNECTED: return QStringLiteral("TCP_CONNECTED");
    case COAP_EVENT_TCP_CLOSED: return QStringLiteral("TCP_CLOSED");
    case COAP_EVENT_TCP_FAILED: return QStringLiteral("TCP_FAILED");
    case COAP_EVENT_SESSION_CONNECTED: return QStringLiteral("SESSION_CONNECTED");
    case COAP_EVENT_SESSION_CLOSED: return QStringLiteral("SESSION_CLOSED");
    case COAP_EVENT_SESSION_FAILED: return QStringLiteral("SESSION_FAILED");
    default: return QStringLiteral("event 0x%1").arg(int(event), 0, 16);
    }
}

} // namespace

ClientSession::ClientSession(CoapContext *context, const QHostAddress &address, quint16 port,
                             Transport transport, const PkiConfig &pki, QObject *parent)
    : QObject(parent), m_context(context), m_pki(pki), m_delivering(std::make_unique<ResultsInDelivery>())
{
    m_info.host = address.toString();
    m_info.address = address;
    m_info.port = port;
    m_info.transport = transport;
    m_info.peerName = pki.peerName.isEmpty() ? address.toString() : pki.peerName;
    m_handshakeTimer.setSingleShot(true);
    connect(&m_handshakeTimer, &QTimer::timeout, this, [this, transport] {
        fail(TransportError::make(Kind::HandshakeTimeout, {},
                                  TransportError::tr("no %1 handshake with %2 within %3 ms")
                                      .arg(transport == Transport::Dtls ? QStringLiteral("DTLS")
                                                                        : QStringLiteral("TLS"),
                                           m_info.describe())
                                      .arg(m_handshakeTimer.interval())));
    });
    connect(context, &CoapContext::coapLog, this, &ClientSession::onCoapLog);
}

ClientSession::~ClientSession()
{
    endAllRequests(TransportError::sessionClosed());
    releaseSession();
}

void ClientSession::start(std::chrono::milliseconds handshakeTimeout)
{
    if (m_state != State::Idle || !m_context)
        return;
    m_state = State::Handshaking;
    m_handshakeClock.start();

    if (const QString problem = m_pki.problem(); !problem.isEmpty()) {
        m_context->post([self = QPointer(this), problem] {
            if (self)
                self->fail(TransportError::make(Kind::InvalidConfiguration, problem));
        });
        return;
    }

    // SNI only for names (RFC 6066 forbids literals); the check below is what matters.
    const bool nameIsLiteral = !QHostAddress(m_info.peerName).isNull();
    coap_dtls_pki_t *setup =
        m_context->makePkiSetup(m_pki, true, nameIsLiteral ? QString() : m_info.peerName);
    const coap_address_t server = CoapAddress::make(m_info.address, m_info.port);
    const coap_proto_t proto = m_info.transport == Transport::Dtls ? COAP_PROTO_DTLS : COAP_PROTO_TLS;

    m_session = coap_new_client_session_pki(m_context->raw(), nullptr, &server, proto, setup);
    if (!m_session) {
        m_context->post([self = QPointer(this), this] {
            if (self)
                fail(TransportError::make(
                    Kind::InvalidConfiguration,
                    TransportError::tr("could not start a secure session (certificate or key not usable)"),
                    m_lastWarning));
        });
        return;
    }
    coap_session_set_app_data(m_session, static_cast<SessionHandler *>(this));
    applyRetransmission();
    m_handshakeTimer.start(handshakeTimeout);
    m_context->scheduleProcess(); // arms libcoap's handshake retransmission timer
}

void ClientSession::close()
{
    close(TransportError::sessionClosed());
}

void ClientSession::close(const TransportError &reason)
{
    if (m_state == State::Failed || m_state == State::Closed) {
        endAllRequests(reason);
        releaseSession();
        return;
    }
    const bool wasEstablished = m_state == State::Established;
    m_state = State::Closed;
    m_handshakeTimer.stop();
    endAllRequests(reason);
    releaseSession();
    if (m_context)
        m_context->scheduleProcess();
    if (wasEstablished)
        emit closed(reason);
}

void ClientSession::setRetransmission(const RetransmissionParams &params)
{
    m_retransmission = params.bounded();
    m_retransmissionSet = true;
    applyRetransmission();
}

void ClientSession::applyRetransmission()
{
    if (!m_session)
        return;
    if (!m_retransmissionSet) {
        // Keep libcoap's defaults but remember them for timeoutFor().
        m_retransmission.maxRetransmit = coap_session_get_max_retransmit(m_session);
        const coap_fixed_point_t ack = coap_session_get_ack_timeout(m_session);
        m_retransmission.ackTimeout =
            std::chrono::milliseconds(ack.integer_part * 1000 + ack.fractional_part);
        const coap_fixed_point_t rnd = coap_session_get_ack_random_factor(m_session);
        m_retransmission.ackRandomFactor = rnd.integer_part + rnd.fractional_part / 1000.0;
        return;
    }
    coap_session_set_max_retransmit(m_session, uint16_t(m_retransmission.maxRetransmit));
    coap_session_set_ack_timeout(m_session,
                                 toFixedPoint(double(m_retransmission.ackTimeout.count()) / 1000.0));
    coap_session_set_ack_random_factor(m_session, toFixedPoint(m_retransmission.ackRandomFactor));
}

std::chrono::milliseconds ClientSession::timeoutFor(const CoapRequest &request) const
{
    if (request.timeout.count() > 0)
        return request.timeout;
    if (m_defaultTimeout.count() > 0)
        return m_defaultTimeout;
    // libcoap gives up a CON after MAX_TRANSMIT_WAIT; over TLS and for NON nothing
    // retransmits, so this deadline is what ends the wait.
    return m_retransmission.maxTransmitWait() + std::chrono::seconds(2);
}

QCoro::Task<Result<CoapResponse>> ClientSession::request(CoapRequest request)
{
    if (m_state != State::Established || !m_session || !m_context)
        co_return TransportError::make(Kind::NotConnected);

    QByteArray token;
    QString buildError;
    coap_pdu_t *pdu = CoapPdu::request(m_session, request, true, &token, &buildError);
    if (!pdu)
        co_return TransportError::make(Kind::InvalidRequest, buildError);

    auto pending = std::make_shared<PendingRequest>();
    pending->token = token;
    pending->request = request;
    pending->elapsed.start();
    pending->deadline = std::make_unique<QTimer>();
    pending->deadline->setSingleShot(true);
    const auto deadline = timeoutFor(request);
    QObject::connect(pending->deadline.get(), &QTimer::timeout, this,
                     [this, weak = std::weak_ptr<PendingRequest>(pending), deadline] {
                         if (auto p = weak.lock())
                             finish(p, TransportError::make(
                                           Kind::Timeout, {},
                                           QStringLiteral("no response within %1 ms").arg(deadline.count())));
                     });
    m_pending.insert(token, pending);
    emit requestStarted(token, request);

    const coap_mid_t mid = coap_send(m_session, pdu); // takes the PDU, even on failure
    if (mid == COAP_INVALID_MID) {
        finish(pending, TransportError::make(Kind::SessionLost, QStringLiteral("request could not be sent")));
    } else {
        pending->mid = mid;
        m_tokenByMid.insert(mid, token);
        if (!pending->result)
            pending->deadline->start(deadline);
    }
    m_context->scheduleProcess();

    // Nothing of `this` is touched after this point: the session may be gone by then.
    Result<CoapResponse> outcome = co_await PendingRequest::Awaiter{pending.get()};
    co_return outcome;
}

QCoro::Task<Result<CoapResponse>> ClientSession::cancelObservation(QByteArray token)
{
    if (!m_observations.contains(token))
        co_return TransportError::make(Kind::InvalidRequest, QStringLiteral("no such observation"));
    if (m_state != State::Established || !m_session) {
        m_observations.remove(token);
        m_observeOrder.forget(token);
        co_return TransportError::make(Kind::NotConnected);
    }
    CoapRequest request = m_observations.take(token);
    m_observeOrder.forget(token);
    auto pending = std::make_shared<PendingRequest>();
    pending->token = token;
    request.observe = ObserveAction::Deregister;
    pending->request = request;
    pending->elapsed.start();
    pending->deadline = std::make_unique<QTimer>();
    pending->deadline->setSingleShot(true);
    QObject::connect(pending->deadline.get(), &QTimer::timeout, this,
                     [this, weak = std::weak_ptr<PendingRequest>(pending)] {
                         if (auto p = weak.lock())
                             finish(p, TransportError::make(Kind::Timeout));
                     });
    m_pending.insert(token, pending);

    // libcoap knows the original request (path, token) and builds the GET Observe=1.
    coap_binary_t binToken{size_t(token.size()),
                           reinterpret_cast<uint8_t *>(const_cast<char *>(token.constData()))};
    const coap_pdu_type_t type = request.confirmable ? COAP_MESSAGE_CON : COAP_MESSAGE_NON;
    if (!coap_cancel_observe(m_session, &binToken, type)) {
        finish(pending, TransportError::make(Kind::InvalidRequest,
                                             QStringLiteral("libcoap does not track this observation")));
    } else {
        pending->deadline->start(timeoutFor(request));
    }
    m_context->scheduleProcess();
    Result<CoapResponse> outcome = co_await PendingRequest::Awaiter{pending.get()};
    co_return outcome;
}

void ClientSession::finish(const std::shared_ptr<PendingRequest> &pending, Result<CoapResponse> outcome)
{
    if (pending->result)
        return;
    m_pending.remove(pending->token);
    if (pending->mid >= 0)
        m_tokenByMid.remove(pending->mid);
    const bool answered = outcome.ok();
    if (answered && pending->request.observe == ObserveAction::Register && outcome.value().isSuccess())
        m_observations.insert(pending->token, pending->request);
    const auto elapsed = std::chrono::microseconds(pending->elapsed.nsecsElapsed() / 1000);
    pending->complete(std::move(outcome));
    m_delivering->add(pending);
    emit requestFinished(pending->token, elapsed, answered);
}

void ClientSession::failAllPending(const TransportError &error)
{
    const auto pending = m_pending.values();
    for (const auto &p : pending)
        finish(p, error);
    const auto observations = std::exchange(m_observations, {});
    m_observeOrder.clear();
    for (auto it = observations.cbegin(); it != observations.cend(); ++it)
        emit observationEnded(it.key(), it.value(), error);
}

// Closing on our side: nothing of this session reaches a waiter any more but `error`.
void ClientSession::endAllRequests(const TransportError &error)
{
    failAllPending(error);
    m_delivering->withdrawAll(error);
}

void ClientSession::releaseSession()
{
    if (!m_session)
        return;
    coap_session_t *session = std::exchange(m_session, nullptr);
    coap_session_set_app_data(session, nullptr);
    // libcoap 4.3.1 keeps a CON that met an ICMP error queued on the dead session; its next
    // retransmission starts a new handshake and frees the session while still using it.
    // Disconnecting first drops every queued message (and their references) and ends the
    // (D)TLS session, which ends the server's observations too: no NON cancellations from a
    // session in that state, they would start a handshake of their own.
    coap_session_set_no_observe_cancel(session);
    coap_session_disconnected(session, COAP_NACK_NOT_DELIVERABLE);
    coap_session_release(session);
}

// ---- libcoap callbacks: record, then act through post() once libcoap has returned ----

void ClientSession::onCoapEvent(coap_session_t *session, coap_event_t event)
{
    if (session != m_session)
        return;
    qCDebug(lcSession) << m_info.describe() << eventName(event);
    QPointer<ClientSession> self(this);
    switch (event) {
    case COAP_EVENT_DTLS_CONNECTED: {
        m_tlsConnected = true;
        m_info.serverCertificate = PeerCertificate::fromSession(session);
        m_info.security = SecurityProfile::negotiated(session);
        // The verify callback normally rejected a wrong name already; check again here
        // in case it was not consulted (e.g. a resumed session).
        if (!PeerCertificate::matchesName(m_info.serverCertificate, m_info.peerName)) {
            TransportError error = TransportError::make(
                Kind::ServerNameMismatch,
                TransportError::tr("server certificate is for %1, not %2")
                    .arg(PeerCertificate::names(m_info.serverCertificate).join(QStringLiteral(", ")),
                         m_info.peerName));
            m_context->post([self, error] {
                if (self)
                    self->fail(error);
            });
        } else if (const QString weak = SecurityProfile::weakness(session); !weak.isEmpty()) {
            // Refused before any DOTS message goes over it.
            const TransportError error = TransportError::make(Kind::WeakSecurity, {}, weak);
            m_context->post([self, error] {
                if (self)
                    self->fail(error);
            });
        } else if (m_info.transport == Transport::Dtls) {
            // DTLS has no CSM exchange: the handshake is the session.
            m_context->post([self] {
                if (self)
                    self->becomeEstablished();
            });
        }
        break;
    }
    case COAP_EVENT_SESSION_CONNECTED: // TLS: CSM exchanged, the server accepted us
        m_context->post([self] {
            if (self)
                self->becomeEstablished();
        });
        break;
    case COAP_EVENT_DTLS_ERROR: {
        // libcoap frees the SSL right after this event: read the verify result now.
        const TransportError error = classifyTlsFailure();
        m_context->post([self, error] {
            if (!self)
                return;
            if (self->m_state == State::Established)
                self->lose(error);
            else
                self->fail(error);
        });
        break;
    }
    case COAP_EVENT_DTLS_CLOSED:
    case COAP_EVENT_TCP_CLOSED:
    case COAP_EVENT_TCP_FAILED:
    case COAP_EVENT_SESSION_CLOSED:
    case COAP_EVENT_SESSION_FAILED: {
        const TransportError error = classifyClose(event);
        m_context->post([self, error] {
            if (!self)
                return;
            if (self->m_state == State::Established)
                self->lose(error);
            else
                self->fail(error);
        });
        break;
    }
    default:
        break;
    }
}

bool ClientSession::onCoapResponse(coap_session_t *session, const coap_pdu_t *sent,
                                   const coap_pdu_t *received, coap_mid_t mid)
{
    (void)mid;
    if (session != m_session)
        return false;
    if (sent && coap_pdu_get_type(sent) == COAP_MESSAGE_CON && coap_pdu_get_type(received) == COAP_MESSAGE_NON
        && coap_pdu_get_mid(received) == coap_pdu_get_mid(sent)) {
        // A NON answer that reuses our CON's message ID (the reference server sends those):
        // libcoap 4.3.1 takes the CON off its retransmission queue by that ID but never ends
        // its count of outstanding CONs, so with NSTART=1 every later CON would wait behind
        // it for good. Allow one more outstanding CON for each such answer, which keeps the
        // number really in flight at NSTART.
        coap_session_set_nstart(session, coap_session_get_nstart(session) + 1);
    }
    CoapResponse response = CoapPdu::response(received);
    const QByteArray token = response.token;
    const bool known = m_pending.contains(token) || m_observations.contains(token);
    if (!known)
        return false; // e.g. a notification for an observation we dropped: RST it
    const auto waiting = m_pending.value(token);
    const bool observing = m_observations.contains(token) || (waiting && waiting->request.observe == ObserveAction::Register);
    if (observing && response.observe && m_info.transport == Transport::Dtls
        && !m_observeOrder.isFresh(token, *response.observe)) {
        qCInfo(lcSession) << "notification with Observe" << *response.observe
                          << "is older than one already applied: ignored";
        return true; // acknowledged if Confirmable, never applied
    }

    m_context->post([self = QPointer(this), response = std::move(response)]() mutable {
        if (!self)
            return;
        // Matched by token only: a CON request may be answered by a NON response, and
        // the first answer to an Observe GET may lack the Observe option.
        if (auto pending = self->m_pending.value(response.token)) {
            self->finish(pending, std::move(response));
            return;
        }
        if (self->m_observations.contains(response.token)) {
            if (!response.isSuccess()) {
                const CoapRequest request = self->m_observations.take(response.token);
                self->m_observeOrder.forget(response.token);
                emit self->observationEnded(
                    response.token, request,
                    TransportError::make(Kind::None,
                                         QStringLiteral("server ended the observation with %1")
                                             .arg(response.codeString())));
            }
            emit self->notification(response.token, response);
        }
    });
    return true;
}

void ClientSession::onCoapNack(coap_session_t *session, const coap_pdu_t *sent,
                               coap_nack_reason_t reason, coap_mid_t mid)
{
    if (session != m_session)
        return;
    QByteArray token = sent ? CoapPdu::token(sent) : m_tokenByMid.value(mid);
    if (token.isEmpty() && m_tokenByMid.contains(mid))
        token = m_tokenByMid.value(mid);
    TransportError error;
    switch (reason) {
    case COAP_NACK_TOO_MANY_RETRIES:
        error = TransportError::make(Kind::Timeout, {},
                                     QStringLiteral("no acknowledgement after %1 retransmissions")
                                         .arg(m_retransmission.maxRetransmit));
        break;
    case COAP_NACK_RST:
        error = TransportError::make(Kind::Reset);
        break;
    case COAP_NACK_ICMP_ISSUE:
        return; // libcoap keeps retransmitting; the retries or the deadline decide
    case COAP_NACK_TLS_FAILED:
    case COAP_NACK_NOT_DELIVERABLE:
    default:
        error = TransportError::make(Kind::SessionLost, {},
                                     reason == COAP_NACK_TLS_FAILED ? QStringLiteral("secure session failed")
                                                                    : QStringLiteral("not deliverable"));
        break;
    }
    m_context->post([self = QPointer(this), token, error] {
        if (!self)
            return;
        if (auto pending = self->m_pending.value(token))
            self->finish(pending, error);
    });
}

// libcoap 4.3.1 calls no NACK handler for a Reset to a Non-confirmable message; it only logs
// "got RST for mid=0x1a2b" (without a session tag). Such a request is over: the server will not
// answer it, so it ends now rather than at its deadline.
void ClientSession::noticeResetOfNonConfirmable(const QString &message)
{
    static const QLatin1String gotRst("got RST for mid=0x");
    const qsizetype at = message.indexOf(gotRst);
    if (at < 0)
        return;
    bool ok = false;
    const int mid = message.mid(at + gotRst.size()).section(QLatin1Char(' '), 0, 0).trimmed().toInt(&ok, 16);
    if (!ok || !m_tokenByMid.contains(mid))
        return;
    const auto pending = m_pending.value(m_tokenByMid.value(mid));
    if (pending && !pending->request.confirmable)
        onCoapNack(m_session, nullptr, COAP_NACK_RST, coap_mid_t(mid));
}

bool ClientSession::onPeerCertificate(coap_session_t *session, const QByteArray &der,
                                      unsigned depth, bool chainValid)
{
    if (session != m_session || depth != 0 || !chainValid)
        return true;
    if (PeerCertificate::matchesName(der, m_info.peerName))
        return true;
    // Reject in the handshake itself: no byte of DOTS data reaches a wrong server.
    m_certificateError = TransportError::make(
        Kind::ServerNameMismatch,
        TransportError::tr("server certificate is for %1, not %2")
            .arg(PeerCertificate::names(der).join(QStringLiteral(", ")), m_info.peerName));
    return false;
}

void ClientSession::onCoapLog(int level, const QString &message)
{
    if (!m_session || (m_state != State::Handshaking && m_state != State::Established))
        return;
    if (level > LOG_WARNING)
        return;
    if (m_state == State::Established)
        noticeResetOfNonConfirmable(message);
    // libcoap prefixes session messages with coap_session_str(); others (socket
    // errors during connect) carry no tag and are kept only while connecting.
    const QString tag = CoapContext::sessionTag(m_session);
    const bool mine = message.contains(tag);
    if (!mine) {
        if (m_state == State::Handshaking && m_info.transport == Transport::Tls
            && message.contains(QLatin1String("connect")))
            m_lastWarning = message;
        return;
    }
    m_lastWarning = message;
    static const QLatin1String alertRead("SSL3 alert read:fatal:");
    if (const qsizetype at = message.indexOf(alertRead); at >= 0)
        m_alertReceived = message.mid(at + alertRead.size()).trimmed();
    if (message.contains(QLatin1String("ICMP"))) {
        // libcoap ignores ICMP errors on a connected UDP socket; during a handshake
        // "port unreachable" means nothing listens, so give up now instead of after
        // half a minute of DTLS retransmissions.
        m_icmpError = message.section(QLatin1String("ICMP:"), 1).trimmed();
        if (m_state == State::Handshaking && !m_tlsConnected) {
            const TransportError error = TransportError::make(
                Kind::ConnectionRefused, {}, QStringLiteral("ICMP: %1").arg(m_icmpError));
            m_context->post([self = QPointer(this), error] {
                if (self)
                    self->fail(error);
            });
        }
    }
}

TransportError ClientSession::classifyTlsFailure() const
{
    if (m_certificateError.isError())
        return m_certificateError;
    if (m_session) {
        coap_tls_library_t library = COAP_TLS_LIBRARY_NOTLS;
        auto *ssl = static_cast<SSL *>(coap_session_get_tls(m_session, &library));
        if (ssl && library == COAP_TLS_LIBRARY_OPENSSL) {
            const long verify = SSL_get_verify_result(ssl);
            if (verify != X509_V_OK)
                return PeerCertificate::serverVerifyError(verify);
        }
    }
    if (!m_alertReceived.isEmpty()) {
        const QString detail = QStringLiteral("TLS alert from server: %1").arg(m_alertReceived);
        if (isClientCertificateAlert(m_alertReceived))
            return TransportError::make(Kind::ClientCertificateRejected, {}, detail);
        if (m_alertReceived.contains(QLatin1String("handshake failure")) || m_alertReceived.contains(QLatin1String("protocol version")))
            // What a server sends when nothing the console offers (TLS 1.2 or later, OpenSSL's
            // suites at its security level) is among what it accepts, e.g. TLS 1.1 only.
            return TransportError::make(
                Kind::TlsFailure,
                TransportError::tr("the server shares no protocol version or cipher suite with the console"), detail);
        return TransportError::make(Kind::TlsFailure, {}, detail);
    }
    return TransportError::make(Kind::TlsFailure, {}, m_lastWarning);
}

TransportError ClientSession::classifyClose(coap_event_t event) const
{
    if (m_state == State::Established) {
        // libcoap reports a closed TLS connection as DTLS_CLOSED too.
        const bool tls = m_info.transport == Transport::Tls;
        QString what = event == COAP_EVENT_DTLS_CLOSED ? (tls ? QStringLiteral("the TLS connection was closed")
                                                              : QStringLiteral("the DTLS session was closed"))
            : event == COAP_EVENT_TCP_CLOSED           ? QStringLiteral("the TCP connection was closed")
            : event == COAP_EVENT_SESSION_CLOSED       ? QStringLiteral("the session was closed")
                                                       : QStringLiteral("the session failed (%1)").arg(eventName(event));
        if (!m_lastWarning.isEmpty())
            what += QStringLiteral(": ") + m_lastWarning;
        return TransportError::make(Kind::SessionLost, {}, what);
    }
    // Not established yet: say why the connection never came up.
    if (m_certificateError.isError() || !m_alertReceived.isEmpty())
        return classifyTlsFailure();
    if (!m_icmpError.isEmpty())
        return TransportError::make(Kind::ConnectionRefused, {}, QStringLiteral("ICMP: %1").arg(m_icmpError));
    switch (event) {
    case COAP_EVENT_TCP_FAILED:
        return TransportError::make(Kind::ConnectionRefused, {}, m_lastWarning);
    case COAP_EVENT_DTLS_CLOSED:
        // libcoap gives up a DTLS handshake after max-retransmit timeouts.
        if (!m_tlsConnected)
            return TransportError::make(Kind::HandshakeTimeout, {}, m_lastWarning);
        break;
    default:
        break;
    }
    if (m_tlsConnected && m_info.transport == Transport::Tls) {
        // TLS 1.3: the client finishes its handshake before the server has looked at
        // the client certificate; a server that then hangs up has rejected it.
        return TransportError::make(Kind::ClientCertificateRejected, {},
                                    QStringLiteral("server closed the connection before CSM (%1)")
                                        .arg(eventName(event)));
    }
    return TransportError::make(Kind::TlsFailure, {},
                                QStringLiteral("%1 %2").arg(eventName(event), m_lastWarning).trimmed());
}

// ---- state changes, always outside libcoap ----

void ClientSession::becomeEstablished()
{
    if (m_state != State::Handshaking)
        return;
    m_handshakeTimer.stop();
    m_state = State::Established;
    m_info.handshakeTime = std::chrono::milliseconds(m_handshakeClock.elapsed());
    qCDebug(lcSession) << "established" << m_info.describe() << m_info.handshakeTime.count() << "ms";
    emit established();
}

void ClientSession::fail(const TransportError &error)
{
    if (m_state == State::Failed || m_state == State::Closed)
        return;
    if (m_state == State::Established) {
        lose(error);
        return;
    }
    m_state = State::Failed;
    m_error = error;
    m_handshakeTimer.stop();
    qCDebug(lcSession) << "failed" << m_info.describe() << error.toString();
    failAllPending(error);
    releaseSession();
    if (m_context)
        m_context->scheduleProcess();
    emit failed(error);
}

void ClientSession::lose(const TransportError &error)
{
    if (m_state != State::Established)
        return;
    m_state = State::Closed;
    m_error = error;
    qCDebug(lcSession) << "lost" << m_info.describe() << error.toString();
    failAllPending(error);
    releaseSession();
    if (m_context)
        m_context->scheduleProcess();
    emit closed(error);
}

} // namespace dots::transport

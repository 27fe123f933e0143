// SPDX-License-Identifier: GPL-3.0-or-later
#include "transport/CoapServer.h"

#include "transport/CoapAddress.h"
#include "transport/CoapContext.h"
#include "transport/CoapPdu.h"
#include "transport/PeerCertificate.h"
#include "transport/PendingRequest.h"
#include "transport/RetransmissionParams.h"
#include "transport/SecurityProfile.h"

#include <QLoggingCategory>
#include <QRandomGenerator>

#include <coap3/coap.h>

Q_LOGGING_CATEGORY(lcServer, "dots.transport.server", QtWarningMsg)

namespace dots::transport {

using Kind = TransportError::Kind;
using CoapPdu::fillResponse;

struct CoapServer::Peer
{
    ServerPeer info;
    bool announced = false; // peerConnected emitted
    bool gone = false;      // peerDisconnected emitted
    QString lastWarning;
};

struct CoapServer::ObservationState
{
    coap_session_t *session = nullptr; // valid until SERVER_SESSION_DEL (sessionGone)
    quint64 peerId = 0;
    QByteArray token;
    ServerRequest request;
    coap_pdu_t *requestPdu = nullptr; // kept for Block2 of large notifications
    // The last two notifications sent, for resendPrevious().
    struct Sent
    {
        ServerResponse answer;
        quint32 observe = 0;
    };
    std::optional<Sent> previous;
    std::optional<Sent> last;

    ~ObservationState()
    {
        if (requestPdu)
            coap_delete_pdu(requestPdu);
    }
    Observation publicView() const { return {peerId, token, request.uriPath}; }
};

struct CoapServer::Callbacks
{
    static void onRequest(coap_resource_t *resource, coap_session_t *session,
                          const coap_pdu_t *request, const coap_string_t *query,
                          coap_pdu_t *response)
    {
        auto *server = static_cast<CoapServer *>(coap_resource_get_userdata(resource));
        if (server)
            server->handleRequest(resource, session, request, query, response);
    }
};

namespace {

ObserveAction observeAction(const coap_pdu_t *pdu)
{
    const auto value = CoapPdu::uintOption(pdu, COAP_OPTION_OBSERVE);
    if (!value)
        return ObserveAction::None;
    if (*value == COAP_OBSERVE_ESTABLISH)
        return ObserveAction::Register;
    if (*value == COAP_OBSERVE_CANCEL)
        return ObserveAction::Deregister;
    return ObserveAction::None;
}

} // namespace

CoapServer::CoapServer(QObject *parent)
    : QObject(parent), m_context(std::make_unique<CoapContext>()), m_delivering(std::make_unique<ResultsInDelivery>())
{
    m_context->setDefaultHandler(this);
    connect(m_context.get(), &CoapContext::coapLog, this, &CoapServer::onCoapLog);

    // Every path is "unknown" to libcoap; one resource takes all methods.
    m_resource = coap_resource_unknown_init2(&Callbacks::onRequest, 0);
    for (coap_request_t method : {COAP_REQUEST_GET, COAP_REQUEST_POST, COAP_REQUEST_DELETE,
                                  COAP_REQUEST_FETCH, COAP_REQUEST_PATCH, COAP_REQUEST_IPATCH}) {
        coap_register_request_handler(m_resource, method, &Callbacks::onRequest);
    }
    coap_resource_set_userdata(m_resource, this);
    coap_add_resource(m_context->raw(), m_resource);
}

CoapServer::~CoapServer()
{
    endAllRequests(TransportError::make(Kind::Cancelled, QStringLiteral("server shut down")));
    m_observations.clear();
    m_peers.clear();
    m_context->setDefaultHandler(nullptr);
    m_context.reset(); // frees endpoints, sessions and the resource
}

void CoapServer::setPki(const PkiConfig &pki)
{
    m_pki = pki;
    m_pkiSet = true;
}

bool CoapServer::listen(const QHostAddress &address, quint16 port, Transport transport)
{
    if (!m_pkiSet) {
        m_error = QStringLiteral("no server certificate configured");
        return false;
    }
    if (const QString problem = m_pki.problem(); !problem.isEmpty()) {
        m_error = problem;
        return false;
    }
    if (m_endpoints.isEmpty()) {
        coap_dtls_pki_t *setup = m_context->makePkiSetup(m_pki, false, {});
        if (!coap_context_set_pki(m_context->raw(), setup)) {
            m_error = QStringLiteral("server certificate or key could not be loaded");
            return false;
        }
    }
    const coap_address_t bind = CoapAddress::make(address, port);
    coap_endpoint_t *endpoint = coap_new_endpoint(
        m_context->raw(), &bind, transport == Transport::Dtls ? COAP_PROTO_DTLS : COAP_PROTO_TLS);
    if (!endpoint) {
        m_error = QStringLiteral("cannot listen on %1 port %2 (%3)")
                      .arg(address.toString())
                      .arg(port)
                      .arg(transportName(transport));
        return false;
    }
    m_endpoints.append(endpoint);
    // "127.0.0.1:4646 DTLS" / "[::1]:4646 NONE": the bound address, with the real port.
    const QString text = QString::fromUtf8(coap_endpoint_str(endpoint)).section(QLatin1Char(' '), 0, 0);
    m_ports[transport] = text.section(QLatin1Char(':'), -1).toUShort();
    m_context->scheduleProcess();
    qCDebug(lcServer) << "listening" << text << transportName(transport);
    return true;
}

quint16 CoapServer::serverPort(Transport transport) const
{
    return m_ports.value(transport, 0);
}

void CoapServer::close()
{
    endAllRequests(TransportError::make(Kind::Cancelled, QStringLiteral("server closed")));
    m_observations.clear();
    m_peers.clear();
    for (coap_endpoint_t *endpoint : std::as_const(m_endpoints))
        coap_free_endpoint(endpoint);
    m_endpoints.clear();
    m_ports.clear();
}

void CoapServer::setHandler(const QString &pathPrefix, Handler handler)
{
    m_handlers.set(pathPrefix, std::move(handler));
}

void CoapServer::removeHandler(const QString &pathPrefix)
{
    m_handlers.remove(pathPrefix);
}

CoapServer::Peer &CoapServer::peerFor(coap_session_t *session)
{
    auto &peer = m_peers[session];
    if (!peer) {
        peer = std::make_shared<Peer>();
        peer->info.id = m_nextPeerId++;
        peer->info.address = CoapAddress::host(coap_session_get_addr_remote(session));
        peer->info.port = CoapAddress::port(coap_session_get_addr_remote(session));
        peer->info.transport =
            coap_session_get_proto(session) == COAP_PROTO_TLS ? Transport::Tls : Transport::Dtls;
    }
    if (peer->info.certificateDer.isEmpty()) {
        peer->info.certificateDer = PeerCertificate::fromSession(session);
        peer->info.commonName = PeerCertificate::commonName(peer->info.certificateDer);
    }
    return *peer;
}

void CoapServer::handleRequest(coap_resource_t *resource, coap_session_t *session,
                               const coap_pdu_t *request, const void *queryPtr, coap_pdu_t *response)
{
    const auto *query = static_cast<const coap_string_t *>(queryPtr);
    ServerRequest req = CoapPdu::serverRequest(request);
    req.peer = peerFor(session).info;
    const bool canObserve = req.method == Method::Get || req.method == Method::Fetch;
    req.observe = canObserve ? observeAction(request) : ObserveAction::None;

    ServerResponse answer = m_handlers.dispatch(req);
    if (answer.reset) {
        if (coap_session_get_proto(session) == COAP_PROTO_DTLS)
            coap_send_rst(session, request);
        else
            closeLater(session);
        // An empty Non-confirmable response is never sent.
        coap_pdu_set_type(response, COAP_MESSAGE_NON);
        coap_pdu_set_code(response, COAP_EMPTY_CODE);
        return;
    }

    // An existing observation with this token on this session is replaced or cancelled.
    auto sameObservation = [&](const std::shared_ptr<ObservationState> &o) {
        return o->session == session && o->token == req.token;
    };
    if (req.observe != ObserveAction::None) {
        for (qsizetype i = m_observations.size() - 1; i >= 0; --i) {
            if (sameObservation(m_observations[i]))
                removeObservation(i);
        }
    }
    std::optional<quint32> observe;
    if (req.observe == ObserveAction::Register && CoapCode::codeClass(answer.code) == 2) {
        auto state = std::make_shared<ObservationState>();
        state->session = session;
        state->peerId = req.peer.id;
        state->token = req.token;
        state->request = req;
        state->requestPdu = coap_pdu_duplicate(request, session, size_t(req.token.size()),
                                               reinterpret_cast<const uint8_t *>(req.token.constData()),
                                               nullptr);
        m_observations.append(state);
        observe = m_observeSequence++;
        const Observation view = state->publicView();
        m_context->post([self = QPointer(this), view] {
            if (self)
                emit self->observationAdded(view);
        });
    }
    fillResponse(resource, session, request, response, query, answer, answer.omitObserveOption ? std::nullopt : observe);
}

int CoapServer::notify(const QString &pathPrefix, bool confirmable)
{
    return sendNotifications(pathPrefix, nullptr, confirmable);
}

int CoapServer::endObservations(const QString &pathPrefix, const ServerResponse &finalResponse,
                                bool confirmable)
{
    return sendNotifications(pathPrefix, &finalResponse, confirmable);
}

int CoapServer::sendNotifications(const QString &pathPrefix, const ServerResponse *fixed, bool confirmable)
{
    const QStringList prefix = CoapRequest::splitPath(pathPrefix);
    int count = 0;
    for (const auto &o : std::as_const(m_observations))
        count += RequestHandlers::hasPrefix(o->request.uriPath, prefix) ? 1 : 0;
    if (count == 0)
        return 0;
    if (m_context->isProcessing()) {
        // Called from a handler: send once libcoap has finished the current request.
        std::optional<ServerResponse> copy;
        if (fixed)
            copy = *fixed;
        m_context->post([self = QPointer(this), pathPrefix, copy, confirmable] {
            if (self)
                self->sendNotifications(pathPrefix, copy ? &*copy : nullptr, confirmable);
        });
        return count;
    }

    count = 0;
    const auto snapshot = m_observations;
    for (const auto &o : snapshot) {
        if (!RequestHandlers::hasPrefix(o->request.uriPath, prefix) || !m_observations.contains(o))
            continue;
        ServerResponse answer;
        if (fixed) {
            answer = *fixed;
        } else {
            ServerRequest req = o->request;
            req.isNotification = true;
            answer = m_handlers.dispatch(req);
        }
        const bool keeps = CoapCode::codeClass(answer.code) == 2;
        std::optional<quint32> observe;
        if (keeps) {
            observe = m_observeSequence++;
            o->previous = std::exchange(o->last, ObservationState::Sent{answer, *observe});
        }
        if (sendNotification(*o, answer, observe, confirmable))
            ++count;
        if (!keeps) {
            const qsizetype index = m_observations.indexOf(o);
            if (index >= 0)
                removeObservation(index);
        }
    }
    m_context->scheduleProcess();
    return count;
}

bool CoapServer::sendNotification(ObservationState &o, const ServerResponse &answer, std::optional<quint32> observe,
                                  bool confirmable)
{
    coap_pdu_t *pdu = coap_pdu_init(confirmable ? COAP_MESSAGE_CON : COAP_MESSAGE_NON, coap_pdu_code_t(answer.code),
                                    coap_new_message_id(o.session), coap_session_max_pdu_size(o.session));
    if (!pdu)
        return false;
    coap_add_token(pdu, size_t(o.token.size()), reinterpret_cast<const uint8_t *>(o.token.constData()));
    fillResponse(m_resource, o.session, o.requestPdu, pdu, nullptr, answer, observe);
    return coap_send(o.session, pdu) != COAP_INVALID_MID;
}

int CoapServer::resendPrevious(const QString &pathPrefix)
{
    if (m_context->isProcessing()) {
        m_context->post([self = QPointer(this), pathPrefix] {
            if (self)
                self->resendPrevious(pathPrefix);
        });
        return 0;
    }
    const QStringList prefix = CoapRequest::splitPath(pathPrefix);
    int count = 0;
    for (const auto &o : std::as_const(m_observations)) {
        if (o->previous && RequestHandlers::hasPrefix(o->request.uriPath, prefix)
            && sendNotification(*o, o->previous->answer, o->previous->observe, false))
            ++count;
    }
    m_context->scheduleProcess();
    return count;
}

bool CoapServer::sendUnsolicited(quint64 peerId, const ServerResponse &response)
{
    if (m_context->isProcessing()) {
        m_context->post([self = QPointer(this), peerId, response] {
            if (self)
                self->sendUnsolicited(peerId, response);
        });
        return true;
    }
    coap_session_t *session = sessionOf(peerId);
    if (!session)
        return false;
    coap_pdu_t *pdu = coap_pdu_init(COAP_MESSAGE_NON, coap_pdu_code_t(response.code), coap_new_message_id(session),
                                    coap_session_max_pdu_size(session));
    if (!pdu)
        return false;
    // Eight random bytes: a token the client has not used, but for a chance of 2^-64.
    quint64 token = QRandomGenerator::global()->generate64();
    coap_add_token(pdu, sizeof token, reinterpret_cast<const uint8_t *>(&token));
    fillResponse(nullptr, session, nullptr, pdu, nullptr, response, std::nullopt);
    const bool sent = coap_send(session, pdu) != COAP_INVALID_MID;
    m_context->scheduleProcess();
    return sent;
}

// Ends a session once libcoap has finished what it is doing with it.
void CoapServer::closeLater(coap_session_t *session)
{
    coap_session_reference(session);
    m_context->post([session] {
        coap_session_disconnected(session, COAP_NACK_NOT_DELIVERABLE);
        coap_session_release(session);
    });
}

void CoapServer::removeObservation(qsizetype index)
{
    const auto state = m_observations.takeAt(index);
    const Observation view = state->publicView();
    m_context->post([self = QPointer(this), view] {
        if (self)
            emit self->observationRemoved(view);
    });
}

QList<CoapServer::Observation> CoapServer::observations() const
{
    QList<Observation> list;
    for (const auto &o : m_observations)
        list << o->publicView();
    return list;
}

QList<ServerPeer> CoapServer::peers() const
{
    QList<ServerPeer> list;
    for (const auto &p : m_peers) {
        if (p->announced && !p->gone)
            list << p->info;
    }
    return list;
}

void CoapServer::sessionGone(coap_session_t *session, bool deleted)
{
    for (qsizetype i = m_observations.size() - 1; i >= 0; --i) {
        if (m_observations[i]->session == session)
            removeObservation(i);
    }
    auto it = m_peers.find(session);
    if (it == m_peers.end())
        return;
    std::shared_ptr<Peer> peer = *it;
    failPending(peer->info.id, TransportError::make(Kind::SessionLost, QStringLiteral("the client's session ended")));
    if (deleted)
        m_peers.erase(it); // libcoap frees the session now; the pointer may be reused
    if (peer->announced && !peer->gone) {
        peer->gone = true;
        const ServerPeer info = peer->info;
        m_context->post([self = QPointer(this), info] {
            if (self)
                emit self->peerDisconnected(info);
        });
    }
}

void CoapServer::onCoapEvent(coap_session_t *session, coap_event_t event)
{
    switch (event) {
    case COAP_EVENT_SERVER_SESSION_NEW:
        peerFor(session);
        break;
    case COAP_EVENT_DTLS_CONNECTED: {
        Peer &peer = peerFor(session);
        if (QString weak = SecurityProfile::weakness(session); !weak.isEmpty()) {
            // As strict as the client: no DOTS message over less than RFC 9132 section 8.
            const QHostAddress address = peer.info.address;
            const QString reason = weak.replace(QStringLiteral("the server chose"), QStringLiteral("the client negotiated"));
            m_context->post([self = QPointer(this), address, reason] {
                if (self)
                    emit self->handshakeFailed(address, reason);
            });
            closeLater(session);
            break;
        }
        if (!peer.announced) {
            peer.announced = true;
            const ServerPeer info = peer.info;
            qCDebug(lcServer) << "peer" << info.address << info.port << info.commonName;
            m_context->post([self = QPointer(this), info] {
                if (self)
                    emit self->peerConnected(info);
            });
        }
        break;
    }
    case COAP_EVENT_DTLS_ERROR: {
        auto it = m_peers.find(session);
        const bool announced = it != m_peers.end() && (*it)->announced;
        if (!announced) {
            const QHostAddress address = CoapAddress::host(coap_session_get_addr_remote(session));
            const QString reason = it != m_peers.end() && !(*it)->lastWarning.isEmpty()
                ? (*it)->lastWarning
                : QStringLiteral("TLS handshake failed");
            m_context->post([self = QPointer(this), address, reason] {
                if (self)
                    emit self->handshakeFailed(address, reason);
            });
        }
        sessionGone(session, false);
        break;
    }
    case COAP_EVENT_DTLS_CLOSED:
    case COAP_EVENT_TCP_CLOSED:
    case COAP_EVENT_SESSION_CLOSED:
    case COAP_EVENT_SESSION_FAILED:
        sessionGone(session, false);
        break;
    case COAP_EVENT_SERVER_SESSION_DEL:
        sessionGone(session, true);
        break;
    default:
        break;
    }
}

bool CoapServer::onCoapResponse(coap_session_t *session, const coap_pdu_t *, const coap_pdu_t *received,
                                coap_mid_t)
{
    const std::shared_ptr<Peer> peer = m_peers.value(session);
    if (!peer)
        return true;
    CoapResponse response = CoapPdu::response(received);
    // A late answer (after our deadline) is simply dropped.
    if (const auto pending = m_pending.value({peer->info.id, response.token}))
        finish(pending, peer->info.id, std::move(response)); // resumes the waiter from the event loop
    return true;
}

void CoapServer::onCoapNack(coap_session_t *session, const coap_pdu_t *sent,
                            coap_nack_reason_t reason, coap_mid_t)
{
    if (!sent)
        return;
    const QByteArray token = CoapPdu::token(sent);
    const quint8 code = quint8(coap_pdu_get_code(sent));
    if (code != 0 && CoapCode::codeClass(code) == 0) {
        // One of our own requests.
        const std::shared_ptr<Peer> peer = m_peers.value(session);
        const auto pending = peer ? m_pending.value({peer->info.id, token}) : nullptr;
        if (!pending)
            return;
        TransportError error;
        if (reason == COAP_NACK_RST)
            error = TransportError::make(Kind::Reset, {}, QStringLiteral("the client answered with RST"));
        else if (reason == COAP_NACK_TOO_MANY_RETRIES)
            error = TransportError::make(Kind::Timeout, {}, QStringLiteral("no acknowledgement after all retransmissions"));
        else
            error = TransportError::make(Kind::SessionLost, {}, QStringLiteral("the request could not be delivered"));
        finish(pending, peer->info.id, error);
        return;
    }
    // A CON notification answered with RST, or never acknowledged: the client is no
    // longer interested (RFC 7641 section 3.6 / 4.5).
    if (reason != COAP_NACK_RST && reason != COAP_NACK_TOO_MANY_RETRIES)
        return;
    for (qsizetype i = m_observations.size() - 1; i >= 0; --i) {
        if (m_observations[i]->session == session && m_observations[i]->token == token)
            removeObservation(i);
    }
}

coap_session_t *CoapServer::sessionOf(quint64 peerId) const
{
    for (auto it = m_peers.cbegin(); it != m_peers.cend(); ++it) {
        if ((*it)->info.id == peerId && (*it)->announced && !(*it)->gone)
            return it.key();
    }
    return nullptr;
}

QCoro::Task<Result<CoapResponse>> CoapServer::request(quint64 peerId, CoapRequest request)
{
    coap_session_t *session = sessionOf(peerId);
    if (!session)
        co_return TransportError::make(Kind::NotConnected, QStringLiteral("client %1 is not connected").arg(peerId));
    QByteArray token;
    QString buildError;
    coap_pdu_t *pdu = CoapPdu::request(session, request, false, &token, &buildError);
    if (!pdu)
        co_return TransportError::make(Kind::InvalidRequest, buildError);

    std::chrono::milliseconds deadline = request.timeout;
    if (deadline.count() <= 0) {
        // Over TLS and for NON nothing retransmits: this deadline ends the wait.
        RetransmissionParams params;
        params.maxRetransmit = coap_session_get_max_retransmit(session);
        const coap_fixed_point_t ack = coap_session_get_ack_timeout(session);
        params.ackTimeout = std::chrono::milliseconds(ack.integer_part * 1000 + ack.fractional_part);
        const coap_fixed_point_t rnd = coap_session_get_ack_random_factor(session);
        params.ackRandomFactor = rnd.integer_part + rnd.fractional_part / 1000.0;
        deadline = params.maxTransmitWait() + std::chrono::seconds(2);
    }
    auto pending = std::make_shared<PendingRequest>();
    pending->token = token;
    pending->request = request;
    pending->elapsed.start();
    pending->deadline = std::make_unique<QTimer>();
    pending->deadline->setSingleShot(true);
    QObject::connect(pending->deadline.get(), &QTimer::timeout, this,
                     [this, weak = std::weak_ptr<PendingRequest>(pending), peerId, deadline] {
                         if (auto p = weak.lock())
                             finish(p, peerId, TransportError::make(
                                                   Kind::Timeout, {},
                                                   QStringLiteral("no response within %1 ms").arg(deadline.count())));
                     });
    m_pending.insert({peerId, token}, pending);

    const coap_mid_t mid = coap_send(session, pdu); // takes the PDU, even on failure
    if (mid == COAP_INVALID_MID) {
        finish(pending, peerId, TransportError::make(Kind::SessionLost, QStringLiteral("request could not be sent")));
    } else {
        pending->mid = mid;
        if (!pending->result)
            pending->deadline->start(deadline);
    }
    m_context->scheduleProcess();

    // Nothing of `this` is touched after this point: the server may be gone by then.
    Result<CoapResponse> outcome = co_await PendingRequest::Awaiter{pending.get()};
    co_return outcome;
}

void CoapServer::finish(const std::shared_ptr<PendingRequest> &pending, quint64 peerId,
                        Result<CoapResponse> outcome)
{
    if (pending->result)
        return;
    m_pending.remove({peerId, pending->token});
    pending->complete(std::move(outcome));
    m_delivering->add(pending);
}

// Closing: the rule of PendingRequest.h, nothing reaches a waiter any more but `error`.
void CoapServer::endAllRequests(const TransportError &error)
{
    failPending(0, error);
    m_delivering->withdrawAll(error);
}

// peerId 0: every pending request.
void CoapServer::failPending(quint64 peerId, const TransportError &error)
{
    const auto all = m_pending;
    for (auto it = all.cbegin(); it != all.cend(); ++it) {
        if (peerId == 0 || it.key().first == peerId)
            finish(it.value(), it.key().first, error);
    }
}

void CoapServer::onCoapLog(int level, const QString &message)
{
    if (level > LOG_WARNING)
        return;
    // Keep the last warning per session for handshakeFailed() ("Unknown CA" etc.).
    for (auto it = m_peers.begin(); it != m_peers.end(); ++it) {
        if (message.contains(CoapContext::sessionTag(it.key())))
            (*it)->lastWarning = message;
    }
}

} // namespace dots::transport

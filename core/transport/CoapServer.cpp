#include "transport/CoapServer.h"

#include "transport/CoapAddress.h"
#include "transport/CoapContext.h"
#include "transport/CoapPdu.h"
#include "transport/PeerCertificate.h"

#include <QLoggingCategory>

#include <coap3/coap.h>

Q_LOGGING_CATEGORY(lcServer, "dots.transport.server", QtWarningMsg)

namespace dots::transport {

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

void releaseBody(coap_session_t *, void *data)
{
    delete static_cast<QByteArray *>(data);
}

bool hasPrefix(const QStringList &path, const QStringList &prefix)
{
    if (prefix.size() > path.size())
        return false;
    for (qsizetype i = 0; i < prefix.size(); ++i) {
        if (path[i] != prefix[i])
            return false;
    }
    return true;
}

// Options and body of a response or notification, in wire order (ETag 4, Observe 6,
// Content-Format 12, Max-Age 14), body last: libcoap adds Block2/Size2 if it is large.
void fillResponse(coap_resource_t *resource, coap_session_t *session, const coap_pdu_t *request,
                  coap_pdu_t *pdu, const coap_string_t *query, const ServerResponse &answer,
                  std::optional<quint32> observe)
{
    coap_pdu_set_code(pdu, coap_pdu_code_t(answer.code));
    if (!answer.etag.isEmpty())
        coap_add_option(pdu, COAP_OPTION_ETAG, size_t(answer.etag.size()),
                        reinterpret_cast<const uint8_t *>(answer.etag.constData()));
    if (observe)
        CoapPdu::addUintOption(pdu, COAP_OPTION_OBSERVE, *observe & 0xffffff);
    const bool hasBody = !answer.payload.isEmpty();
    // coap_add_data_large_response() skips media type 0 and cannot be used without a body.
    if (answer.contentFormat && (!hasBody || *answer.contentFormat == 0))
        CoapPdu::addUintOption(pdu, COAP_OPTION_CONTENT_FORMAT, quint32(*answer.contentFormat));
    if (!hasBody) {
        if (answer.maxAge)
            CoapPdu::addUintOption(pdu, COAP_OPTION_MAXAGE, *answer.maxAge);
        return;
    }
    auto *body = new QByteArray(answer.payload);
    const uint16_t mediaType = answer.contentFormat ? uint16_t(*answer.contentFormat) : 0;
    const int maxAge = answer.maxAge ? int(*answer.maxAge) : -1;
    if (request && resource) {
        coap_add_data_large_response(resource, session, request, pdu, query, mediaType, maxAge, 0,
                                     size_t(body->size()),
                                     reinterpret_cast<const uint8_t *>(body->constData()),
                                     &releaseBody, body);
    } else {
        if (answer.contentFormat && *answer.contentFormat != 0)
            CoapPdu::addUintOption(pdu, COAP_OPTION_CONTENT_FORMAT, quint32(*answer.contentFormat));
        if (answer.maxAge)
            CoapPdu::addUintOption(pdu, COAP_OPTION_MAXAGE, *answer.maxAge);
        coap_add_data(pdu, size_t(body->size()), reinterpret_cast<const uint8_t *>(body->constData()));
        delete body;
    }
}

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
    : QObject(parent), m_context(std::make_unique<CoapContext>())
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
    m_observations.clear();
    m_peers.clear();
    for (coap_endpoint_t *endpoint : std::as_const(m_endpoints))
        coap_free_endpoint(endpoint);
    m_endpoints.clear();
    m_ports.clear();
}

void CoapServer::setHandler(const QString &pathPrefix, Handler handler)
{
    m_handlers.insert(CoapRequest::splitPath(pathPrefix), std::move(handler));
}

void CoapServer::removeHandler(const QString &pathPrefix)
{
    m_handlers.remove(CoapRequest::splitPath(pathPrefix));
}

CoapServer::Handler *CoapServer::handlerFor(const QStringList &path)
{
    Handler *best = nullptr;
    qsizetype bestLength = -1;
    for (auto it = m_handlers.begin(); it != m_handlers.end(); ++it) {
        if (it.key().size() > bestLength && hasPrefix(path, it.key())) {
            best = &it.value();
            bestLength = it.key().size();
        }
    }
    return best;
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
    ServerRequest req;
    req.method = Method(coap_pdu_get_code(request));
    req.uriPath = CoapPdu::stringOptions(request, COAP_OPTION_URI_PATH);
    req.uriQuery = CoapPdu::stringOptions(request, COAP_OPTION_URI_QUERY);
    req.payload = CoapPdu::body(request);
    if (auto cf = CoapPdu::uintOption(request, COAP_OPTION_CONTENT_FORMAT))
        req.contentFormat = int(*cf);
    if (auto accept = CoapPdu::uintOption(request, COAP_OPTION_ACCEPT))
        req.accept = int(*accept);
    req.ifMatch = CoapPdu::options(request, COAP_OPTION_IF_MATCH);
    req.confirmable = coap_pdu_get_type(request) == COAP_MESSAGE_CON;
    req.token = CoapPdu::token(request);
    req.peer = peerFor(session).info;
    const bool canObserve = req.method == Method::Get || req.method == Method::Fetch;
    req.observe = canObserve ? observeAction(request) : ObserveAction::None;

    Handler *handler = handlerFor(req.uriPath);
    ServerResponse answer = handler ? (*handler)(req) : ServerResponse::withCode(CoapCode::NotFound);

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
    fillResponse(resource, session, request, response, query, answer, observe);
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
        count += hasPrefix(o->request.uriPath, prefix) ? 1 : 0;
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
        if (!hasPrefix(o->request.uriPath, prefix) || !m_observations.contains(o))
            continue;
        ServerResponse answer;
        if (fixed) {
            answer = *fixed;
        } else {
            ServerRequest req = o->request;
            req.isNotification = true;
            Handler *handler = handlerFor(req.uriPath);
            answer = handler ? (*handler)(req) : ServerResponse::withCode(CoapCode::NotFound);
        }
        const bool keeps = CoapCode::codeClass(answer.code) == 2;
        coap_pdu_t *pdu = coap_pdu_init(confirmable ? COAP_MESSAGE_CON : COAP_MESSAGE_NON,
                                        coap_pdu_code_t(answer.code), coap_new_message_id(o->session),
                                        coap_session_max_pdu_size(o->session));
        if (pdu) {
            coap_add_token(pdu, size_t(o->token.size()),
                           reinterpret_cast<const uint8_t *>(o->token.constData()));
            std::optional<quint32> observe;
            if (keeps)
                observe = m_observeSequence++;
            fillResponse(m_resource, o->session, o->requestPdu, pdu, nullptr, answer, observe);
            if (coap_send(o->session, pdu) != COAP_INVALID_MID)
                ++count;
        }
        if (!keeps) {
            const qsizetype index = m_observations.indexOf(o);
            if (index >= 0)
                removeObservation(index);
        }
    }
    m_context->scheduleProcess();
    return count;
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

bool CoapServer::onCoapResponse(coap_session_t *, const coap_pdu_t *, const coap_pdu_t *, coap_mid_t)
{
    return true; // a server sends no requests
}

void CoapServer::onCoapNack(coap_session_t *session, const coap_pdu_t *sent,
                            coap_nack_reason_t reason, coap_mid_t)
{
    // A CON notification answered with RST, or never acknowledged: the client is no
    // longer interested (RFC 7641 section 3.6 / 4.5).
    if (!sent || (reason != COAP_NACK_RST && reason != COAP_NACK_TOO_MANY_RETRIES))
        return;
    const QByteArray token = CoapPdu::token(sent);
    for (qsizetype i = m_observations.size() - 1; i >= 0; --i) {
        if (m_observations[i]->session == session && m_observations[i]->token == token)
            removeObservation(i);
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

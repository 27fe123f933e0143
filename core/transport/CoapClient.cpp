// SPDX-License-Identifier: GPL-3.0-or-later
#include "transport/CoapClient.h"

#include "transport/ClientSession.h"
#include "transport/CoapAddress.h"
#include "transport/CoapContext.h"
#include "transport/CoapPdu.h"
#include "transport/HappyEyeballs.h"

#include <coap3/coap.h>

namespace dots::transport {

using Kind = TransportError::Kind;

struct CoapClient::Callbacks
{
    static void onRequest(coap_resource_t *resource, coap_session_t *session, const coap_pdu_t *request,
                          const coap_string_t *query, coap_pdu_t *response)
    {
        auto *client = static_cast<CoapClient *>(coap_resource_get_userdata(resource));
        if (!client)
            return;
        ServerRequest req = CoapPdu::serverRequest(request);
        req.peer.address = CoapAddress::host(coap_session_get_addr_remote(session));
        req.peer.port = CoapAddress::port(coap_session_get_addr_remote(session));
        req.peer.transport = coap_session_get_proto(session) == COAP_PROTO_TLS ? Transport::Tls : Transport::Dtls;
        const ServerResponse answer = client->m_requestHandlers.dispatch(req);
        CoapPdu::fillResponse(resource, session, request, response, query, answer, std::nullopt);
    }
};

CoapClient::CoapClient(QObject *parent)
    : QObject(parent), m_context(std::make_unique<CoapContext>())
{
    // Registered once on the context, so it serves every session, reconnects included.
    // The "unknown resource" sees every path; RequestHandlers does the routing.
    m_resource = coap_resource_unknown_init2(&Callbacks::onRequest, 0);
    for (coap_request_t method : {COAP_REQUEST_GET, COAP_REQUEST_POST, COAP_REQUEST_DELETE,
                                  COAP_REQUEST_FETCH, COAP_REQUEST_PATCH, COAP_REQUEST_IPATCH}) {
        coap_register_request_handler(m_resource, method, &Callbacks::onRequest);
    }
    coap_resource_set_userdata(m_resource, this);
    coap_add_resource(m_context->raw(), m_resource);
}

CoapClient::~CoapClient()
{
    // Sessions must go before the libcoap context they live in.
    delete m_connecting;
    dropSession();
    coap_resource_set_userdata(m_resource, nullptr);
}

void CoapClient::setRetransmission(const RetransmissionParams &params)
{
    m_retransmission = params;
    if (m_session)
        m_session->setRetransmission(params);
}

RetransmissionParams CoapClient::retransmission() const
{
    if (m_session)
        return m_session->retransmission();
    return m_retransmission.value_or(RetransmissionParams{});
}

void CoapClient::setDefaultTimeout(std::chrono::milliseconds timeout)
{
    m_defaultTimeout = timeout;
    if (m_session)
        m_session->setDefaultTimeout(timeout);
}

QCoro::Task<Result<ConnectionInfo>> CoapClient::connectToHost(QString host, quint16 port)
{
    QPointer<CoapClient> self(this);
    delete m_connecting;
    dropSession(TransportError::sessionReplaced());

    PkiConfig pki = m_pki;
    if (pki.peerName.isEmpty())
        pki.peerName = host; // check the certificate against the name we were given
    auto *racer = new HappyEyeballs(m_context.get(), pki, this);
    racer->setRetransmission(m_retransmission);
    connect(racer, &HappyEyeballs::attemptFailed, this, &CoapClient::attemptFailed);
    m_connecting = racer;

    // Named tasks: GCC 12 mishandles non-trivial temporaries used as co_await operands.
    QCoro::Task<Result<ClientSession *>> racing = racer->connectToHost(host, port, m_connectOptions);
    Result<ClientSession *> outcome = co_await racing;
    if (!self) {
        if (outcome.ok())
            delete outcome.value();
        co_return TransportError::make(Kind::Cancelled);
    }
    if (m_connecting == racer) {
        m_connecting = nullptr;
        racer->deleteLater();
    }
    if (!outcome.ok())
        co_return outcome.error();
    adopt(outcome.value());
    const ConnectionInfo info = m_session->info();
    emit connected(info);
    co_return info;
}

void CoapClient::adopt(ClientSession *session)
{
    dropSession();
    m_session = session;
    session->setParent(this);
    session->setDefaultTimeout(m_defaultTimeout);
    ++m_counters.sessionsEstablished;
    connect(session, &ClientSession::notification, this,
            [this](const QByteArray &token, const CoapResponse &response) {
                ++m_counters.notificationsReceived;
                emit notificationReceived(token, response);
            });
    connect(session, &ClientSession::observationEnded, this, &CoapClient::observationEnded);
    connect(session, &ClientSession::requestStarted, this,
            [this](const QByteArray &token, const CoapRequest &request) {
                ++m_counters.requestsSent;
                emit requestStarted(token, request);
            });
    connect(session, &ClientSession::requestFinished, this,
            [this](const QByteArray &token, std::chrono::microseconds elapsed, bool answered) {
                ++(answered ? m_counters.responsesReceived : m_counters.requestsFailed);
                m_counters.lastRequestDuration = elapsed;
                emit requestFinished(token, elapsed, answered);
            });
    connect(session, &ClientSession::closed, this, [this, session](const TransportError &reason) {
        if (session != m_session)
            return;
        ++m_counters.sessionsLost;
        m_session = nullptr;
        session->disconnect(this);
        session->deleteLater();
        emit disconnected(reason);
    });
}

void CoapClient::dropSession(const TransportError &reason)
{
    if (!m_session)
        return;
    ClientSession *session = std::exchange(m_session, nullptr);
    session->disconnect(this);
    session->close(reason);
    delete session;
}

void CoapClient::disconnectFromHost()
{
    delete m_connecting;
    if (!m_session)
        return;
    dropSession();
    emit disconnected(TransportError::make(Kind::Cancelled, QStringLiteral("disconnected")));
}

bool CoapClient::isConnected() const
{
    return m_session && m_session->state() == ClientSession::State::Established;
}

std::optional<ConnectionInfo> CoapClient::connection() const
{
    if (!isConnected())
        return std::nullopt;
    return m_session->info();
}

QCoro::Task<Result<CoapResponse>> CoapClient::request(CoapRequest request)
{
    if (!isConnected())
        co_return TransportError::make(Kind::NotConnected);
    QCoro::Task<Result<CoapResponse>> task = m_session->request(std::move(request));
    Result<CoapResponse> outcome = co_await task;
    co_return outcome;
}

QCoro::Task<Result<CoapResponse>> CoapClient::observe(CoapRequest request)
{
    request.method = Method::Get;
    request.observe = ObserveAction::Register;
    if (!isConnected())
        co_return TransportError::make(Kind::NotConnected);
    QCoro::Task<Result<CoapResponse>> task = m_session->request(std::move(request));
    Result<CoapResponse> outcome = co_await task;
    co_return outcome;
}

QCoro::Task<Result<CoapResponse>> CoapClient::cancelObservation(QByteArray token)
{
    if (!isConnected())
        co_return TransportError::make(Kind::NotConnected);
    QCoro::Task<Result<CoapResponse>> task = m_session->cancelObservation(std::move(token));
    Result<CoapResponse> outcome = co_await task;
    co_return outcome;
}

void CoapClient::setRequestHandler(const QString &pathPrefix, RequestHandlers::Handler handler)
{
    m_requestHandlers.set(pathPrefix, std::move(handler));
}

void CoapClient::removeRequestHandler(const QString &pathPrefix)
{
    m_requestHandlers.remove(pathPrefix);
}

QList<QByteArray> CoapClient::observations() const
{
    return m_session ? m_session->observationTokens() : QList<QByteArray>{};
}

CoapRequest CoapClient::observationRequest(const QByteArray &token) const
{
    return m_session ? m_session->observationRequest(token) : CoapRequest{};
}

} // namespace dots::transport

// SPDX-License-Identifier: GPL-3.0-or-later
#include "SignalServer.h"

#include "codec/Codec.h"
#include "types/Cuid.h"
#include "signal/ResourcePath.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QPointer>
#include <QSet>

namespace dots::simulator {

namespace {

Method toCoreMethod(transport::Method m)
{
    switch (m) {
    case transport::Method::Get: return Method::Get;
    case transport::Method::Post: return Method::Post;
    case transport::Method::Put: return Method::Put;
    case transport::Method::Delete: return Method::Delete;
    default: return Method::Other;
    }
}

QString codeName(quint8 code)
{
    return QStringLiteral("%1.%2").arg(code >> 5).arg(code & 0x1f, 2, 10, QLatin1Char('0'));
}

constexpr int kTickMs = 250;
// RFC 8768 section 3: the Hop-Limit a gateway inserts when a request has none. (The decrement
// and the 5.08 for a request that arrives with Hop-Limit 1 are libcoap's, on every endpoint.)
constexpr quint32 kDefaultHopLimit = 16;

} // namespace

SignalServer::SignalServer(Scenario scenario, QObject *parent)
    : QObject(parent), m_core(std::move(scenario))
{
    m_coap.setHandler(QStringLiteral("/.well-known/dots"),
                      [this](const transport::ServerRequest &r) { return handle(r); });
    connect(&m_coap, &transport::CoapServer::peerDisconnected, this, [this](const transport::ServerPeer &peer) {
        // The cuid stays known to the core: its mitigations outlive the session.
        const QString cuid = m_cuidByPeer.take(peer.id);
        m_floodedPeers.remove(peer.id);
        if (!cuid.isEmpty())
            m_core.sessionClosed(cuid);
    });
    connect(&m_coap, &transport::CoapServer::handshakeFailed, this, [this](const QHostAddress &address, const QString &reason) {
        if (m_sink)
            m_sink(QJsonObject{{QStringLiteral("event"), QStringLiteral("handshake-failed")},
                               {QStringLiteral("peer"), address.toString()},
                               {QStringLiteral("reason"), reason}});
    });
    m_ticker.setInterval(kTickMs);
    connect(&m_ticker, &QTimer::timeout, this, &SignalServer::tick);
    // Hostility::ObserveFlood: every observed mitigation notified each millisecond.
    m_flood.setTimerType(Qt::PreciseTimer);
    m_flood.setInterval(1);
    connect(&m_flood, &QTimer::timeout, this, [this] { m_coap.notify(QStringLiteral("/.well-known/dots/mitigate"), false); });
}

bool SignalServer::listen(const QHostAddress &address, quint16 port, transport::Transport transport)
{
    return m_coap.listen(address, port, transport);
}

void SignalServer::start()
{
    m_core.setEpochAtStart(QDateTime::currentSecsSinceEpoch());
    m_clock.start();
    m_core.setWallTime(0);
    m_ticker.start();
}

void SignalServer::close()
{
    m_ticker.stop();
    m_flood.stop();
    m_coap.close();
}

QString SignalServer::cuidOf(const transport::ServerPeer &peer)
{
    if (const auto it = m_cuidByPeer.constFind(peer.id); it != m_cuidByPeer.cend())
        return *it;
    const auto cuid = dots::cuid::fromCertificate(peer.certificateDer);
    if (!cuid)
        return {};
    m_cuidByPeer.insert(peer.id, *cuid);
    return *cuid;
}

void SignalServer::print(const char *direction, const transport::ServerRequest &request, const QJsonValue &body,
                         const QString &extra, std::optional<quint8> code)
{
    if (!m_sink)
        return;
    QJsonObject line{{QStringLiteral("dir"), QLatin1String(direction)},
                     {QStringLiteral("time"), QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs)},
                     {QStringLiteral("peer"), QStringLiteral("%1:%2").arg(request.peer.address.toString()).arg(request.peer.port)},
                     {QStringLiteral("transport"), transport::uriScheme(request.peer.transport)},
                     {QStringLiteral("path"), request.path()}};
    if (code)
        line.insert(QStringLiteral("code"), codeName(*code));
    else
        line.insert(QStringLiteral("method"), transport::methodName(request.method));
    if (request.isNotification)
        line.insert(QStringLiteral("notification"), true);
    if (!body.isNull() && !body.isUndefined())
        line.insert(QStringLiteral("body"), body);
    if (!extra.isEmpty())
        line.insert(QStringLiteral("diagnostic"), extra);
    m_sink(line);
}

transport::ServerResponse SignalServer::handle(const transport::ServerRequest &request)
{
    const qint64 wall = m_clock.isValid() ? m_clock.elapsed() : 0;
    m_core.setWallTime(wall);
    // Answer at the time the request came, not at the last tick: a retry-timer or a lifetime
    // that ran out is over for the client as soon as its own clock says so.
    m_core.advanceTo(qint64(double(wall) * m_speed));
    ServerRequest r;
    r.clientCuid = cuidOf(request.peer);
    r.method = toCoreMethod(request.method);
    r.uriPath = request.uriPath;
    r.uriQuery = request.uriQuery;
    r.notification = request.isNotification;
    if (!request.ifMatch.isEmpty())
        r.ifMatch = request.ifMatch.first();
    if (request.observe == transport::ObserveAction::Register)
        r.observe = 0;
    else if (request.observe == transport::ObserveAction::Deregister)
        r.observe = 1;

    std::optional<ServerResponse> refused;
    if (r.clientCuid.isEmpty()) {
        refused = ServerResponse::error(CoapCode::Forbidden, QStringLiteral("cannot derive a cuid from the client certificate"));
    } else if (!request.payload.isEmpty()) {
        codec::Options options;
        options.direction = codec::MessageDirection::ClientToServer;
        options.unknownOptional = codec::UnknownOptionalKeys::Skip; // RFC 9132 §10.6.1: ignore them
        const auto decoded = codec::decodeCbor(request.payload, options);
        if (!decoded.ok()) {
            print("in", request, QJsonValue(), decoded.errorString(), std::nullopt);
            refused = ServerResponse::error(CoapCode::BadRequest, decoded.errorString());
        } else {
            r.body = decoded.value().object();
        }
    }
    if (!request.isNotification && r.body)
        print("in", request, *r.body, QString(), std::nullopt);
    else if (!request.isNotification && request.payload.isEmpty())
        print("in", request, QJsonValue(), QString(), std::nullopt);

    const ServerResponse answer = refused ? *refused : m_core.handle(r);

    transport::ServerResponse out;
    out.code = quint8(answer.code);
    out.maxAge = answer.maxAge;
    if (!answer.body.isEmpty()) {
        const auto encoded = codec::encodeJson(QJsonDocument(answer.body));
        if (encoded.ok()) {
            out.payload = encoded.value();
            out.contentFormat = transport::ContentFormatDotsCbor;
        } else {
            // A bug here, not the client's fault: say so instead of sending half a message.
            out.code = transport::CoapCode::InternalServerError;
            out.payload = (QStringLiteral("cannot encode the answer: ") + encoded.errorString()).toUtf8();
        }
    } else if (!answer.diagnostic.isEmpty()) {
        out.payload = answer.diagnostic.toUtf8();
    }
    print("out", request, answer.body.isEmpty() ? QJsonValue() : QJsonValue(answer.body), answer.diagnostic, out.code);
    if (m_hostility == Hostility::InboundFlood) {
        if (request.uriPath.value(2) == QLatin1String("hb"))
            m_floodedPeers.insert(request.peer.id);
        if (m_floodedPeers.contains(request.peer.id))
            return transport::ServerResponse::withCode(0); // acted on; the answer drowns on the way
    }
    if (m_hostility != Hostility::None) {
        out = spoil(m_hostility, request, out);
        if (m_hostility == Hostility::Silent || out.reset)
            return out;
        if (m_hostility == Hostility::UnknownTokens && request.uriPath.value(2) == QLatin1String("mitigate")
            && !out.payload.isEmpty()) {
            for (int copy = 0; copy < 3; ++copy)
                m_coap.sendUnsolicited(request.peer.id, out);
        }
    }
    if (m_core.policy().personality == Personality::Reference) {
        const QString resource = request.uriPath.value(2);
        out.nonConfirmable = resource == QLatin1String("mitigate") || resource == QLatin1String("tm")
            || resource == QLatin1String("hb");
        out.omitObserveOption = request.observe == transport::ObserveAction::Register;
        out.echoUriPath = true;
    }

    if (m_gateway)
        out.hopLimit = kDefaultHopLimit - 1; // added by this gateway, decremented as it forwards
    if (!request.isNotification && !m_publishQueued) {
        // Notify after this response has gone out.
        m_publishQueued = true;
        QMetaObject::invokeMethod(this, &SignalServer::publishChanges, Qt::QueuedConnection);
    }
    return out;
}

void SignalServer::tick()
{
    const qint64 wall = m_clock.elapsed();
    m_core.advanceTo(qint64(double(wall) * m_speed));
    sendHeartbeats(wall);
    publishChanges();
}

// RFC 9132 section 4.7: the server's own heartbeats, at each client's heartbeat-interval
// (0: none). An unanswered one stays "awaiting answer" in the core, which counts it as a
// miss when the next one is due and declares signal loss after missing-hb-allowed.
void SignalServer::sendHeartbeats(qint64 wallMs)
{
    if (m_hostility == Hostility::Silent)
        return;
    const QList<HeartbeatMonitor::Due> due = m_core.heartbeatsDue(wallMs);
    if (due.isEmpty())
        return;
    const QList<transport::ServerPeer> peers = m_coap.peers();
    for (const HeartbeatMonitor::Due &d : due) {
        const qint64 intervalMs = m_core.heartbeatIntervalSeconds(d.cuid) * 1000;
        for (const transport::ServerPeer &peer : peers) {
            if (m_cuidByPeer.value(peer.id) == d.cuid)
                sendHeartbeat(peer, d.cuid, d.peerHbStatus, intervalMs);
        }
    }
}

QCoro::Task<> SignalServer::sendHeartbeat(transport::ServerPeer peer, QString cuid, bool peerHbStatus, qint64 intervalMs)
{
    const QJsonObject body = ServerCore::heartbeatBody(peerHbStatus);
    transport::CoapRequest request;
    request.method = transport::Method::Put;
    request.uriPath = signal::resource::heartbeat();
    request.confirmable = false;
    if (m_gateway)
        request.hopLimit = kDefaultHopLimit - 1;
    // Answered or not before the next one is due.
    request.timeout = std::chrono::milliseconds(std::max<qint64>(intervalMs, 1000));
    const auto encoded = codec::encodeJson(QJsonDocument(body));
    if (!encoded.ok())
        co_return;
    request.payload = encoded.value();
    request.contentFormat = transport::ContentFormatDotsCbor;

    // What print() shows for this exchange.
    transport::ServerRequest shown;
    shown.method = request.method;
    shown.uriPath = request.uriPath;
    shown.peer = peer;
    print("out", shown, body, QString(), std::nullopt);

    QPointer<SignalServer> self(this);
    auto exchange = m_coap.request(peer.id, request);
    const auto answer = co_await exchange;
    if (!self)
        co_return;
    if (!answer.ok()) {
        if (m_sink)
            m_sink(QJsonObject{{QStringLiteral("event"), QStringLiteral("heartbeat-unanswered")},
                               {QStringLiteral("peer"), QStringLiteral("%1:%2").arg(peer.address.toString()).arg(peer.port)},
                               {QStringLiteral("reason"), answer.error().toString()}});
        co_return;
    }
    const transport::CoapResponse &response = answer.value();
    QString diagnostic;
    if (!response.isSuccess() && !response.payload.isEmpty())
        diagnostic = QString::fromUtf8(response.payload);
    print("in", shown, QJsonValue(), diagnostic, response.code);
    // Any answer shows the client is alive, even one from a client without a handler.
    m_core.heartbeatAnswered(cuid, m_clock.elapsed());
}

void SignalServer::publishChanges()
{
    m_publishQueued = false;
    if (m_hostility == Hostility::Silent)
        return;
    QSet<QString> notified;
    for (const ResourceChange &c : m_core.takeChanges()) {
        const QString prefix = c.kind == ResourceChange::Kind::Mitigation ? QStringLiteral("/.well-known/dots/mitigate/cuid=") + c.cuid
            : c.kind == ResourceChange::Kind::Telemetry                 ? QStringLiteral("/.well-known/dots/tm/cuid=") + c.cuid
                                                                         : QStringLiteral("/.well-known/dots/config");
        if (notified.contains(prefix))
            continue;
        notified.insert(prefix);
        // RFC 9132 §4.4.2.1: notifications are Non-confirmable.
        m_coap.notify(prefix, false);
        if (m_hostility == Hostility::DuplicateNotifications)
            m_coap.notify(prefix, false);
        if (m_hostility == Hostility::ReorderedNotifications)
            m_coap.resendPrevious(prefix);
    }
}

void SignalServer::setHostility(Hostility mode)
{
    m_hostility = mode;
    if (mode == Hostility::ObserveFlood)
        m_flood.start();
    else
        m_flood.stop();
}

} // namespace dots::simulator

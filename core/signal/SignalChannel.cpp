#include "signal/SignalChannel.h"

#include "codec/Codec.h"
#include "signal/Cuid.h"
#include "signal/Heartbeat.h"
#include "signal/NonConfirmableExchange.h"
#include "signal/ResourcePath.h"
#include "store/MidAllocator.h"
#include "store/TelemetryIdCounter.h"
#include "transport/CoapClient.h"
#include "transport/ServerRequest.h"
#include "transport/ServerResponse.h"

#include <QCoro/QCoroTimer>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QPointer>
#include <QSet>

#include <algorithm>

Q_LOGGING_CATEGORY(lcSignal, "dots.signal")

// Every co_await below awaits a named task: GCC 12 destroys a non-trivial temporary
// co_await operand twice.

namespace dots::signal {

using transport::CoapCode::toString;
using transport::CoapRequest;
using transport::CoapResponse;
using transport::Method;

namespace {

// What a coroutine returns when the channel was destroyed while it waited.
SignalError channelGone()
{
    return SignalError::make(SignalError::Kind::NotConnected, SignalChannel::tr("the signal channel was closed"));
}

QByteArray encodeBody(const QJsonObject &json, QString *error)
{
    codec::Options options;
    options.direction = codec::MessageDirection::ClientToServer;
    auto bytes = codec::encodeJson(QJsonDocument(json), options);
    if (!bytes.ok()) {
        *error = bytes.errorString();
        return {};
    }
    return bytes.value();
}

// Decodes a dots+cbor body; an empty body is an empty object.
std::optional<QJsonObject> decodeBody(const QByteArray &payload, QString *error)
{
    if (payload.isEmpty())
        return QJsonObject();
    auto json = codec::decodeCbor(payload);
    if (!json.ok()) {
        *error = json.errorString();
        return std::nullopt;
    }
    return json.value().object();
}

bool isNotFound(const SignalError &error)
{
    return error.kind == SignalError::Kind::Coap && error.coapCode == transport::CoapCode::NotFound;
}

std::chrono::milliseconds seconds(double s)
{
    return std::chrono::milliseconds(static_cast<qint64>(s * 1000.0));
}

// The first status the server reports for `mid`, falling back to the first one.
std::optional<MitigationStatus> pick(const QList<MitigationStatus> &statuses, quint32 mid)
{
    for (const auto &s : statuses)
        if (s.mid == mid)
            return s;
    if (!statuses.isEmpty())
        return statuses.first();
    return std::nullopt;
}

// Keeps what the server did not repeat (notifications carry subsets).
MitigationStatus merge(MitigationStatus known, const MitigationStatus &update)
{
    const Target target = update.target.identifiesResource() ? update.target : known.target;
    MitigationStatus merged = update;
    merged.target = target;
#define KEEP(field) if (!merged.field) merged.field = known.field
    KEEP(lifetime);
    KEEP(triggerMitigation);
    KEEP(mitigationStart);
    KEEP(status);
    KEEP(bytesDropped);
    KEEP(bpsDropped);
    KEEP(pktsDropped);
    KEEP(ppsDropped);
    KEEP(attackStatus);
#undef KEEP
    if (merged.aclList.isEmpty())
        merged.aclList = known.aclList;
    if (merged.totalTraffic.isEmpty())
        merged.totalTraffic = known.totalTraffic;
    if (merged.totalAttackTraffic.isEmpty())
        merged.totalAttackTraffic = known.totalAttackTraffic;
    if (merged.attackDetails.isEmpty())
        merged.attackDetails = known.attackDetails;
    return merged;
}

} // namespace

SignalChannel::SignalChannel(QObject *parent) : QObject(parent)
{
    m_heartbeatTimer.setSingleShot(false);
    connect(&m_heartbeatTimer, &QTimer::timeout, this, [this] { sendHeartbeat(); });
}

SignalChannel::~SignalChannel()
{
    m_wanted = false;
    ++m_generation;
    qDeleteAll(m_renewTimers);
}

std::optional<transport::ConnectionInfo> SignalChannel::connection() const
{
    return m_client ? m_client->connection() : std::nullopt;
}

std::optional<MitigationStatus> SignalChannel::mitigation(quint32 mid) const
{
    const auto it = m_mitigations.constFind(mid);
    return it == m_mitigations.constEnd() ? std::nullopt : std::optional(*it);
}

std::optional<MitigationRequest> SignalChannel::sentRequest(quint32 mid) const
{
    const auto it = m_sentRequests.constFind(mid);
    return it == m_sentRequests.constEnd() ? std::nullopt : std::optional(*it);
}

bool SignalChannel::isMitigating() const
{
    return std::any_of(m_mitigations.cbegin(), m_mitigations.cend(),
                       [](const MitigationStatus &s) { return s.isActive(); });
}

ConfigParameters SignalChannel::activeConfig() const
{
    if (m_serverConfig) {
        const auto &set = isMitigating() ? m_serverConfig->mitigatingConfig : m_serverConfig->idleConfig;
        if (set)
            return set->withDefaults();
    }
    return ConfigParameters::rfcDefaults();
}

void SignalChannel::setState(State state, const QString &reason)
{
    if (m_state == state && m_stateReason == reason)
        return;
    m_state = state;
    m_stateReason = reason;
    qCInfo(lcSignal) << "signal channel" << state << reason;
    emit stateChanged(state, reason);
}

QCoro::Task<SignalResult<transport::ConnectionInfo>> SignalChannel::connectToServer(ServerProfile profile)
{
    QPointer<SignalChannel> self(this); // it may be gone when an await returns (see exchange())
    disconnectFromServer();
    // Another server: the mitigations and configuration of the previous one are not its.
    if (profile.host != m_profile.host || profile.port != m_profile.port || profile.name != m_profile.name) {
        for (const quint32 mid : m_mitigations.keys())
            removeMitigation(mid);
        m_sentRequests.clear();
        qDeleteAll(m_renewTimers);
        m_renewTimers.clear();
        m_heartbeatTimer.stop(); // removing an active mitigation re-applied the idle config
        m_highestMidSeen = 0;
        m_sid = 0;
        m_sidNegotiated = false;
        if (m_serverConfig) {
            m_serverConfig.reset();
            emit sessionConfigChanged();
        }
    }
    const quint64 generation = ++m_generation;
    m_profile = profile;
    m_wanted = true;

    if (const QString problem = profile.pki.problem(); !problem.isEmpty()) {
        setState(State::Disconnected, problem);
        co_return SignalError::make(SignalError::Kind::Invalid, problem);
    }
    QFile certFile(profile.pki.certificateFile);
    QString cuidError;
    const auto cuid = certFile.open(QIODevice::ReadOnly) ? cuid::fromCertificate(certFile.readAll(), &cuidError)
                                                        : std::nullopt;
    if (!cuid) {
        const QString why = tr("cannot derive the client identifier from %1: %2")
                                .arg(profile.pki.certificateFile, cuidError.isEmpty() ? certFile.errorString() : cuidError);
        setState(State::Disconnected, why);
        co_return SignalError::make(SignalError::Kind::Invalid, why);
    }
    m_cuid = *cuid;
    if (m_mids) {
        // A configuration negotiated by an earlier run (dots-cli config set) is read by its sid.
        if (const auto stored = m_mids->negotiatedSid(m_profile.label(), m_cuid); stored.ok() && stored.value()) {
            m_sid = std::max(m_sid, *stored.value());
            m_sidNegotiated = true;
        }
    }

    m_client = std::make_unique<transport::CoapClient>();
    transport::PkiConfig pki = profile.pki;
    if (pki.peerName.isEmpty())
        pki.peerName = profile.host;
    m_client->setPki(pki);
    transport::ConnectOptions options;
    options.preference = profile.preference;
    m_client->setConnectOptions(options);
    connect(m_client.get(), &transport::CoapClient::notificationReceived, this, &SignalChannel::onNotification);
    connect(m_client.get(), &transport::CoapClient::disconnected, this, &SignalChannel::onDisconnected);
    m_client->setRequestHandler(resource::heartbeat().join(QLatin1Char('/')),
                                [self](const transport::ServerRequest &request) {
                                    return self ? self->answerServerHeartbeat(request)
                                                : transport::ServerResponse::withCode(transport::CoapCode::NotFound);
                                });

    setState(State::Connecting, tr("connecting to %1 port %2").arg(profile.host).arg(profile.port));
    auto handshake = m_client->connectToHost(profile.host, profile.port);
    auto connected = co_await handshake;
    if (!self)
        co_return channelGone();
    if (generation != m_generation)
        co_return SignalError::make(SignalError::Kind::NotConnected, tr("connection attempt was cancelled"));
    if (!connected.ok()) {
        m_wanted = false;
        setState(State::Disconnected, connected.error().message);
        co_return SignalError::fromTransport(connected.error());
    }
    auto setUp = afterConnect();
    co_await setUp;
    if (!self)
        co_return channelGone();
    if (generation != m_generation)
        co_return SignalError::make(SignalError::Kind::NotConnected, tr("connection attempt was cancelled"));
    co_return connected.value();
}

void SignalChannel::disconnectFromServer()
{
    m_wanted = false;
    ++m_generation;
    m_heartbeatTimer.stop();
    m_heartbeatInFlight = false;
    m_observationMid.clear();
    m_telemetryToken.clear();
    if (m_client) {
        m_client->disconnect(this);
        m_client->disconnectFromHost();
        // Coroutines of the old session may still hold the pointer until they resume.
        m_client.release()->deleteLater();
    }
    if (m_state != State::Disconnected)
        setState(State::Disconnected, tr("disconnected by the operator"));
}

QCoro::Task<> SignalChannel::afterConnect()
{
    QPointer<SignalChannel> self(this); // it may be gone when an await returns (see exchange())
    const quint64 generation = m_generation;
    m_missedHeartbeats = 0;
    m_heartbeatInFlight = false;
    m_observationMid.clear();
    m_telemetryToken.clear();

    auto configRead = fetchSessionConfig();
    auto config = co_await configRead;
    if (!self)
        co_return;
    if (generation != m_generation)
        co_return;
    if (!config.ok())
        qCWarning(lcSignal) << "session configuration not read:" << config.error().toString();

    auto listRead = refreshMitigations();
    auto listed = co_await listRead;
    if (!self)
        co_return;
    if (generation != m_generation)
        co_return;
    if (listed.ok()) {
        for (const auto &status : listed.value())
            if (status.isActive())
                observeMitigation(status.mid);
    }
    applyActiveConfig();
    setState(State::Connected, m_client && m_client->connection() ? m_client->connection()->describe() : QString());
    // Telemetry is optional for a server: set it up beside the session, not before it.
    setUpTelemetry();
}

QCoro::Task<> SignalChannel::reconnectLoop()
{
    QPointer<SignalChannel> self(this); // it may be gone when an await returns (see exchange())
    if (m_reconnecting)
        co_return;
    m_reconnecting = true;
    const quint64 generation = m_generation;
    auto delay = std::chrono::milliseconds(1000);
    while (m_wanted && generation == m_generation && m_state == State::Lost && m_client) {
        auto backoff = QCoro::sleepFor(delay);
        co_await backoff;
        if (!self)
            co_return;
        if (!m_wanted || generation != m_generation || !m_client)
            break;
        qCInfo(lcSignal) << "reconnecting to" << m_profile.host;
        auto handshake = m_client->connectToHost(m_profile.host, m_profile.port);
        auto connected = co_await handshake;
        if (!self)
            co_return;
        if (!m_wanted || generation != m_generation)
            break;
        if (connected.ok()) {
            auto setUp = afterConnect();
            co_await setUp;
            if (!self)
                co_return;
            break;
        }
        setState(State::Lost, tr("reconnect failed: %1").arg(connected.error().message));
        delay = std::min(delay * 2, std::chrono::milliseconds(30000));
    }
    m_reconnecting = false;
}

void SignalChannel::onDisconnected(const transport::TransportError &reason)
{
    if (!m_wanted || m_reconnecting)
        return;
    m_heartbeatTimer.stop();
    m_observationMid.clear();
    m_telemetryToken.clear();
    setState(State::Lost, tr("session closed: %1").arg(reason.message));
    reconnectLoop();
}

QCoro::Task<> SignalChannel::sendHeartbeat()
{
    QPointer<SignalChannel> self(this); // it may be gone when an await returns (see exchange())
    if (m_heartbeatInFlight || !m_client || m_state == State::Disconnected)
        co_return;
    m_heartbeatInFlight = true;
    const quint64 generation = m_generation;
    const ConfigParameters config = activeConfig();
    const int interval = config.heartbeatInterval.currentValue.value_or(defaults::kHeartbeatInterval);

    Heartbeat heartbeat;
    // RFC 9132 section 4.7: tell the server whether its heartbeats reach us.
    heartbeat.peerHbStatus = m_lastServerHeartbeat.isValid()
        && m_lastServerHeartbeat.secsTo(QDateTime::currentDateTimeUtc()) <= 2 * interval;
    QString error;
    CoapRequest request;
    request.method = Method::Put;
    request.uriPath = resource::heartbeat();
    request.payload = encodeBody(heartbeat.toJson(), &error);
    request.confirmable = false;
    request.timeout = std::chrono::seconds(std::max(1, interval));
    logOutgoing(request, SignalMessage::Kind::Heartbeat);

    QElapsedTimer clock;
    clock.start();
    QPointer<transport::CoapClient> client(m_client.get());
    auto heartbeatSent = client->request(request);
    auto result = co_await heartbeatSent;
    if (!self)
        co_return;
    if (generation != m_generation)
        co_return;
    m_heartbeatInFlight = false;
    if (result.ok()) {
        logIncoming(result.value(), tr("heartbeat"), SignalMessage::Kind::Heartbeat);
        const auto rtt = std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::nanoseconds(clock.nsecsElapsed()));
        m_rtt.addSample(rtt);
        m_missedHeartbeats = 0;
        m_lastHeartbeatAnswered = QDateTime::currentDateTimeUtc();
        emit heartbeatAnswered(rtt);
        if (m_state == State::Lost && !m_reconnecting)
            setState(State::Connected, tr("heartbeats answered again"));
        co_return;
    }
    // A heartbeat cut short by our own reconnect says nothing about the server.
    if (result.error().kind == transport::TransportError::Kind::Cancelled)
        co_return;
    ++m_missedHeartbeats;
    emit heartbeatMissed(m_missedHeartbeats);
    const int allowed = config.missingHbAllowed.currentValue.value_or(defaults::kMissingHbAllowed);
    qCInfo(lcSignal) << "heartbeat not answered" << m_missedHeartbeats << "of" << allowed << result.error().toString();
    if (m_missedHeartbeats >= allowed && m_state == State::Connected) {
        setState(State::Lost, tr("%1 heartbeats in a row went unanswered").arg(m_missedHeartbeats));
        reconnectLoop();
    }
}

// Runs inside libcoap: answer now, tell the rest of the program from the event loop.
transport::ServerResponse SignalChannel::answerServerHeartbeat(const transport::ServerRequest &request)
{
    SignalMessage in;
    in.direction = SignalMessage::Direction::Incoming;
    in.kind = SignalMessage::Kind::Heartbeat;
    in.time = QDateTime::currentDateTimeUtc();
    in.summary = tr("%1 %2 (from the server)").arg(transport::methodName(request.method), request.path());

    transport::ServerResponse answer = transport::ServerResponse::withCode(transport::CoapCode::Changed);
    std::optional<bool> peerHbStatus;
    if (request.method != Method::Put) {
        answer.code = transport::CoapCode::MethodNotAllowed;
    } else if (const auto body = decodeBody(request.payload, &in.problem)) {
        in.body = *body;
        const auto heartbeat = Heartbeat::fromJson(*body);
        if (heartbeat.ok())
            peerHbStatus = heartbeat.value.peerHbStatus;
        else
            in.problem = heartbeat.errorString();
    }
    if (!peerHbStatus && answer.code == transport::CoapCode::Changed) {
        answer.code = transport::CoapCode::BadRequest;
        answer.payload = QStringLiteral("malformed heartbeat: %1").arg(in.problem).toUtf8();
    }
    if (peerHbStatus)
        m_lastServerHeartbeat = in.time;

    SignalMessage out;
    out.direction = SignalMessage::Direction::Outgoing;
    out.kind = SignalMessage::Kind::Heartbeat;
    out.time = in.time;
    out.summary = tr("%1 for the server's heartbeat").arg(toString(answer.code));
    if (!answer.payload.isEmpty())
        out.problem = QString::fromUtf8(answer.payload);
    QMetaObject::invokeMethod(
        this,
        [this, in, out, peerHbStatus] {
            emit messageExchanged(in);
            emit messageExchanged(out);
            if (peerHbStatus)
                emit serverHeartbeatReceived(*peerHbStatus);
        },
        Qt::QueuedConnection);
    return answer;
}

void SignalChannel::applyActiveConfig()
{
    const ConfigParameters config = activeConfig();
    if (m_client) {
        transport::RetransmissionParams params;
        params.maxRetransmit = config.maxRetransmit.currentValue.value_or(defaults::kMaxRetransmit);
        params.ackTimeout = seconds(config.ackTimeout.currentValue.value_or(defaults::kAckTimeout).toDouble());
        params.ackRandomFactor = config.ackRandomFactor.currentValue.value_or(defaults::kAckRandomFactor).toDouble();
        m_client->setRetransmission(params);
    }
    const int interval = config.heartbeatInterval.currentValue.value_or(defaults::kHeartbeatInterval);
    if (interval <= 0) {
        m_heartbeatTimer.stop(); // heartbeat-interval 0 turns heartbeats off
    } else if (m_heartbeatTimer.interval() != interval * 1000 || !m_heartbeatTimer.isActive()) {
        m_heartbeatTimer.start(interval * 1000);
    }
}

// A coroutine of the channel can resume after the channel is deleted: every transport result
// reaches its waiter through the event loop, and the Non-confirmable path adds a queued hop of
// its own (sendNonConfirmable awaits a signal). The transport ends every request of a closed or
// destroyed client with an error, and withdraws answers not yet delivered (PendingRequest.h),
// but an answer that completed a repeated exchange may still be on its way here. So this is the
// one place that checks: once the channel is gone, exchange() answers an error, never a
// response. Callers that return such an error at once need no check of their own; coroutines
// that touch the channel after an await on every path (generation checks, timers, direct
// client calls) keep theirs.
QCoro::Task<SignalResult<CoapResponse>> SignalChannel::exchange(CoapRequest request, bool confirmable)
{
    QPointer<SignalChannel> self(this);
    if (!m_client)
        co_return SignalError::make(SignalError::Kind::NotConnected, tr("not connected to a DOTS server"));
    logOutgoing(request);
    QPointer<transport::CoapClient> client(m_client.get());
    if (confirmable) {
        request.confirmable = true;
        auto sent = client->request(request);
        auto result = co_await sent;
        if (!self)
            co_return channelGone();
        if (!result.ok())
            co_return SignalError::fromTransport(result.error());
        logIncoming(result.value(), request.path());
        co_return result.value();
    }
    auto repeated = sendNonConfirmable(client, request, m_retry, &m_rtt);
    auto outcome = co_await repeated;
    if (!self)
        co_return channelGone();
    if (!outcome.result.ok())
        co_return SignalError::fromTransport(outcome.result.error());
    CoapResponse response = outcome.result.value();
    logIncoming(response, request.path());
    // A DELETE whose answer came to a repeated copy may find nothing left to delete because
    // an earlier copy got through; a 4.04 to the first copy means there never was anything.
    if (request.method == Method::Delete && outcome.answeredCopy > 1
        && response.code == transport::CoapCode::NotFound)
        response.code = transport::CoapCode::Deleted;
    co_return response;
}

QCoro::Task<SignalResult<CoapResponse>> SignalChannel::putResource(QStringList path, QJsonObject body, QString what,
                                                                   QString unencodable, bool confirmable,
                                                                   std::optional<QByteArray> ifMatch)
{
    QString encodeError;
    CoapRequest coap;
    coap.method = Method::Put;
    coap.uriPath = path;
    coap.ifMatch = ifMatch;
    coap.payload = encodeBody(body, &encodeError);
    if (!encodeError.isEmpty())
        co_return SignalError::make(SignalError::Kind::Invalid, unencodable, encodeError);
    auto sent = exchange(coap, confirmable);
    auto response = co_await sent;
    if (!response.ok())
        co_return response.error();
    const CoapResponse &r = response.value();
    if (r.code != transport::CoapCode::Created && r.code != transport::CoapCode::Changed)
        co_return errorFromResponse(r, what);
    co_return r;
}

QCoro::Task<SignalResult<QJsonObject>> SignalChannel::getResource(QStringList path, QString what, QString undecodable,
                                                                  bool confirmable)
{
    CoapRequest coap;
    coap.method = Method::Get;
    coap.uriPath = path;
    auto sent = exchange(coap, confirmable);
    auto response = co_await sent;
    if (!response.ok())
        co_return response.error();
    const CoapResponse &r = response.value();
    if (r.code != transport::CoapCode::Content)
        co_return errorFromResponse(r, what);
    QString problem;
    const auto body = decodeBody(r.payload, &problem);
    if (!body)
        co_return SignalError::make(SignalError::Kind::Malformed, undecodable, problem);
    co_return *body;
}

QCoro::Task<SignalResult<Done>> SignalChannel::deleteResource(QStringList path, QString what, bool confirmable)
{
    CoapRequest coap;
    coap.method = Method::Delete;
    coap.uriPath = path;
    auto sent = exchange(coap, confirmable);
    auto response = co_await sent;
    if (!response.ok())
        co_return response.error();
    if (response.value().code != transport::CoapCode::Deleted)
        co_return errorFromResponse(response.value(), what);
    co_return Done{};
}

SignalError SignalChannel::errorFromResponse(const CoapResponse &response, const QString &what) const
{
    SignalError error;
    error.kind = SignalError::Kind::Coap;
    error.coapCode = response.code;
    error.maxAge = response.maxAge;
    QString decodeProblem;
    if (response.contentFormat == transport::ContentFormatDotsCbor) {
        if (const auto body = decodeBody(response.payload, &decodeProblem)) {
            const auto statuses = parseMitigationStatus(*body);
            if (!statuses.value.isEmpty() && statuses.value.first().conflictInformation) {
                const ConflictInformation &conflict = *statuses.value.first().conflictInformation;
                QStringList parts;
                if (conflict.conflictCause)
                    parts << label(*conflict.conflictCause);
                if (conflict.conflictScope && conflict.conflictScope->mid)
                    parts << tr("with mitigation %1").arg(*conflict.conflictScope->mid);
                if (conflict.retryTimer)
                    parts << tr("retry in %1 s").arg(*conflict.retryTimer);
                error.diagnostic = parts.join(QStringLiteral(", "));
            } else {
                error.diagnostic = QString::fromUtf8(QJsonDocument(*body).toJson(QJsonDocument::Compact));
            }
        } else {
            error.diagnostic = decodeProblem;
        }
    } else {
        error.diagnostic = QString::fromUtf8(response.payload).trimmed();
    }
    QString meaning;
    switch (response.code) {
    case transport::CoapCode::BadRequest: meaning = tr("the server found the request malformed"); break;
    case transport::CoapCode::Unauthorized:
    case transport::CoapCode::Forbidden: meaning = tr("the server does not allow this client to do that"); break;
    case transport::CoapCode::NotFound: meaning = tr("the server does not know it"); break;
    case transport::CoapCode::Conflict: meaning = tr("the server reports a conflict"); break;
    case transport::CoapCode::PreconditionFailed: meaning = tr("the server has no such mitigation to update"); break;
    case transport::CoapCode::UnprocessableEntity: meaning = tr("the server cannot accept these values"); break;
    case transport::CoapCode::ServiceUnavailable:
        meaning = response.maxAge ? tr("the server is busy; try again in %1 s").arg(*response.maxAge)
                                  : tr("the server is busy");
        break;
    default: meaning = tr("the server answered %1").arg(response.codeString()); break;
    }
    error.message = tr("%1 refused (%2): %3").arg(what, response.codeString(), meaning);
    return error;
}

std::optional<quint32> SignalChannel::allocateMid(QString *error)
{
    if (m_mids) {
        auto mid = m_mids->allocate(m_profile.label(), m_cuid, !isMitigating());
        if (!mid.ok()) {
            *error = mid.error().message;
            return std::nullopt;
        }
        m_highestMidSeen = std::max(m_highestMidSeen, mid.value());
        return mid.value();
    }
    return ++m_highestMidSeen;
}

QCoro::Task<SignalResult<MitigationStatus>> SignalChannel::requestMitigation(MitigationRequest request)
{
    if (const auto problems = request.validate(); !problems.isEmpty()) {
        QStringList lines;
        for (const auto &p : problems)
            lines << p.toString();
        co_return SignalError::make(SignalError::Kind::Invalid, tr("the request is not valid"), lines.join(u'\n'));
    }
    if (request.mid == 0) {
        QString error;
        const auto mid = allocateMid(&error);
        if (!mid)
            co_return SignalError::make(SignalError::Kind::Invalid, tr("no mitigation identifier available"), error);
        request.mid = *mid;
    }
    const quint32 mid = request.mid;
    auto requestSent = putResource(resource::mitigation(m_cuid, mid), request.toJson(),
                                   tr("mitigation request %1").arg(mid),
                                   tr("the request cannot be encoded"), false);
    auto response = co_await requestSent;
    if (!response.ok())
        co_return response.error();
    const CoapResponse &r = response.value();

    m_sentRequests.insert(mid, request);
    m_highestMidSeen = std::max(m_highestMidSeen, mid);
    MitigationStatus status;
    status.mid = mid;
    status.target = request.target;
    status.lifetime = request.lifetime;
    status.triggerMitigation = request.triggerMitigation;
    status.aclList = request.aclList;
    QString problem;
    if (const auto body = decodeBody(r.payload, &problem); body && !body->isEmpty()) {
        const auto parsed = parseMitigationStatus(*body);
        if (const auto reported = pick(parsed.value, mid))
            status = merge(status, *reported);
    }
    status.mid = mid;
    if (m_mitigations.contains(mid))
        status = merge(m_mitigations.value(mid), status);
    applyMitigationStatus(status);
    if (!m_observationMid.values().contains(mid))
        observeMitigation(mid);
    scheduleRenewal(mid);
    co_return status;
}

QCoro::Task<SignalResult<MitigationStatus>> SignalChannel::renewMitigation(quint32 mid)
{
    const auto sent = sentRequest(mid);
    if (!sent)
        co_return SignalError::make(SignalError::Kind::Invalid,
                                    tr("mitigation %1 was not requested from this console").arg(mid));
    auto renewal = requestMitigation(*sent);
    co_return co_await renewal;
}

QCoro::Task<SignalResult<MitigationStatus>> SignalChannel::changeFilterActivation(quint32 mid, QString aclName,
                                                                                 ActivationType activation)
{
    auto request = sentRequest(mid);
    if (!request)
        co_return SignalError::make(SignalError::Kind::Invalid,
                                    tr("mitigation %1 was not requested from this console").arg(mid));
    const auto entry = std::find_if(request->aclList.begin(), request->aclList.end(),
                                    [&](const AclListEntry &e) { return e.aclName == aclName; });
    if (entry == request->aclList.end())
        request->aclList.append(AclListEntry{aclName, activation});
    else
        entry->activationType = activation;
    // A new mid carrying the whole scope (RFC 9133 section 3.2; the reference server refuses
    // the change under the old mid). The server withdraws the overlapped lower mid, so the
    // new one replaces it here too.
    request->mid = 0;
    auto update = requestMitigation(*request);
    auto replaced = co_await update;
    if (replaced.ok() && replaced.value().mid != mid)
        forgetMitigation(mid);
    co_return replaced;
}

void SignalChannel::forgetMitigation(quint32 mid)
{
    for (auto it = m_observationMid.begin(); it != m_observationMid.end();) {
        if (it.value() == mid) {
            if (m_client)
                m_client->cancelObservation(it.key()); // deregistration is a courtesy; its answer is not needed
            it = m_observationMid.erase(it);
        } else {
            ++it;
        }
    }
    removeMitigation(mid);
}

QCoro::Task<SignalResult<MitigationStatus>> SignalChannel::sendEfficacyUpdate(quint32 mid, AttackStatus attackStatus)
{
    MitigationRequest request;
    if (const auto sent = sentRequest(mid)) {
        request = *sent;
    } else if (const auto known = mitigation(mid)) {
        request.mid = mid;
        request.target = known->target;
        request.lifetime = known->lifetime.value_or(kDefaultLifetime);
    } else {
        co_return SignalError::make(SignalError::Kind::Invalid, tr("mitigation %1 is not known").arg(mid));
    }
    request.mid = mid;
    const EfficacyUpdate update = EfficacyUpdate::forRequest(request, attackStatus);
    // Empty If-Match: update only what exists (RFC 9132 section 4.4.3).
    auto updateSent = putResource(resource::mitigation(m_cuid, mid), update.toJson(),
                                  tr("efficacy update for mitigation %1").arg(mid),
                                  tr("the update cannot be encoded"), false, QByteArray());
    auto response = co_await updateSent;
    if (!response.ok())
        co_return response.error();
    const CoapResponse &r = response.value();
    MitigationStatus status = mitigation(mid).value_or(MitigationStatus{});
    status.mid = mid;
    status.attackStatus = attackStatus;
    QString problem;
    if (const auto body = decodeBody(r.payload, &problem); body && !body->isEmpty())
        if (const auto reported = pick(parseMitigationStatus(*body).value, mid))
            status = merge(status, *reported);
    applyMitigationStatus(status);
    co_return status;
}

QCoro::Task<SignalResult<Done>> SignalChannel::withdrawMitigation(quint32 mid)
{
    auto deleteSent = deleteResource(resource::mitigation(m_cuid, mid),
                                     tr("withdrawal of mitigation %1").arg(mid), false);
    auto deleted = co_await deleteSent;
    if (!deleted.ok())
        co_return deleted.error();
    // The server may go on reporting it as withdrawn-and-terminating for a while; the
    // analyst asked for it to go, so stop listening rather than let it reappear.
    forgetMitigation(mid);
    co_return Done{};
}

QCoro::Task<SignalResult<QList<MitigationStatus>>> SignalChannel::refreshMitigations()
{
    auto listSent = getResource(resource::mitigation(m_cuid), tr("listing mitigations"),
                                tr("the mitigation list could not be decoded"), false);
    auto body = co_await listSent;
    if (!body.ok()) {
        const SignalError error = body.error();
        if (error.kind != SignalError::Kind::Coap || error.coapCode != transport::CoapCode::NotFound)
            co_return error;
        for (const quint32 mid : m_mitigations.keys()) // 4.04: no mitigation at all
            removeMitigation(mid);
        co_return QList<MitigationStatus>{};
    }
    const auto parsed = parseMitigationStatus(body.value());
    if (!parsed.ok())
        qCWarning(lcSignal) << "mitigation list has problems:" << parsed.errorString();
    // What the server no longer lists is gone (expired, or ended by the server).
    QSet<quint32> listedMids;
    for (const auto &status : parsed.value)
        listedMids.insert(status.mid);
    for (const quint32 mid : m_mitigations.keys())
        if (!listedMids.contains(mid))
            removeMitigation(mid);
    for (const auto &status : parsed.value) {
        m_highestMidSeen = std::max(m_highestMidSeen, status.mid);
        if (m_mids)
            m_mids->noteUsed(m_profile.label(), m_cuid, status.mid);
        applyMitigationStatus(merge(m_mitigations.value(status.mid), status));
    }
    co_return parsed.value;
}

QCoro::Task<> SignalChannel::observeMitigation(quint32 mid)
{
    QPointer<SignalChannel> self(this); // it may be gone when an await returns (see exchange())
    if (!m_client)
        co_return;
    auto registration = registerObservation(resource::mitigation(m_cuid, mid), QStringLiteral("mitigation %1").arg(mid));
    const auto first = co_await registration;
    if (!self || !first)
        co_return;
    m_observationMid.insert(first->token, mid);
    onNotification(first->token, *first);
}

QCoro::Task<std::optional<CoapResponse>> SignalChannel::registerObservation(QStringList path, QString what)
{
    QPointer<SignalChannel> self(this); // it may be gone when an await returns (see exchange())
    const quint64 generation = m_generation;
    CoapRequest coap;
    coap.method = Method::Get;
    coap.uriPath = std::move(path);
    coap.observe = transport::ObserveAction::Register;
    // Non-confirmable and repeated until answered, like every mitigation and telemetry
    // request (RFC 9132 section 4.4.2): a Confirmable registration that a server answers
    // Non-confirmable would hold up the session's Confirmable requests (the reference server
    // does that). The first copy answered is the observation; later ones are cancelled.
    logOutgoing(coap);
    QPointer<transport::CoapClient> client(m_client.get());
    auto registration = sendNonConfirmable(client, coap, m_retry, &m_rtt);
    auto outcome = co_await registration;
    if (!self)
        co_return std::nullopt;
    if (generation != m_generation || !client)
        co_return std::nullopt;
    if (!outcome.result.ok()) {
        qCInfo(lcSignal) << "observing" << what << "failed:" << outcome.result.error().toString();
        co_return std::nullopt;
    }
    co_return outcome.result.value();
}

void SignalChannel::onNotification(const QByteArray &token, const CoapResponse &response)
{
    if (!m_telemetryToken.isEmpty() && token == m_telemetryToken) {
        applyTelemetryNotification(response);
        return;
    }
    const auto it = m_observationMid.constFind(token);
    if (it == m_observationMid.constEnd())
        return; // an observation of an earlier session
    const quint32 mid = *it;
    logIncoming(response, tr("notification for mitigation %1").arg(mid), SignalMessage::Kind::Notification);
    if (response.code == transport::CoapCode::NotFound) {
        m_observationMid.remove(token);
        removeMitigation(mid);
        return;
    }
    if (!response.isSuccess())
        return;
    QString problem;
    const auto body = decodeBody(response.payload, &problem);
    if (!body) {
        qCWarning(lcSignal) << "notification for mitigation" << mid << "ignored:" << problem;
        return;
    }
    if (const auto reported = pick(parseMitigationStatus(*body).value, mid))
        applyMitigationStatus(merge(m_mitigations.value(reported->mid), *reported));
}

void SignalChannel::applyMitigationStatus(const MitigationStatus &status)
{
    const bool wasMitigating = isMitigating();
    m_mitigations.insert(status.mid, status);
    emit mitigationChanged(status);
    if (wasMitigating != isMitigating())
        applyActiveConfig(); // RFC 9132 section 4.5: switch idle <-> mitigating values
}

void SignalChannel::removeMitigation(quint32 mid)
{
    const bool wasMitigating = isMitigating();
    m_sentRequests.remove(mid);
    delete m_renewTimers.take(mid);
    if (m_mitigations.remove(mid) > 0)
        emit mitigationRemoved(mid);
    if (wasMitigating != isMitigating())
        applyActiveConfig();
}

void SignalChannel::scheduleRenewal(quint32 mid, std::optional<std::chrono::milliseconds> retryIn)
{
    delete m_renewTimers.take(mid);
    const auto sent = sentRequest(mid);
    if (!m_autoRenew || !sent || sent->lifetime <= 0)
        return;
    qint64 at = 0;
    if (retryIn) {
        at = retryIn->count();
    } else {
        // Time it from what the server granted: it may cut the requested lifetime short
        // (RFC 9132 section 4.4.1). Renew when 90 % has gone, and at least 5 s before the end.
        qint64 lifetime = sent->lifetime;
        if (const auto granted = mitigation(mid); granted && granted->lifetime.value_or(0) > 0)
            lifetime = std::min(lifetime, *granted->lifetime);
        const qint64 lifetimeMs = lifetime * 1000;
        at = std::max<qint64>(1000, std::min(lifetimeMs * 9 / 10, lifetimeMs - 5000));
    }
    auto *timer = new QTimer;
    timer->setSingleShot(true);
    connect(timer, &QTimer::timeout, this, [this, mid] { renewBeforeExpiry(mid); });
    timer->start(std::chrono::milliseconds(at));
    m_renewTimers.insert(mid, timer);
}

QCoro::Task<> SignalChannel::renewBeforeExpiry(quint32 mid)
{
    QPointer<SignalChannel> self(this);
    auto renewal = renewMitigation(mid);
    const auto result = co_await renewal;
    if (!self || result.ok() || !sentRequest(mid))
        co_return; // a renewal that went through scheduled the next one
    const SignalError &error = result.error();
    // A server that refuses the renewal itself will refuse it again; anything else (no
    // answer, session lost, busy) is tried again, so that the mitigation does not lapse
    // because of us: after its lifetime the same PUT makes it anew.
    const bool refused = error.kind == SignalError::Kind::Coap && error.coapCode != transport::CoapCode::ServiceUnavailable;
    logNote(tr("renewing mitigation %1 failed: %2").arg(mid).arg(error.toString()));
    if (refused || error.kind == SignalError::Kind::Invalid || m_state == State::Disconnected)
        co_return; // disconnected: the operator ended the session, or it was given up
    const auto again = std::chrono::seconds(error.maxAge ? std::clamp<quint32>(*error.maxAge, 1, 60) : 3);
    scheduleRenewal(mid, again);
}

QCoro::Task<SignalResult<SessionConfig>> SignalChannel::fetchSessionConfig()
{
    QPointer<SignalChannel> self(this); // it may be gone when an await returns (see exchange())
    // What this client negotiated lives under its sid; GET without sid may answer only the
    // server's defaults (the reference server does), so read config/sid=N once there is one
    // (RFC 9132 section 4.5).
    std::optional<SignalResult<QJsonObject>> body;
    if (m_sidNegotiated) {
        auto negotiatedRead = getResource(resource::config(m_sid), tr("reading the session configuration"),
                                          tr("the session configuration could not be decoded"), true);
        body = co_await negotiatedRead;
        if (!self)
            co_return channelGone();
        if (!body->ok() && isNotFound(body->error())) {
            rememberNegotiatedSid(false); // the server forgot it: its defaults apply again
            body.reset();
        }
    }
    if (!body) {
        auto configRead = getResource(resource::config(), tr("reading the session configuration"),
                                      tr("the session configuration could not be decoded"), true);
        body = co_await configRead;
        if (!self)
            co_return channelGone();
    }
    if (!body->ok() && isNotFound(body->error())) {
        // No configuration resource at all (the reference server after a reset): not fatal.
        // The RFC defaults apply until the server says otherwise.
        logNote(tr("the server has no session configuration (4.04): using the RFC 9132 defaults"));
        m_serverConfig.reset();
        applyActiveConfig();
        emit sessionConfigChanged();
        co_return SessionConfig::rfcDefaults();
    }
    if (!body->ok())
        co_return body->error();
    auto parsed = SessionConfig::fromJson(body->value());
    if (!parsed.ok())
        qCWarning(lcSignal) << "session configuration has problems:" << parsed.errorString();
    m_serverConfig = parsed.value;
    if (parsed.value.sid)
        m_sid = std::max(m_sid, *parsed.value.sid);
    applyActiveConfig();
    emit sessionConfigChanged();
    co_return parsed.value;
}

void SignalChannel::rememberNegotiatedSid(bool negotiated)
{
    m_sidNegotiated = negotiated;
    if (m_mids)
        m_mids->setNegotiatedSid(m_profile.label(), m_cuid, negotiated ? std::optional<quint32>(m_sid) : std::nullopt);
}

QCoro::Task<SignalResult<SessionConfig>> SignalChannel::proposeSessionConfig(SessionConfig proposal)
{
    if (m_serverConfig) {
        if (const auto problems = checkAgainstServerRanges(proposal, *m_serverConfig); !problems.isEmpty()) {
            QStringList lines;
            for (const auto &p : problems)
                lines << p.toString();
            co_return SignalError::make(SignalError::Kind::Invalid,
                                        tr("the proposal is outside the server's ranges"), lines.join(u'\n'));
        }
    }
    // sid only grows (RFC 9132 section 4.5.2); seconds since 2020 keep it growing across restarts.
    m_sid = std::max<quint32>(m_sid + 1, quint32(QDateTime::currentSecsSinceEpoch() - 1577836800));
    auto proposalSent = putResource(resource::config(m_sid), proposal.currentValuesOnly().toJson(),
                                    tr("session configuration proposal"),
                                    tr("the proposal cannot be encoded"), true);
    auto response = co_await proposalSent;
    if (!response.ok())
        co_return response.error();
    rememberNegotiatedSid(true);
    auto configRead = fetchSessionConfig();
    co_return co_await configRead;
}

QCoro::Task<SignalResult<SessionConfig>> SignalChannel::resetSessionConfig()
{
    auto resetSent = deleteResource(resource::config(m_sid ? std::optional<quint32>(m_sid) : std::nullopt),
                                    tr("session configuration reset"), true);
    auto reset = co_await resetSent;
    if (!reset.ok())
        co_return reset.error();
    rememberNegotiatedSid(false);
    auto configRead = fetchSessionConfig();
    co_return co_await configRead;
}

QCoro::Task<> SignalChannel::setUpTelemetry()
{
    QPointer<SignalChannel> self(this); // it may be gone when an await returns (see exchange())
    const quint64 generation = m_generation;
    auto read = fetchTelemetrySetup();
    auto setup = co_await read;
    if (!self)
        co_return;
    if (generation != m_generation || !m_client)
        co_return;
    if (!setup.ok())
        qCInfo(lcSignal) << "telemetry setup not read:" << setup.error().toString();

    auto registration = registerObservation(resource::telemetry(m_cuid), QStringLiteral("telemetry"));
    const auto first = co_await registration;
    if (!self || !first)
        co_return;
    // A 4.04 (no telemetry yet, as go-dots answers) ends the observation; a success keeps it.
    if (first->isSuccess())
        m_telemetryToken = first->token;
    applyTelemetryNotification(*first);
}

void SignalChannel::applyTelemetryNotification(const CoapResponse &response)
{
    logIncoming(response, tr("telemetry"), SignalMessage::Kind::Notification);
    if (!response.isSuccess())
        return;
    QString problem;
    const auto body = decodeBody(response.payload, &problem);
    if (!body) {
        qCWarning(lcSignal) << "telemetry notification ignored:" << problem;
        return;
    }
    if (body->isEmpty())
        return;
    const auto parsed = parseTelemetryReports(*body);
    if (!parsed.ok())
        qCWarning(lcSignal) << "telemetry notification has problems:" << parsed.errorString();
    if (!parsed.value.isEmpty())
        emit telemetryReceived(parsed.value);
}

QCoro::Task<SignalResult<TelemetrySetupInfo>> SignalChannel::fetchTelemetrySetup()
{
    auto sent = getResource(resource::telemetrySetup(m_cuid), tr("reading the telemetry setup"),
                            tr("the telemetry setup could not be decoded"), true);
    auto body = co_await sent;
    if (!body.ok())
        co_return body.error();
    const auto parsed = TelemetrySetupInfo::fromJson(body.value());
    if (!parsed.ok()) // keep what could be read, as with the session configuration
        qCWarning(lcSignal) << "telemetry setup has problems:" << parsed.errorString();
    m_telemetrySetup = parsed.value;
    for (const auto &s : parsed.value.setups)
        m_lastTsid = std::max(m_lastTsid, s.tsid);
    emit telemetrySetupChanged();
    co_return parsed.value;
}

QCoro::Task<SignalResult<TelemetrySetup>> SignalChannel::sendTelemetrySetup(TelemetrySetup setup)
{
    ValidationErrors problems = setup.validate();
    if (setup.currentConfig && m_telemetrySetup)
        problems += setup.currentConfig->checkRanges(m_telemetrySetup->minConfig, m_telemetrySetup->maxConfig,
                                                     QStringLiteral("telemetry[0].current-config"));
    if (!problems.isEmpty()) {
        QStringList lines;
        for (const auto &p : problems)
            lines << p.toString();
        co_return SignalError::make(SignalError::Kind::Invalid, tr("the telemetry setup is not valid"), lines.join(u'\n'));
    }
    if (setup.tsid == 0)
        setup.tsid = ++m_lastTsid;
    m_lastTsid = std::max(m_lastTsid, setup.tsid);
    const quint32 tsid = setup.tsid;
    auto sent = putResource(resource::telemetrySetup(m_cuid, tsid), setup.toRequestJson(),
                            tr("telemetry setup %1").arg(tsid),
                            tr("the telemetry setup cannot be encoded"), true);
    auto response = co_await sent;
    if (!response.ok())
        co_return response.error();
    auto reread = fetchTelemetrySetup();
    auto info = co_await reread;
    if (info.ok())
        if (const auto stored = info.value().setup(tsid))
            co_return *stored;
    co_return setup;
}

QCoro::Task<SignalResult<Done>> SignalChannel::deleteTelemetrySetup(std::optional<quint32> tsid)
{
    auto sent = deleteResource(resource::telemetrySetup(m_cuid, tsid),
                               tsid ? tr("deleting telemetry setup %1").arg(*tsid)
                                    : tr("deleting the telemetry setups"),
                               true);
    auto deleted = co_await sent;
    if (!deleted.ok())
        co_return deleted.error();
    auto reread = fetchTelemetrySetup();
    co_await reread;
    co_return Done{};
}

QCoro::Task<SignalResult<quint32>> SignalChannel::sendTelemetryReport(TelemetryReport report)
{
    if (const auto problems = report.validate(); !problems.isEmpty()) {
        QStringList lines;
        for (const auto &p : problems)
            lines << p.toString();
        co_return SignalError::make(SignalError::Kind::Invalid, tr("the telemetry is not valid"), lines.join(u'\n'));
    }
    // tmid must grow across runs too (the server refuses a lower one): persisted like mid.
    quint32 tmid = report.tmid.value_or(m_lastTmid + 1);
    if (!report.tmid && m_telemetryIds) {
        const auto allocated = m_telemetryIds->allocate(m_profile.label(), m_cuid, store::TelemetryIdCounter::Kind::Tmid,
                                                        m_lastTmid);
        if (!allocated.ok())
            co_return SignalError::make(SignalError::Kind::Invalid, tr("no telemetry identifier available"),
                                        allocated.error().message);
        tmid = allocated.value();
    }
    m_lastTmid = std::max(m_lastTmid, tmid);
    // Non-confirmable and repeated until answered, like a mitigation request: it matters most
    // when the link is flooded.
    auto sent = putResource(resource::telemetry(m_cuid, tmid), telemetryReportsToJson({report}, false),
                            tr("telemetry %1").arg(tmid), tr("the telemetry cannot be encoded"),
                            false);
    auto response = co_await sent;
    if (!response.ok())
        co_return response.error();
    co_return tmid;
}

void SignalChannel::logNote(const QString &text)
{
    qCInfo(lcSignal) << text;
    SignalMessage message;
    message.direction = SignalMessage::Direction::Incoming;
    message.time = QDateTime::currentDateTimeUtc();
    message.summary = text;
    emit messageExchanged(message);
}

void SignalChannel::logOutgoing(const CoapRequest &request, SignalMessage::Kind kind)
{
    SignalMessage message;
    message.direction = SignalMessage::Direction::Outgoing;
    message.kind = kind;
    message.time = QDateTime::currentDateTimeUtc();
    message.summary = QStringLiteral("%1 %2%3").arg(transport::methodName(request.method), request.path(),
                                                   request.observe == transport::ObserveAction::Register ? QStringLiteral(" (observe)") : QString());
    if (!request.payload.isEmpty()) {
        if (const auto body = decodeBody(request.payload, &message.problem))
            message.body = *body;
    }
    emit messageExchanged(message);
}

void SignalChannel::logIncoming(const CoapResponse &response, const QString &context, SignalMessage::Kind kind)
{
    SignalMessage message;
    message.direction = SignalMessage::Direction::Incoming;
    message.kind = kind;
    message.time = QDateTime::currentDateTimeUtc();
    // The log speaks the analyst's language; codes, methods and paths stay as on the wire.
    message.summary = tr("%1 for %2").arg(response.codeString(), context);
    if (!response.payload.isEmpty()) {
        // An error answer without a content format carries a diagnostic text (RFC 7252 section
        // 5.5.2); anything else is expected to be dots+cbor, even when a peer omits the format.
        const bool diagnostic = !response.isSuccess() && response.contentFormat != transport::ContentFormatDotsCbor;
        if (diagnostic) {
            message.summary += QStringLiteral(": ") + QString::fromUtf8(response.payload).trimmed();
        } else if (response.contentFormat == transport::ContentFormatDotsCbor || !response.contentFormat) {
            if (const auto body = decodeBody(response.payload, &message.problem))
                message.body = *body;
        } else {
            message.problem = tr("unexpected content format %1").arg(*response.contentFormat);
        }
    }
    emit messageExchanged(message);
}

} // namespace dots::signal

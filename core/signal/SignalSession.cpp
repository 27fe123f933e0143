// SPDX-License-Identifier: GPL-3.0-or-later
#include "signal/SignalSession.h"

#include "types/Cuid.h"
#include "signal/Heartbeat.h"
#include "signal/NegotiatedRetransmission.h"
#include "signal/ResourcePath.h"
#include "signal/SignalBody.h"
#include "signal/SignalLog.h"
#include "transport/CoapClient.h"
#include "transport/ServerRequest.h"
#include "transport/ServerResponse.h"

#include <QCoro/QCoroTimer>
#include <QElapsedTimer>
#include <QFile>
#include <QPointer>

// Every co_await below awaits a named task: GCC 12 destroys a non-trivial temporary
// co_await operand twice.

namespace dots::signal {

using transport::CoapRequest;
using transport::Method;

namespace {

SignalError cancelled()
{
    return SignalError::make(SignalError::Kind::NotConnected, SignalSession::tr("connection attempt was cancelled"));
}

} // namespace

SignalSession::SignalSession(SignalLog *log, QObject *parent) : QObject(parent), m_log(log)
{
    m_heartbeatTimer.setSingleShot(false);
    connect(&m_heartbeatTimer, &QTimer::timeout, this, [this] { sendHeartbeat(); });
    m_quietCheck.setInterval(1000);
    connect(&m_quietCheck, &QTimer::timeout, this, &SignalSession::checkQuiet);
    connect(this, &SignalSession::stateChanged, this, &SignalSession::checkQuiet);
    m_quietCheck.start();
}

SignalSession::~SignalSession()
{
    m_wanted = false;
    ++m_generation;
}

std::optional<transport::ConnectionInfo> SignalSession::connection() const
{
    return m_client ? m_client->connection() : std::nullopt;
}

void SignalSession::setState(State state, const QString &reason)
{
    if (m_state == state && m_stateReason == reason)
        return;
    m_state = state;
    m_stateReason = reason;
    qCInfo(lcSignal) << "signal channel" << state << reason;
    emit stateChanged(state, reason);
}

QCoro::Task<SignalResult<transport::ConnectionInfo>> SignalSession::open(ServerProfile profile)
{
    QPointer<SignalSession> self(this); // it may be gone when an await returns
    close();
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

    m_client = std::make_unique<transport::CoapClient>();
    transport::PkiConfig pki = profile.pki;
    if (pki.peerName.isEmpty())
        pki.peerName = profile.host;
    m_client->setPki(pki);
    transport::ConnectOptions options;
    options.preference = profile.preference;
    m_client->setConnectOptions(options);
    connect(m_client.get(), &transport::CoapClient::notificationReceived, this, &SignalSession::heardAnswer);
    connect(m_client.get(), &transport::CoapClient::notificationReceived, this, &SignalSession::notificationReceived);
    connect(m_client.get(), &transport::CoapClient::requestFinished, this,
            [this](const QByteArray &, std::chrono::microseconds, bool answered) {
                if (answered)
                    heardAnswer();
            });
    connect(m_client.get(), &transport::CoapClient::disconnected, this, &SignalSession::onDisconnected);
    m_client->setRequestHandler(resource::heartbeat().join(QLatin1Char('/')),
                                [self](const transport::ServerRequest &request) {
                                    return self ? self->answerServerHeartbeat(request)
                                                : transport::ServerResponse::withCode(transport::CoapCode::NotFound);
                                });

    setState(State::Connecting, tr("connecting to %1 port %2").arg(profile.host).arg(profile.port));
    auto handshake = m_client->connectToHost(profile.host, profile.port);
    auto connected = co_await handshake;
    if (!self)
        co_return SignalError::make(SignalError::Kind::NotConnected, tr("the signal channel was closed"));
    if (generation != m_generation)
        co_return cancelled();
    if (!connected.ok()) {
        m_wanted = false;
        setState(State::Disconnected, connected.error().message);
        co_return SignalError::fromTransport(connected.error());
    }
    auto setUp = runSetUp();
    co_await setUp;
    if (!self)
        co_return SignalError::make(SignalError::Kind::NotConnected, tr("the signal channel was closed"));
    if (generation != m_generation)
        co_return cancelled();
    if (m_state == State::Lost) {
        reconnectLoop();
        co_return SignalError::make(SignalError::Kind::NotConnected, m_stateReason);
    }
    co_return connected.value();
}

void SignalSession::close()
{
    m_wanted = false;
    ++m_generation;
    m_heartbeatTimer.stop();
    m_heartbeatInFlight = false;
    emit observationsEnded();
    if (m_client) {
        m_client->disconnect(this);
        m_client->disconnectFromHost();
        // Coroutines of the old session may still hold the pointer until they resume.
        m_client.release()->deleteLater();
    }
    if (m_state != State::Disconnected)
        setState(State::Disconnected, tr("disconnected by the operator"));
}

QCoro::Task<> SignalSession::runSetUp()
{
    m_missedHeartbeats = 0;
    m_heartbeatInFlight = false;
    // A new (D)TLS session: what the last one heard says nothing about this one.
    m_lastAnswer = QDateTime::currentDateTimeUtc();
    m_lastServerHeartbeat = {};
    m_lastPeerHbStatus = false;
    emit observationsEnded();
    if (m_state == State::Connecting && m_client && m_client->connection())
        setState(State::Connecting, tr("%1: waiting for the server's first answer").arg(m_client->connection()->describe()));
    if (!m_setUp) {
        markConnected();
        co_return;
    }
    auto setUp = m_setUp();
    co_await setUp;
}

void SignalSession::markConnected()
{
    applyConfig(m_config);
    setState(State::Connected, m_client && m_client->connection() ? m_client->connection()->describe() : QString());
}

void SignalSession::failSetUp(const QString &reason)
{
    if (m_state == State::Connected || m_state == State::Disconnected)
        return;
    m_heartbeatTimer.stop();
    setState(State::Lost, reason);
}

void SignalSession::heardAnswer()
{
    m_lastAnswer = QDateTime::currentDateTimeUtc();
    if (m_quiet)
        checkQuiet();
}

void SignalSession::checkQuiet()
{
    if (const bool quiet = isQuiet(); quiet != m_quiet) {
        m_quiet = quiet;
        emit quietChanged(quiet);
    }
}

bool SignalSession::withinTwoHeartbeatIntervals(const QDateTime &time) const
{
    // With heartbeats off (interval 0) a quiet server is normal; two default intervals then.
    const int configured = m_config.heartbeatInterval.currentValue.value_or(defaults::kHeartbeatInterval);
    const int interval = configured > 0 ? configured : defaults::kHeartbeatInterval;
    return time.isValid() && time.msecsTo(QDateTime::currentDateTimeUtc()) <= 2000LL * interval;
}

bool SignalSession::isQuiet() const
{
    return m_state == State::Connected && m_lastAnswer.isValid() && !withinTwoHeartbeatIntervals(m_lastAnswer);
}

bool SignalSession::serverHearsUs() const
{
    return m_lastPeerHbStatus && withinTwoHeartbeatIntervals(m_lastServerHeartbeat);
}

std::optional<std::chrono::seconds> SignalSession::timeSinceLastAnswer() const
{
    if ((m_state != State::Connected && m_state != State::Lost) || !m_lastAnswer.isValid())
        return std::nullopt;
    return std::chrono::seconds(qMax<qint64>(0, m_lastAnswer.secsTo(QDateTime::currentDateTimeUtc())));
}

void SignalSession::applyConfig(const ConfigParameters &config)
{
    m_config = config;
    if (!m_client)
        return; // applied on the next handshake
    m_client->setRetransmission(retransmissionFor(config));
    const int interval = config.heartbeatInterval.currentValue.value_or(defaults::kHeartbeatInterval);
    if (interval <= 0) {
        m_heartbeatTimer.stop(); // heartbeat-interval 0 turns heartbeats off
    } else if (m_heartbeatTimer.interval() != interval * 1000 || !m_heartbeatTimer.isActive()) {
        m_heartbeatTimer.start(interval * 1000);
    }
}

QCoro::Task<> SignalSession::reconnectLoop()
{
    QPointer<SignalSession> self(this); // it may be gone when an await returns
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
            auto setUp = runSetUp();
            co_await setUp;
            if (!self)
                co_return;
            if (m_state != State::Lost || !m_wanted || generation != m_generation)
                break;
            delay = std::min(delay * 2, std::chrono::milliseconds(30000)); // heard nothing: again later
            continue;
        }
        setState(State::Lost, tr("reconnect failed: %1").arg(connected.error().message));
        delay = std::min(delay * 2, std::chrono::milliseconds(30000));
    }
    m_reconnecting = false;
}

void SignalSession::onDisconnected(const transport::TransportError &reason)
{
    if (!m_wanted || m_reconnecting)
        return;
    m_heartbeatTimer.stop();
    emit observationsEnded();
    setState(State::Lost, tr("session closed: %1").arg(reason.message));
    reconnectLoop();
}

QCoro::Task<> SignalSession::sendHeartbeat()
{
    QPointer<SignalSession> self(this); // it may be gone when an await returns
    if (m_heartbeatInFlight || !m_client || m_state == State::Disconnected)
        co_return;
    m_heartbeatInFlight = true;
    const quint64 generation = m_generation;
    const ConfigParameters config = m_config;
    const int interval = config.heartbeatInterval.currentValue.value_or(defaults::kHeartbeatInterval);

    Heartbeat heartbeat;
    // RFC 9132 section 4.7: tell the server whether its heartbeats reach us.
    heartbeat.peerHbStatus = m_lastServerHeartbeat.isValid()
        && m_lastServerHeartbeat.secsTo(QDateTime::currentDateTimeUtc()) <= 2 * interval;
    QString error;
    CoapRequest request;
    request.method = Method::Put;
    request.uriPath = resource::heartbeat();
    request.payload = encodeSignalBody(heartbeat.toJson(), &error);
    request.confirmable = false;
    request.timeout = std::chrono::seconds(std::max(1, interval));
    m_log->outgoing(request, SignalMessage::Kind::Heartbeat);

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
        m_log->incoming(result.value(), tr("heartbeat"), SignalMessage::Kind::Heartbeat);
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
        // RFC 9132 section 4.7: while the server tells us it receives our heartbeats, the
        // inbound link is what is flooded; the session is kept and heartbeats go on.
        if (serverHearsUs()) {
            qCInfo(lcSignal) << "heartbeats unanswered, but the server hears us: session kept";
            co_return;
        }
        setState(State::Lost, tr("%1 heartbeats in a row went unanswered").arg(m_missedHeartbeats));
        reconnectLoop();
    }
}

// Runs inside libcoap: answer now, tell the rest of the program from the event loop.
transport::ServerResponse SignalSession::answerServerHeartbeat(const transport::ServerRequest &request)
{
    SignalMessage in;
    in.direction = SignalMessage::Direction::Incoming;
    in.kind = SignalMessage::Kind::Heartbeat;
    in.time = QDateTime::currentDateTimeUtc();
    in.summary = tr("%1 %2 (from the server)").arg(transport::methodName(request.method), request.path());
    if (request.hopLimit) // RFC 8768: a DOTS gateway relayed it
        in.summary += tr(" (Hop-Limit %1)").arg(*request.hopLimit);

    transport::ServerResponse answer = transport::ServerResponse::withCode(transport::CoapCode::Changed);
    std::optional<bool> peerHbStatus;
    if (request.method != Method::Put) {
        answer.code = transport::CoapCode::MethodNotAllowed;
    } else if (const auto body = decodeSignalBody(request.payload, &in.problem)) {
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
    if (peerHbStatus) {
        m_lastServerHeartbeat = in.time;
        m_lastPeerHbStatus = *peerHbStatus;
    }

    SignalMessage out;
    out.direction = SignalMessage::Direction::Outgoing;
    out.kind = SignalMessage::Kind::Heartbeat;
    out.time = in.time;
    out.summary = tr("%1 for the server's heartbeat").arg(transport::CoapCode::toString(answer.code));
    if (!answer.payload.isEmpty())
        out.problem = QString::fromUtf8(answer.payload);
    QPointer<SignalLog> log(m_log);
    QMetaObject::invokeMethod(
        this,
        [this, log, in, out, peerHbStatus] {
            if (log) {
                log->record(in);
                log->record(out);
            }
            if (peerHbStatus)
                emit serverHeartbeatReceived(*peerHbStatus);
        },
        Qt::QueuedConnection);
    return answer;
}

} // namespace dots::signal

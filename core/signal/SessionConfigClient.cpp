// SPDX-License-Identifier: GPL-3.0-or-later
#include "signal/SessionConfigClient.h"

#include "signal/ResourcePath.h"
#include "signal/SignalBody.h"
#include "signal/SignalExchange.h"
#include "signal/SignalLog.h"
#include "signal/SignalSession.h"
#include "store/MidAllocator.h"
#include "transport/CoapClient.h"

#include <QDateTime>
#include <QPointer>

// Every co_await below awaits a named task: GCC 12 destroys a non-trivial temporary
// co_await operand twice.

namespace dots::signal {

namespace {

bool isNotFound(const SignalError &error)
{
    return error.kind == SignalError::Kind::Coap && error.coapCode == transport::CoapCode::NotFound;
}

} // namespace

SessionConfigClient::SessionConfigClient(SignalSession *session, SignalExchange *exchange, SignalLog *log,
                                         QObject *parent)
    : QObject(parent), m_session(session), m_exchange(exchange), m_log(log)
{
    m_refresh.setSingleShot(true);
    connect(&m_refresh, &QTimer::timeout, this, [this] { refreshNow(); });
    connect(session, &SignalSession::notificationReceived, this, &SessionConfigClient::onNotification);
    connect(session, &SignalSession::observationsEnded, this, &SessionConfigClient::stopKeepingFresh);
}

std::chrono::milliseconds SessionConfigClient::refreshDelay(std::optional<quint32> maxAge)
{
    if (!maxAge)
        return std::chrono::seconds(60);
    return std::max(std::chrono::milliseconds(1000), std::chrono::milliseconds(qint64(*maxAge) * 900));
}

void SessionConfigClient::keepFresh()
{
    m_keepingFresh = true;
    scheduleRefresh(m_lastMaxAge);
    observe();
}

QStringList SessionConfigClient::observedPath() const
{
    return resource::config(m_sidNegotiated ? std::optional<quint32>(m_sid) : std::nullopt);
}

void SessionConfigClient::observeAgainIfMoved()
{
    if (!m_keepingFresh || !isObserving() || m_observedPath == observedPath())
        return;
    // A new sid: what this client negotiated now lives there, and the old resource may only
    // answer the server's defaults (the reference server's config without sid does).
    if (auto *client = m_session->client())
        client->cancelObservation(m_observationToken);
    m_observationToken.clear();
    observe();
}

void SessionConfigClient::stopKeepingFresh()
{
    m_keepingFresh = false;
    m_refresh.stop();
    m_observationToken.clear();
    m_observedPath.clear();
}

void SessionConfigClient::scheduleRefresh(std::optional<quint32> maxAge)
{
    if (m_keepingFresh)
        m_refresh.start(refreshDelay(maxAge));
}

QCoro::Task<> SessionConfigClient::refreshNow()
{
    QPointer<SessionConfigClient> self(this);
    if (!m_keepingFresh || m_session->state() != SignalSession::State::Connected) {
        scheduleRefresh(std::nullopt); // a session being re-established reads it in its set-up
        co_return;
    }
    auto read = fetch();
    const auto result = co_await read;
    if (!self)
        co_return;
    if (!result.ok()) {
        // Under attack a read may not get through: keep what is in force and try again.
        m_log->note(tr("the session configuration could not be read again (%1); keeping the values in force")
                        .arg(result.error().message));
        scheduleRefresh(std::nullopt);
    }
}

QCoro::Task<> SessionConfigClient::observe()
{
    QPointer<SessionConfigClient> self(this);
    if (isObserving())
        co_return;
    const quint64 generation = m_session->generation();
    const QStringList path = observedPath();
    auto registration = m_exchange->registerObservation(path, QStringLiteral("session configuration"));
    const auto first = co_await registration;
    if (!self || generation != m_session->generation() || !m_keepingFresh)
        co_return;
    if (!first)
        co_return; // the Max-Age reads keep it fresh
    if (path != observedPath()) {
        // The sid changed while this registration was under way.
        if (auto *client = m_session->client())
            client->cancelObservation(first->token);
        observe();
        co_return;
    }
    // Kept even without an Observe option on the answer (the reference server leaves it out).
    if (first->isSuccess()) {
        m_observationToken = first->token;
        m_observedPath = path;
    }
    applyAnswer(*first);
}

void SessionConfigClient::onNotification(const QByteArray &token, const transport::CoapResponse &response)
{
    if (!m_observationToken.isEmpty() && token == m_observationToken)
        applyAnswer(response);
}

void SessionConfigClient::applyAnswer(const transport::CoapResponse &response)
{
    m_log->incoming(response, tr("session configuration"), SignalMessage::Kind::Notification);
    if (response.code != transport::CoapCode::Content)
        return;
    QString problem;
    const auto body = decodeSignalBody(response.payload, &problem);
    if (!body) {
        qCWarning(lcSignal) << "session configuration notification ignored:" << problem;
        return;
    }
    apply(*body);
    scheduleRefresh(response.maxAge);
}

ConfigParameters SessionConfigClient::activeConfig(bool mitigating) const
{
    if (m_serverConfig) {
        const auto &set = mitigating ? m_serverConfig->mitigatingConfig : m_serverConfig->idleConfig;
        if (set)
            return set->withDefaults();
    }
    return ConfigParameters::rfcDefaults();
}

void SessionConfigClient::loadNegotiatedSid()
{
    if (!m_store)
        return;
    if (const auto stored = m_store->negotiatedSid(m_session->profile().label(), m_session->cuid());
        stored.ok() && stored.value()) {
        m_sid = std::max(m_sid, *stored.value());
        m_sidNegotiated = true;
    }
}

void SessionConfigClient::forgetServer()
{
    m_sid = 0;
    m_sidNegotiated = false;
    if (m_serverConfig) {
        m_serverConfig.reset();
        emit changed();
    }
}

QCoro::Task<SignalResult<SessionConfig>> SessionConfigClient::fetch()
{
    QPointer<SessionConfigClient> self(this); // it may be gone when an await returns
    // What this client negotiated lives under its sid; GET without sid may answer only the
    // server's defaults (the reference server does), so read config/sid=N once there is one
    // (RFC 9132 section 4.5).
    std::optional<SignalResult<SignalExchange::Representation>> body;
    if (m_sidNegotiated) {
        auto negotiatedRead = m_exchange->getRepresentation(resource::config(m_sid), tr("reading the session configuration"),
                                              tr("the session configuration could not be decoded"), true);
        body = co_await negotiatedRead;
        if (!self)
            co_return SignalExchange::channelGone();
        if (!body->ok() && isNotFound(body->error())) {
            rememberNegotiatedSid(false); // the server forgot it: its defaults apply again
            body.reset();
        }
    }
    if (!body) {
        auto configRead = m_exchange->getRepresentation(resource::config(), tr("reading the session configuration"),
                                          tr("the session configuration could not be decoded"), true);
        body = co_await configRead;
        if (!self)
            co_return SignalExchange::channelGone();
    }
    if (!body->ok() && isNotFound(body->error())) {
        // No configuration resource at all (the reference server after a reset): not fatal.
        // The RFC defaults apply until the server says otherwise.
        m_log->note(tr("the server has no session configuration (4.04): using the RFC 9132 defaults"));
        m_serverConfig.reset();
        emit changed();
        scheduleRefresh(std::nullopt);
        co_return SessionConfig::rfcDefaults();
    }
    if (!body->ok())
        co_return body->error();
    apply(body->value().body);
    m_lastMaxAge = body->value().maxAge;
    scheduleRefresh(m_lastMaxAge);
    co_return *m_serverConfig;
}

void SessionConfigClient::apply(const QJsonObject &body)
{
    auto parsed = SessionConfig::fromJson(body);
    if (!parsed.ok())
        qCWarning(lcSignal) << "session configuration has problems:" << parsed.errorString();
    if (parsed.value.sid)
        m_sid = std::max(m_sid, *parsed.value.sid);
    if (m_serverConfig == parsed.value)
        return; // read again, unchanged
    m_serverConfig = parsed.value;
    emit changed();
}

void SessionConfigClient::rememberNegotiatedSid(bool negotiated)
{
    m_sidNegotiated = negotiated;
    if (m_store)
        m_store->setNegotiatedSid(m_session->profile().label(), m_session->cuid(),
                                  negotiated ? std::optional<quint32>(m_sid) : std::nullopt);
    observeAgainIfMoved();
}

QCoro::Task<SignalResult<SessionConfig>> SessionConfigClient::propose(SessionConfig proposal)
{
    if (m_serverConfig) {
        if (const auto problems = checkAgainstServerRanges(proposal, *m_serverConfig); !problems.isEmpty()) {
            co_return SignalError::make(SignalError::Kind::Invalid,
                                        tr("the proposal is outside the server's ranges"), joinLines(problems));
        }
    }
    // sid only grows (RFC 9132 section 4.5.2); seconds since 2020 keep it growing across restarts.
    m_sid = std::max<quint32>(m_sid + 1, quint32(QDateTime::currentSecsSinceEpoch() - 1577836800));
    auto proposalSent = m_exchange->put(resource::config(m_sid), proposal.currentValuesOnly().toJson(),
                                        tr("session configuration proposal"),
                                        tr("the proposal cannot be encoded"), true);
    auto response = co_await proposalSent;
    if (!response.ok())
        co_return response.error();
    rememberNegotiatedSid(true);
    auto configRead = fetch();
    co_return co_await configRead;
}

QCoro::Task<SignalResult<SessionConfig>> SessionConfigClient::reset()
{
    auto resetSent = m_exchange->remove(resource::config(m_sid ? std::optional<quint32>(m_sid) : std::nullopt),
                                        tr("session configuration reset"), true);
    auto done = co_await resetSent;
    if (!done.ok())
        co_return done.error();
    rememberNegotiatedSid(false);
    auto configRead = fetch();
    co_return co_await configRead;
}

} // namespace dots::signal

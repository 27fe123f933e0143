// SPDX-License-Identifier: GPL-3.0-or-later
#include "signal/SessionConfigClient.h"

#include "signal/ResourcePath.h"
#include "signal/SignalExchange.h"
#include "signal/SignalLog.h"
#include "signal/SignalSession.h"
#include "store/MidAllocator.h"

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
    std::optional<SignalResult<QJsonObject>> body;
    if (m_sidNegotiated) {
        auto negotiatedRead = m_exchange->get(resource::config(m_sid), tr("reading the session configuration"),
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
        auto configRead = m_exchange->get(resource::config(), tr("reading the session configuration"),
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
    emit changed();
    co_return parsed.value;
}

void SessionConfigClient::rememberNegotiatedSid(bool negotiated)
{
    m_sidNegotiated = negotiated;
    if (m_store)
        m_store->setNegotiatedSid(m_session->profile().label(), m_session->cuid(),
                                  negotiated ? std::optional<quint32>(m_sid) : std::nullopt);
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

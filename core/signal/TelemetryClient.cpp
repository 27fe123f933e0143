// SPDX-License-Identifier: GPL-3.0-or-later
#include "signal/TelemetryClient.h"

#include "signal/ResourcePath.h"
#include "signal/SignalBody.h"
#include "signal/SignalExchange.h"
#include "signal/SignalLog.h"
#include "signal/SignalSession.h"
#include "store/TelemetryIdCounter.h"

#include <QPointer>

// Every co_await below awaits a named task: GCC 12 destroys a non-trivial temporary
// co_await operand twice.

namespace dots::signal {

using transport::CoapResponse;

TelemetryClient::TelemetryClient(SignalSession *session, SignalExchange *exchange, SignalLog *log, QObject *parent)
    : QObject(parent), m_session(session), m_exchange(exchange), m_log(log)
{
    connect(session, &SignalSession::notificationReceived, this, &TelemetryClient::onNotification);
    connect(session, &SignalSession::observationsEnded, this, [this] {
        m_observationToken.clear();
        m_observeRetry.stop(); // the next handshake's setUp() registers again
    });
    m_observeRetry.setSingleShot(true);
    connect(&m_observeRetry, &QTimer::timeout, this, [this] { observe(); });
}

void TelemetryClient::forgetServer()
{
    m_observationToken.clear();
    m_observeRetry.stop();
    m_observeRetryDelay = kFirstObserveRetry;
    m_lastTsid = 0;
    m_lastTmid = 0;
    if (m_setup) {
        m_setup.reset();
        emit setupChanged();
    }
}

QCoro::Task<> TelemetryClient::setUp()
{
    QPointer<TelemetryClient> self(this); // it may be gone when an await returns
    const quint64 generation = m_session->generation();
    auto read = fetchSetup();
    auto setup = co_await read;
    if (!self)
        co_return;
    if (generation != m_session->generation() || !m_session->client())
        co_return;
    if (!setup.ok())
        qCInfo(lcSignal) << "telemetry setup not read:" << setup.error().toString();
    m_observeRetryDelay = kFirstObserveRetry;
    auto observation = observe();
    co_await observation;
}

void TelemetryClient::observeAgainIfRefused()
{
    if (m_observeRetry.isActive()) {
        m_observeRetry.stop();
        observe();
    }
}

QCoro::Task<> TelemetryClient::observe()
{
    QPointer<TelemetryClient> self(this);
    if (m_registering || isObserving() || !m_session->client())
        co_return;
    const quint64 generation = m_session->generation();
    m_registering = true;
    auto registration = m_exchange->registerObservation(resource::telemetry(m_session->cuid()),
                                                        QStringLiteral("telemetry"));
    const auto first = co_await registration;
    if (!self)
        co_return;
    m_registering = false;
    if (generation != m_session->generation() || !m_session->client())
        co_return; // another session: its setUp() registers anew
    if (!first) {
        scheduleObserveRetry();
        co_return;
    }
    applyNotification(*first);
    // A success keeps the observation; a 4.04 (no telemetry yet) or another refusal ends it.
    if (first->isSuccess()) {
        m_observationToken = first->token;
        m_observeRetryDelay = kFirstObserveRetry;
    } else {
        scheduleObserveRetry();
    }
}

void TelemetryClient::scheduleObserveRetry()
{
    m_log->note(tr("the server does not let telemetry be observed yet; trying again in %1 s")
                    .arg(m_observeRetryDelay.count()));
    m_observeRetry.start(m_observeRetryDelay);
    m_observeRetryDelay = std::min(m_observeRetryDelay * 2, kLongestObserveRetry);
}

void TelemetryClient::onNotification(const QByteArray &token, const CoapResponse &response)
{
    if (!m_observationToken.isEmpty() && token == m_observationToken)
        applyNotification(response);
}

void TelemetryClient::applyNotification(const CoapResponse &response)
{
    m_log->incoming(response, tr("telemetry"), SignalMessage::Kind::Notification);
    if (!response.isSuccess())
        return;
    QString problem;
    const auto body = decodeSignalBody(response.payload, &problem);
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

QCoro::Task<SignalResult<TelemetrySetupInfo>> TelemetryClient::fetchSetup()
{
    auto sent = m_exchange->get(resource::telemetrySetup(m_session->cuid()), tr("reading the telemetry setup"),
                                tr("the telemetry setup could not be decoded"), true);
    auto body = co_await sent;
    if (!body.ok())
        co_return body.error();
    const auto parsed = TelemetrySetupInfo::fromJson(body.value());
    if (!parsed.ok()) // keep what could be read, as with the session configuration
        qCWarning(lcSignal) << "telemetry setup has problems:" << parsed.errorString();
    m_setup = parsed.value;
    for (const auto &s : parsed.value.setups)
        m_lastTsid = std::max(m_lastTsid, s.tsid);
    emit setupChanged();
    co_return parsed.value;
}

QCoro::Task<SignalResult<TelemetrySetup>> TelemetryClient::sendSetup(TelemetrySetup setup)
{
    ValidationErrors problems = setup.validate();
    if (setup.currentConfig && m_setup)
        problems += setup.currentConfig->checkRanges(m_setup->minConfig, m_setup->maxConfig,
                                                     QStringLiteral("telemetry[0].current-config"));
    if (!problems.isEmpty())
        co_return SignalError::make(SignalError::Kind::Invalid, tr("the telemetry setup is not valid"), joinLines(problems));
    if (setup.tsid == 0)
        setup.tsid = ++m_lastTsid;
    m_lastTsid = std::max(m_lastTsid, setup.tsid);
    const quint32 tsid = setup.tsid;
    auto sent = m_exchange->put(resource::telemetrySetup(m_session->cuid(), tsid), setup.toRequestJson(),
                                tr("telemetry setup %1").arg(tsid),
                                tr("the telemetry setup cannot be encoded"), true);
    auto response = co_await sent;
    if (!response.ok())
        co_return response.error();
    auto reread = fetchSetup();
    auto info = co_await reread;
    if (info.ok())
        if (const auto stored = info.value().setup(tsid))
            co_return *stored;
    co_return setup;
}

QCoro::Task<SignalResult<Done>> TelemetryClient::deleteSetup(std::optional<quint32> tsid)
{
    auto sent = m_exchange->remove(resource::telemetrySetup(m_session->cuid(), tsid),
                                   tsid ? tr("deleting telemetry setup %1").arg(*tsid)
                                        : tr("deleting the telemetry setups"),
                                   true);
    auto deleted = co_await sent;
    if (!deleted.ok())
        co_return deleted.error();
    auto reread = fetchSetup();
    co_await reread;
    co_return Done{};
}

QCoro::Task<SignalResult<quint32>> TelemetryClient::sendReport(TelemetryReport report)
{
    if (const auto problems = report.validate(); !problems.isEmpty())
        co_return SignalError::make(SignalError::Kind::Invalid, tr("the telemetry is not valid"), joinLines(problems));
    // tmid must grow across runs too (the server refuses a lower one): persisted like mid.
    quint32 tmid = report.tmid.value_or(m_lastTmid + 1);
    if (!report.tmid && m_ids) {
        const auto allocated = m_ids->allocate(m_session->profile().label(), m_session->cuid(),
                                               store::TelemetryIdCounter::Kind::Tmid, m_lastTmid);
        if (!allocated.ok())
            co_return SignalError::make(SignalError::Kind::Invalid, tr("no telemetry identifier available"),
                                        allocated.error().message);
        tmid = allocated.value();
    }
    m_lastTmid = std::max(m_lastTmid, tmid);
    // Non-confirmable and repeated until answered, like a mitigation request: it matters most
    // when the link is flooded.
    auto sent = m_exchange->put(resource::telemetry(m_session->cuid(), tmid), telemetryReportsToJson({report}, false),
                                tr("telemetry %1").arg(tmid), tr("the telemetry cannot be encoded"), false);
    auto response = co_await sent;
    if (!response.ok())
        co_return response.error();
    co_return tmid;
}

} // namespace dots::signal

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "signal/SignalError.h"
#include "signal/TelemetryReport.h"
#include "signal/TelemetrySetup.h"
#include "transport/CoapMessage.h"

#include <QCoro/QCoroTask>
#include <QObject>
#include <QTimer>

#include <chrono>
#include <optional>

namespace dots::store { class TelemetryIdCounter; }

namespace dots::signal {

class SignalExchange;
class SignalLog;
class SignalSession;

// RFC 9244 telemetry on the signal channel: the setups (tm-setup), the client's own reports
// (tm) under growing tmids, and the server's telemetry observed on the tm resource.
class TelemetryClient : public QObject
{
    Q_OBJECT
public:
    TelemetryClient(SignalSession *session, SignalExchange *exchange, SignalLog *log, QObject *parent = nullptr);

    // Persistent tmid counter (the server refuses a tmid lower than one it stored); without
    // one, tmids start at 1 in every run.
    void setIdCounter(store::TelemetryIdCounter *counter) { m_ids = counter; }

    // After a handshake: reads the setup and observes the tm resource.
    QCoro::Task<> setUp();
    // A server may refuse to observe tm until it has telemetry (the reference server answers
    // 4.04): the registration is tried again after a delay, and at once when an attack makes
    // telemetry likely (a mitigation became active).
    void observeAgainIfRefused();
    QCoro::Task<SignalResult<TelemetrySetupInfo>> fetchSetup();
    QCoro::Task<SignalResult<TelemetrySetup>> sendSetup(TelemetrySetup setup);
    QCoro::Task<SignalResult<Done>> deleteSetup(std::optional<quint32> tsid);
    QCoro::Task<SignalResult<quint32>> sendReport(TelemetryReport report);

    std::optional<TelemetrySetupInfo> setupInfo() const { return m_setup; }
    bool isObserving() const { return !m_observationToken.isEmpty(); }
    // Another server: its setups are not known yet.
    void forgetServer();

signals:
    void setupChanged();
    // Telemetry the server sent on the observed tm resource (pre-or-ongoing-mitigation).
    void telemetryReceived(const QList<dots::signal::TelemetryReport> &reports);

private:
    void onNotification(const QByteArray &token, const transport::CoapResponse &response);
    void applyNotification(const transport::CoapResponse &response);
    QCoro::Task<> observe();
    void scheduleObserveRetry();

    SignalSession *m_session;
    SignalExchange *m_exchange;
    SignalLog *m_log;
    store::TelemetryIdCounter *m_ids = nullptr;
    std::optional<TelemetrySetupInfo> m_setup;
    quint32 m_lastTsid = 0;
    quint32 m_lastTmid = 0;
    QByteArray m_observationToken; // of tm/cuid=..
    bool m_registering = false;
    QTimer m_observeRetry;
    std::chrono::seconds m_observeRetryDelay{kFirstObserveRetry};
    static constexpr std::chrono::seconds kFirstObserveRetry{5};
    static constexpr std::chrono::seconds kLongestObserveRetry{60};
};

} // namespace dots::signal

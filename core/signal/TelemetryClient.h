#pragma once

#include "signal/SignalError.h"
#include "signal/TelemetryReport.h"
#include "signal/TelemetrySetup.h"
#include "transport/CoapMessage.h"

#include <QCoro/QCoroTask>
#include <QObject>

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

    SignalSession *m_session;
    SignalExchange *m_exchange;
    SignalLog *m_log;
    store::TelemetryIdCounter *m_ids = nullptr;
    std::optional<TelemetrySetupInfo> m_setup;
    quint32 m_lastTsid = 0;
    quint32 m_lastTmid = 0;
    QByteArray m_observationToken; // of tm/cuid=..
};

} // namespace dots::signal

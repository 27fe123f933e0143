// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "signal/EfficacyUpdate.h"
#include "signal/MitigationClient.h"
#include "signal/MitigationRequest.h"
#include "signal/MitigationStatus.h"
#include "signal/RetryPolicy.h"
#include "signal/RttEstimator.h"
#include "signal/ServerProfile.h"
#include "signal/SessionConfig.h"
#include "signal/SessionConfigClient.h"
#include "signal/SignalError.h"
#include "signal/SignalExchange.h"
#include "signal/SignalLog.h"
#include "signal/SignalMessage.h"
#include "signal/SignalSession.h"
#include "signal/TelemetryClient.h"
#include "signal/TelemetryReport.h"
#include "signal/TelemetrySetup.h"
#include "transport/ConnectionInfo.h"

#include <QCoro/QCoroTask>
#include <QDateTime>
#include <QObject>

namespace dots::transport { class CoapClient; }
namespace dots::store { class MidAllocator; class TelemetryIdCounter; }

namespace dots::signal {

// The DOTS signal channel of one client with one server (RFC 9132), as the console and
// dots-cli use it: one session (SignalSession: handshake, heartbeats both ways, loss and
// reconnection) and the resource clients on top of it, each owning its state:
// MitigationClient (requests, renewals, filter changes, efficacy updates, withdrawals, Observe),
// SessionConfigClient (RFC 9132 section 4.5) and TelemetryClient (RFC 9244). After every
// handshake the channel reads the configuration, lists and observes this client's mitigations,
// applies the configuration in force and sets up telemetry.
//
// Mitigation requests, efficacy updates, withdrawals and heartbeats are Non-confirmable
// and repeated at the RetryPolicy's interval until answered (SignalExchange);
// session-configuration requests are Confirmable.
class SignalChannel : public QObject
{
    Q_OBJECT
public:
    using State = SignalSession::State;

    explicit SignalChannel(QObject *parent = nullptr);
    ~SignalChannel() override;

    // What this build's CoAP stack can do, for the session view and `dots-cli session`:
    // Q-Block (RFC 9177) or only Block1/Block2 (RFC 7959), and the libcoap version ("4.3.1").
    static bool qBlockAvailable();
    static QString coapLibraryVersion();

    // Persistent mid counter (and the negotiated sid); without one, mids start above the
    // highest the server lists.
    void setMidAllocator(store::MidAllocator *allocator);
    // Persistent tmid counter (the server refuses a tmid lower than one it stored); without
    // one, tmids start at 1 in every run.
    void setTelemetryIdCounter(store::TelemetryIdCounter *counter) { m_telemetry.setIdCounter(counter); }
    void setRetryPolicy(const RetryPolicy &policy) { m_session.setRetryPolicy(policy); }
    RetryPolicy retryPolicy() const { return m_session.retryPolicy(); }
    // Renew requests with a finite lifetime before they expire (on by default).
    void setAutoRenew(bool enabled) { m_mitigations.setAutoRenew(enabled); }

    // Connects, reads the session configuration, lists and observes this client's
    // mitigations, and starts heartbeats. Fails with the handshake's reason in words.
    QCoro::Task<SignalResult<transport::ConnectionInfo>> connectToServer(ServerProfile profile);
    void disconnectFromServer() { m_session.close(); }

    State state() const { return m_session.state(); }
    QString stateReason() const { return m_session.stateReason(); }
    const ServerProfile &profile() const { return m_session.profile(); }
    QString cuid() const { return m_session.cuid(); }
    std::optional<transport::ConnectionInfo> connection() const { return m_session.connection(); }
    const RttEstimator &rtt() const { return m_session.rtt(); }
    QDateTime lastHeartbeatAnswered() const { return m_session.lastHeartbeatAnswered(); }
    QDateTime lastServerHeartbeat() const { return m_session.lastServerHeartbeat(); }
    int missedHeartbeats() const { return m_session.missedHeartbeats(); }
    // The last answer (or notification) heard on this session, and whether none came for two
    // heartbeat intervals while connected.
    QDateTime lastAnswer() const { return m_session.lastAnswer(); }
    std::optional<std::chrono::seconds> timeSinceLastAnswer() const { return m_session.timeSinceLastAnswer(); }
    bool isQuiet() const { return m_session.isQuiet(); }
    // The server's latest heartbeat said it receives ours (RFC 9132 section 4.7).
    bool serverHearsUs() const { return m_session.serverHearsUs(); }
    // The server's answer to GET config (ranges and current values), if read.
    std::optional<SessionConfig> serverConfig() const { return m_config.serverConfig(); }
    // The parameters in force now: mitigating-config while a mitigation is active, else idle-config.
    ConfigParameters activeConfig() const { return m_config.activeConfig(isMitigating()); }
    bool isMitigating() const { return m_mitigations.isMitigating(); }
    QList<MitigationStatus> mitigations() const { return m_mitigations.mitigations(); }
    std::optional<MitigationStatus> mitigation(quint32 mid) const { return m_mitigations.mitigation(mid); }
    // The request as we sent it, for renewals, efficacy updates and "duplicate as new".
    std::optional<MitigationRequest> sentRequest(quint32 mid) const { return m_mitigations.sentRequest(mid); }
    transport::CoapClient *coapClient() const { return m_session.client(); }

    // PUT mitigate/cuid=../mid=..; mid 0 means "allocate one". Answers 2.01/2.04 with the
    // server's view, or a typed error (4.09 carries conflict-information in `diagnostic`).
    QCoro::Task<SignalResult<MitigationStatus>> requestMitigation(MitigationRequest request)
    {
        return m_mitigations.request(std::move(request));
    }
    // The mid for a request about to be made, taken from the counter (and stored) now, so that
    // a caller can record the request under its mid before it is sent. nullopt: none left, and why.
    std::optional<quint32> reserveMid(QString *error) { return m_mitigations.reserveMid(error); }
    // Same mid, same scope again: extends the lifetime (RFC 9132 section 4.4.1).
    QCoro::Task<SignalResult<MitigationStatus>> renewMitigation(quint32 mid) { return m_mitigations.renew(mid); }
    // RFC 9133: switch a filter of a mitigation on or off during an attack, e.g. make an
    // activate-when-mitigating ACL "immediate", by sending the request again under a new mid
    // with its acl-list changed; the answer's mid replaces `mid`. An ACL not yet in the
    // request is added.
    QCoro::Task<SignalResult<MitigationStatus>> changeFilterActivation(quint32 mid, QString aclName,
                                                                       ActivationType activation)
    {
        return m_mitigations.changeFilterActivation(mid, std::move(aclName), activation);
    }
    // PUT with If-Match (RFC 9132 section 4.4.3).
    QCoro::Task<SignalResult<MitigationStatus>> sendEfficacyUpdate(quint32 mid, AttackStatus status)
    {
        return m_mitigations.sendEfficacyUpdate(mid, status);
    }
    // DELETE; a 4.04 to a repeated DELETE means the first one got through.
    QCoro::Task<SignalResult<Done>> withdrawMitigation(quint32 mid) { return m_mitigations.withdraw(mid); }
    // GET mitigate/cuid=.. (all of this client's mitigations).
    QCoro::Task<SignalResult<QList<MitigationStatus>>> refreshMitigations() { return m_mitigations.refresh(); }

    QCoro::Task<SignalResult<SessionConfig>> fetchSessionConfig() { return m_config.fetch(); }
    // Checks the proposal against the server's ranges first, then PUT config/sid=N.
    QCoro::Task<SignalResult<SessionConfig>> proposeSessionConfig(SessionConfig proposal)
    {
        return m_config.propose(std::move(proposal));
    }
    // DELETE config/sid=N: back to the server's defaults.
    QCoro::Task<SignalResult<SessionConfig>> resetSessionConfig() { return m_config.reset(); }

    // RFC 9244 telemetry. After connecting, the channel reads the telemetry setup and
    // observes the tm resource for the server's telemetry (telemetryReceived).
    // GET tm-setup/cuid=..: the server's ranges and this client's setups.
    QCoro::Task<SignalResult<TelemetrySetupInfo>> fetchTelemetrySetup() { return m_telemetry.fetchSetup(); }
    // PUT tm-setup/cuid=../tsid=N (tsid 0: the next free one), after checking the setup and,
    // for a configuration, the server's ranges. Answers the setup with its tsid.
    QCoro::Task<SignalResult<TelemetrySetup>> sendTelemetrySetup(TelemetrySetup setup)
    {
        return m_telemetry.sendSetup(std::move(setup));
    }
    // DELETE tm-setup/cuid=..[/tsid=N]: one setup, or all of them (back to the defaults).
    QCoro::Task<SignalResult<Done>> deleteTelemetrySetup(std::optional<quint32> tsid)
    {
        return m_telemetry.deleteSetup(tsid);
    }
    // PUT tm/cuid=../tmid=N (tmid unset: the next one): the client's own view of an attack.
    // Answers the tmid used.
    QCoro::Task<SignalResult<quint32>> sendTelemetryReport(TelemetryReport report)
    {
        return m_telemetry.sendReport(std::move(report));
    }
    // The last telemetry setup read from the server, if any.
    std::optional<TelemetrySetupInfo> telemetrySetup() const { return m_telemetry.setupInfo(); }
    bool isObservingTelemetry() const { return m_telemetry.isObserving(); }

signals:
    void stateChanged(dots::signal::SignalSession::State state, const QString &reason);
    void heartbeatAnswered(std::chrono::microseconds rtt);
    void heartbeatMissed(int consecutive);
    // The server's own heartbeat arrived (RFC 9132 section 4.7) and was answered 2.04;
    // peerHbStatus says whether the server receives ours.
    void serverHeartbeatReceived(bool peerHbStatus);
    // isQuiet() changed.
    void quietChanged(bool quiet);
    void mitigationChanged(const dots::signal::MitigationStatus &status);
    void mitigationRemoved(quint32 mid);
    void sessionConfigChanged();
    void telemetrySetupChanged();
    // Telemetry the server sent on the observed tm resource (pre-or-ongoing-mitigation).
    void telemetryReceived(const QList<dots::signal::TelemetryReport> &reports);
    void messageExchanged(const dots::signal::SignalMessage &message);

private:
    // What follows every handshake, before the session counts as connected.
    QCoro::Task<> setUpAfterHandshake();
    void applyActiveConfig();

    // Declared in the order they depend on each other: each is built from the ones above it.
    SignalLog m_log;
    SignalSession m_session{&m_log};
    SignalExchange m_exchange{&m_session, &m_log};
    MitigationClient m_mitigations{&m_session, &m_exchange, &m_log};
    SessionConfigClient m_config{&m_session, &m_exchange, &m_log};
    TelemetryClient m_telemetry{&m_session, &m_exchange, &m_log};
};

} // namespace dots::signal

#pragma once

#include "signal/EfficacyUpdate.h"
#include "signal/MitigationRequest.h"
#include "signal/MitigationStatus.h"
#include "signal/RetryPolicy.h"
#include "signal/RttEstimator.h"
#include "signal/ServerProfile.h"
#include "signal/SessionConfig.h"
#include "signal/SignalError.h"
#include "signal/SignalMessage.h"
#include "signal/TelemetryReport.h"
#include "signal/TelemetrySetup.h"
#include "transport/CoapMessage.h"
#include "transport/ConnectionInfo.h"

#include <QCoro/QCoroTask>
#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QTimer>

#include <memory>

namespace dots::transport {
class CoapClient;
struct ServerRequest;
struct ServerResponse;
}
namespace dots::store { class MidAllocator; class TelemetryIdCounter; }

namespace dots::signal {

// The DOTS signal channel of one client with one server (RFC 9132): keeps the session up
// with heartbeats (and answers the server's), negotiates its configuration, carries mitigation requests, efficacy
// updates and withdrawals, and keeps every mitigation's last known state current through
// Observe. It reconnects by itself when the session is lost and re-observes afterwards.
//
// Mitigation requests, efficacy updates, withdrawals and heartbeats are Non-confirmable
// and repeated at the RetryPolicy's interval until answered (sendNonConfirmable);
// session-configuration requests are Confirmable (RFC 9132 section 4.5).
class SignalChannel : public QObject
{
    Q_OBJECT
public:
    enum class State {
        Disconnected, // not asked to connect, or given up
        Connecting,   // first handshake under way
        Connected,    // heartbeats answered
        Lost          // missing-hb-allowed heartbeats went unanswered, or the session closed; reconnecting
    };
    Q_ENUM(State)

    explicit SignalChannel(QObject *parent = nullptr);
    ~SignalChannel() override;

    // Persistent mid counter; without one, mids start above the highest the server lists.
    void setMidAllocator(store::MidAllocator *allocator) { m_mids = allocator; }
    // Persistent tmid counter (the server refuses a tmid lower than one it stored); without
    // one, tmids start at 1 in every run.
    void setTelemetryIdCounter(store::TelemetryIdCounter *counter) { m_telemetryIds = counter; }
    void setRetryPolicy(const RetryPolicy &policy) { m_retry = policy; }
    RetryPolicy retryPolicy() const { return m_retry; }
    // Renew requests with a finite lifetime before they expire (on by default).
    void setAutoRenew(bool enabled) { m_autoRenew = enabled; }

    // Connects, reads the session configuration, lists and observes this client's
    // mitigations, and starts heartbeats. Fails with the handshake's reason in words.
    QCoro::Task<SignalResult<transport::ConnectionInfo>> connectToServer(ServerProfile profile);
    void disconnectFromServer();

    State state() const { return m_state; }
    QString stateReason() const { return m_stateReason; }
    const ServerProfile &profile() const { return m_profile; }
    QString cuid() const { return m_cuid; }
    std::optional<transport::ConnectionInfo> connection() const;
    const RttEstimator &rtt() const { return m_rtt; }
    QDateTime lastHeartbeatAnswered() const { return m_lastHeartbeatAnswered; }
    QDateTime lastServerHeartbeat() const { return m_lastServerHeartbeat; }
    int missedHeartbeats() const { return m_missedHeartbeats; }
    // The server's answer to GET config (ranges and current values), if read.
    std::optional<SessionConfig> serverConfig() const { return m_serverConfig; }
    // The parameters in force now: mitigating-config while a mitigation is active, else idle-config.
    ConfigParameters activeConfig() const;
    bool isMitigating() const;
    QList<MitigationStatus> mitigations() const { return m_mitigations.values(); }
    std::optional<MitigationStatus> mitigation(quint32 mid) const;
    // The request as we sent it, for renewals, efficacy updates and "duplicate as new".
    std::optional<MitigationRequest> sentRequest(quint32 mid) const;
    transport::CoapClient *coapClient() const { return m_client.get(); }

    // PUT mitigate/cuid=../mid=..; mid 0 means "allocate one". Answers 2.01/2.04 with the
    // server's view, or a typed error (4.09 carries conflict-information in `diagnostic`).
    QCoro::Task<SignalResult<MitigationStatus>> requestMitigation(MitigationRequest request);
    // Same mid, same scope again: extends the lifetime (RFC 9132 section 4.4.1).
    QCoro::Task<SignalResult<MitigationStatus>> renewMitigation(quint32 mid);
    // RFC 9133: switch a filter of a mitigation on or off during an attack, e.g. make an
    // activate-when-mitigating ACL "immediate", by sending the request again under a new mid
    // with its acl-list changed; the answer's mid replaces `mid`. An ACL not yet in the
    // request is added.
    QCoro::Task<SignalResult<MitigationStatus>> changeFilterActivation(quint32 mid, QString aclName,
                                                                       ActivationType activation);
    // PUT with If-Match (RFC 9132 section 4.4.3).
    QCoro::Task<SignalResult<MitigationStatus>> sendEfficacyUpdate(quint32 mid, AttackStatus status);
    // DELETE; a 4.04 to a repeated DELETE means the first one got through.
    QCoro::Task<SignalResult<Done>> withdrawMitigation(quint32 mid);
    // GET mitigate/cuid=.. (all of this client's mitigations).
    QCoro::Task<SignalResult<QList<MitigationStatus>>> refreshMitigations();

    QCoro::Task<SignalResult<SessionConfig>> fetchSessionConfig();
    // Checks the proposal against the server's ranges first, then PUT config/sid=N.
    QCoro::Task<SignalResult<SessionConfig>> proposeSessionConfig(SessionConfig proposal);
    // DELETE config/sid=N: back to the server's defaults.
    QCoro::Task<SignalResult<SessionConfig>> resetSessionConfig();

    // RFC 9244 telemetry. After connecting, the channel reads the telemetry setup and
    // observes the tm resource for the server's telemetry (telemetryReceived).
    // GET tm-setup/cuid=..: the server's ranges and this client's setups.
    QCoro::Task<SignalResult<TelemetrySetupInfo>> fetchTelemetrySetup();
    // PUT tm-setup/cuid=../tsid=N (tsid 0: the next free one), after checking the setup and,
    // for a configuration, the server's ranges. Answers the setup with its tsid.
    QCoro::Task<SignalResult<TelemetrySetup>> sendTelemetrySetup(TelemetrySetup setup);
    // DELETE tm-setup/cuid=..[/tsid=N]: one setup, or all of them (back to the defaults).
    QCoro::Task<SignalResult<Done>> deleteTelemetrySetup(std::optional<quint32> tsid);
    // PUT tm/cuid=../tmid=N (tmid unset: the next one): the client's own view of an attack.
    // Answers the tmid used.
    QCoro::Task<SignalResult<quint32>> sendTelemetryReport(TelemetryReport report);
    // The last telemetry setup read from the server, if any.
    std::optional<TelemetrySetupInfo> telemetrySetup() const { return m_telemetrySetup; }
    bool isObservingTelemetry() const { return !m_telemetryToken.isEmpty(); }

signals:
    void stateChanged(dots::signal::SignalChannel::State state, const QString &reason);
    void heartbeatAnswered(std::chrono::microseconds rtt);
    void heartbeatMissed(int consecutive);
    // The server's own heartbeat arrived (RFC 9132 section 4.7) and was answered 2.04;
    // peerHbStatus says whether the server receives ours.
    void serverHeartbeatReceived(bool peerHbStatus);
    void mitigationChanged(const dots::signal::MitigationStatus &status);
    void mitigationRemoved(quint32 mid);
    void sessionConfigChanged();
    void telemetrySetupChanged();
    // Telemetry the server sent on the observed tm resource (pre-or-ongoing-mitigation).
    void telemetryReceived(const QList<dots::signal::TelemetryReport> &reports);
    void messageExchanged(const dots::signal::SignalMessage &message);

private:
    void setState(State state, const QString &reason);
    QCoro::Task<SignalResult<transport::CoapResponse>> exchange(transport::CoapRequest request, bool confirmable);
    // The three shapes the channel's requests take, over exchange() (confirmable: CON, else NON
    // repeated until answered). `what` names the request in a refusal ("telemetry 3 refused
    // (4.22): ..."); `unencodable`/`undecodable` are the errors for a body that cannot be
    // encoded or an answer that cannot be decoded.
    // PUT a dots+cbor body: the 2.01/2.04 answer, or a typed error.
    QCoro::Task<SignalResult<transport::CoapResponse>> putResource(QStringList path, QJsonObject body, QString what,
                                                                   QString unencodable, bool confirmable,
                                                                   std::optional<QByteArray> ifMatch = std::nullopt);
    // GET: the decoded body of a 2.05, or a typed error.
    QCoro::Task<SignalResult<QJsonObject>> getResource(QStringList path, QString what, QString undecodable,
                                                       bool confirmable);
    // DELETE: done on 2.02, else a typed error.
    QCoro::Task<SignalResult<Done>> deleteResource(QStringList path, QString what, bool confirmable);
    QCoro::Task<> afterConnect();
    QCoro::Task<> reconnectLoop();
    QCoro::Task<> sendHeartbeat();
    // GET with Observe, confirmable: the first answer, or nothing when the registration failed
    // (logged as "observing <what> failed") or the channel or session went away meanwhile.
    QCoro::Task<std::optional<transport::CoapResponse>> registerObservation(QStringList path, QString what);
    QCoro::Task<> observeMitigation(quint32 mid);
    QCoro::Task<> setUpTelemetry();
    void applyTelemetryNotification(const transport::CoapResponse &response);
    void onNotification(const QByteArray &token, const transport::CoapResponse &response);
    transport::ServerResponse answerServerHeartbeat(const transport::ServerRequest &request);
    void onDisconnected(const transport::TransportError &reason);
    void applyMitigationStatus(const MitigationStatus &status);
    void removeMitigation(quint32 mid);
    // Stops observing `mid` and drops it (withdrawn, or replaced by a new mid).
    void forgetMitigation(quint32 mid);
    void applyActiveConfig();
    // Renew before the granted lifetime ends; retryIn: again after a failed renewal.
    void scheduleRenewal(quint32 mid, std::optional<std::chrono::milliseconds> retryIn = std::nullopt);
    QCoro::Task<> renewBeforeExpiry(quint32 mid);
    std::optional<quint32> allocateMid(QString *error);
    // Whether config/sid=m_sid holds what this client negotiated; kept in the store too.
    void rememberNegotiatedSid(bool negotiated);
    SignalError errorFromResponse(const transport::CoapResponse &response, const QString &what) const;
    void logOutgoing(const transport::CoapRequest &request, SignalMessage::Kind kind = SignalMessage::Kind::Exchange);
    // A line of the channel's own in the log (a decision, not a message on the wire).
    void logNote(const QString &text);
    void logIncoming(const transport::CoapResponse &response, const QString &context,
                     SignalMessage::Kind kind = SignalMessage::Kind::Exchange);

    std::unique_ptr<transport::CoapClient> m_client;
    store::MidAllocator *m_mids = nullptr;
    store::TelemetryIdCounter *m_telemetryIds = nullptr;
    ServerProfile m_profile;
    QString m_cuid;
    State m_state = State::Disconnected;
    QString m_stateReason;
    RetryPolicy m_retry;
    RttEstimator m_rtt;
    bool m_autoRenew = true;
    bool m_wanted = false;        // the operator wants a session (reconnect when lost)
    bool m_reconnecting = false;
    quint64 m_generation = 0;     // bumps on every connect/disconnect; stale coroutines check it

    QTimer m_heartbeatTimer;
    bool m_heartbeatInFlight = false;
    int m_missedHeartbeats = 0;
    QDateTime m_lastHeartbeatAnswered;
    QDateTime m_lastServerHeartbeat;

    std::optional<SessionConfig> m_serverConfig;
    quint32 m_sid = 0;
    bool m_sidNegotiated = false; // config/sid=m_sid holds what this client negotiated
    QHash<quint32, MitigationStatus> m_mitigations;
    QHash<quint32, MitigationRequest> m_sentRequests;
    QHash<QByteArray, quint32> m_observationMid; // Observe token -> mid
    QHash<quint32, QTimer *> m_renewTimers;
    quint32 m_highestMidSeen = 0;
    std::optional<TelemetrySetupInfo> m_telemetrySetup;
    quint32 m_lastTsid = 0;
    quint32 m_lastTmid = 0;
    QByteArray m_telemetryToken; // Observe token of tm/cuid=..
};

} // namespace dots::signal

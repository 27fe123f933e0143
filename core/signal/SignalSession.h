// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "signal/RetryPolicy.h"
#include "signal/RttEstimator.h"
#include "signal/ServerProfile.h"
#include "signal/SessionConfig.h"
#include "signal/SignalError.h"
#include "transport/CoapMessage.h"
#include "transport/ConnectionInfo.h"

#include <QCoro/QCoroTask>
#include <QDateTime>
#include <QObject>
#include <QTimer>

#include <chrono>
#include <functional>
#include <memory>
#include <optional>

namespace dots::transport {
class CoapClient;
struct ServerRequest;
struct ServerResponse;
struct TransportError;
}

namespace dots::signal {

class SignalLog;

// Keeps one (D)TLS session with a DOTS server up (RFC 9132 sections 4.7 and 4.8): the handshake
// with the client identifier taken from the certificate, heartbeats both ways, loss after
// missing-hb-allowed unanswered heartbeats, and reconnection with backoff. The resource
// clients (mitigations, configuration, telemetry) talk through its transport; the setUp step
// they give runs after every handshake, and ends with markConnected().
class SignalSession : public QObject
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

    explicit SignalSession(SignalLog *log, QObject *parent = nullptr);
    ~SignalSession() override;

    void setRetryPolicy(const RetryPolicy &policy) { m_retry = policy; }
    RetryPolicy retryPolicy() const { return m_retry; }
    // What to do after each handshake before the session counts as connected (read the
    // configuration, list and observe the mitigations); it calls markConnected() when done.
    void setSetUp(std::function<QCoro::Task<>()> setUp) { m_setUp = std::move(setUp); }

    // Derives the cuid, shakes hands and runs the setUp step. Fails with the reason in words.
    QCoro::Task<SignalResult<transport::ConnectionInfo>> open(ServerProfile profile);
    void close();
    void markConnected();
    // The set-up after the handshake heard nothing from the server: the session counts as
    // lost (in these words) and is tried again, instead of looking connected.
    void failSetUp(const QString &reason);
    // The session parameters in force (idle or mitigating): retransmission and heartbeats.
    void applyConfig(const ConfigParameters &config);

    State state() const { return m_state; }
    QString stateReason() const { return m_stateReason; }
    const ServerProfile &profile() const { return m_profile; }
    QString cuid() const { return m_cuid; }
    std::optional<transport::ConnectionInfo> connection() const;
    transport::CoapClient *client() const { return m_client.get(); }
    const RttEstimator &rtt() const { return m_rtt; }
    RttEstimator *rttEstimator() { return &m_rtt; }
    QDateTime lastHeartbeatAnswered() const { return m_lastHeartbeatAnswered; }
    QDateTime lastServerHeartbeat() const { return m_lastServerHeartbeat; }
    int missedHeartbeats() const { return m_missedHeartbeats; }
    // When this session last heard an answer of the server's to anything we sent (or a
    // notification); the handshake counts as the first. Invalid without a session.
    QDateTime lastAnswer() const { return m_lastAnswer; }
    // How long ago that was, while there is a session (connected or lost); never negative.
    std::optional<std::chrono::seconds> timeSinceLastAnswer() const;
    // No answer for two heartbeat intervals although the session is up: it must not look live.
    bool isQuiet() const;
    // RFC 9132 section 4.7: the server's own heartbeat, within two intervals, said
    // peer-hb-status true: our messages reach it even if its answers do not reach us.
    bool serverHearsUs() const;
    // Bumps on every open and close; a coroutine that finds it changed after an await stops.
    quint64 generation() const { return m_generation; }

signals:
    void stateChanged(dots::signal::SignalSession::State state, const QString &reason);
    void heartbeatAnswered(std::chrono::microseconds rtt);
    void heartbeatMissed(int consecutive);
    // The server's own heartbeat arrived (RFC 9132 section 4.7) and was answered 2.04;
    // peerHbStatus says whether the server receives ours.
    void serverHeartbeatReceived(bool peerHbStatus);
    // isQuiet() changed: nothing heard for two heartbeat intervals, or an answer again.
    void quietChanged(bool quiet);
    void notificationReceived(const QByteArray &token, const dots::transport::CoapResponse &response);
    // The session that carried the observations is gone (closed, lost, or a new handshake):
    // their tokens mean nothing any more.
    void observationsEnded();

private:
    void setState(State state, const QString &reason);
    QCoro::Task<> runSetUp();
    QCoro::Task<> reconnectLoop();
    QCoro::Task<> sendHeartbeat();
    transport::ServerResponse answerServerHeartbeat(const transport::ServerRequest &request);
    void onDisconnected(const transport::TransportError &reason);
    void heardAnswer();
    void checkQuiet();
    // Whether `time` is at most two heartbeat intervals ago (two default intervals with
    // heartbeats off): the window of isQuiet() and serverHearsUs().
    bool withinTwoHeartbeatIntervals(const QDateTime &time) const;

    SignalLog *m_log;
    std::unique_ptr<transport::CoapClient> m_client;
    std::function<QCoro::Task<>()> m_setUp;
    ServerProfile m_profile;
    QString m_cuid;
    State m_state = State::Disconnected;
    QString m_stateReason;
    RetryPolicy m_retry;
    RttEstimator m_rtt;
    ConfigParameters m_config = ConfigParameters::rfcDefaults();
    bool m_wanted = false;        // the operator wants a session (reconnect when lost)
    bool m_reconnecting = false;
    quint64 m_generation = 0;

    QTimer m_heartbeatTimer;
    bool m_heartbeatInFlight = false;
    int m_missedHeartbeats = 0;
    QDateTime m_lastHeartbeatAnswered;
    QDateTime m_lastServerHeartbeat;
    bool m_lastPeerHbStatus = false; // what that heartbeat said
    QDateTime m_lastAnswer;
    bool m_quiet = false;
    QTimer m_quietCheck; // quiet is a matter of time passing: looked at every second
};

} // namespace dots::signal

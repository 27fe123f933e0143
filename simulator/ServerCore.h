// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "DataCore.h"
#include "HeartbeatMonitor.h"
#include "Mitigation.h"
#include "Scenario.h"
#include "ServerRequest.h"
#include "ServerResponse.h"
#include "SessionConfig.h"
#include "TargetScope.h"

#include "signal/TelemetryReport.h"
#include "signal/TelemetrySetup.h"

#include <QHash>
#include <QList>

#include <map>
#include <optional>

namespace dots::simulator {

// A resource whose representation changed, so that its observers get a notification.
struct ResourceChange {
    enum class Kind { Mitigation, SessionConfig, Telemetry };
    Kind kind = Kind::Mitigation;
    QString cuid;
    quint32 mid = 0; // Mitigation only
    friend bool operator==(const ResourceChange &, const ResourceChange &) = default;
};

// The DOTS signal-channel server without the wire: RFC 9132 resources under /.well-known/dots
// (mitigate, config, hb), RFC 9244 telemetry (tm-setup, tm), the mitigation lifecycle driven by a scenario clock, and the
// heartbeat bookkeeping. Every input is explicit (request, scenario time, wall time), so the
// whole behaviour is testable without sockets or timers.
class ServerCore {
public:
    explicit ServerCore(Scenario scenario = {});

    const ServerPolicy &policy() const { return m_scenario.policy; }
    const Scenario &scenario() const { return m_scenario; }
    // The data channel's aliases and ACLs, which mitigation requests refer to.
    DataCore &data() { return m_data; }
    const DataCore &data() const { return m_data; }

    // Answers one request at the current scenario time.
    ServerResponse handle(const ServerRequest &request);

    // Moves the scenario clock forward (milliseconds since the scenario start): status
    // transitions, dropped-traffic counters, lifetime expiry, periodic notifications.
    void advanceTo(qint64 scenarioMs);
    qint64 now() const { return m_nowMs; }
    // Unix time of scenario time 0, for mitigation-start.
    void setEpochAtStart(qint64 unixSeconds) { m_epochAtStart = unixSeconds; }

    // Resources changed since the last call; each at most once.
    QList<ResourceChange> takeChanges();

    // Heartbeats run on wall time (milliseconds, any origin) so that a sped-up scenario does
    // not make the server chattier than the session configuration says.
    void setWallTime(qint64 wallMs) { m_wallMs = wallMs; }
    QList<HeartbeatMonitor::Due> heartbeatsDue(qint64 wallMs);
    void heartbeatAnswered(const QString &cuid, qint64 wallMs);
    void sessionClosed(const QString &cuid);
    static QJsonObject heartbeatBody(bool peerHbStatus);
    const HeartbeatMonitor &heartbeats() const { return m_heartbeats; }

    // RFC 9132 §4.4.1: pre-configured (trigger-mitigation false) requests start now; active
    // requests overlapping them are withdrawn. Mitigations are never stopped for signal loss.
    void signalLost(const QString &cuid);

    // Inspection, for the wire layer and tests.
    const Mitigation *mitigation(const QString &cuid, quint32 mid) const;
    QList<const Mitigation *> mitigations(const QString &cuid) const;
    bool hasActiveMitigation(const QString &cuid) const;
    SessionConfigValues sessionConfig(const QString &cuid) const;
    std::optional<qint64> sessionId(const QString &cuid) const;
    // Current heartbeat-interval / missing-hb-allowed for a client (mitigating or idle set).
    qint64 heartbeatIntervalSeconds(const QString &cuid) const;
    int missingHbAllowed(const QString &cuid) const;

    // The server's own telemetry for a client at the current scenario time: one
    // pre-or-ongoing-mitigation entry per attack under way (RFC 9244 section 7).
    QList<signal::TelemetryReport> serverTelemetry(const QString &cuid) const;
    // What a client has set up (tm-setup) and reported (tm).
    QList<signal::TelemetrySetup> telemetrySetups(const QString &cuid) const;
    QList<signal::TelemetryReport> clientTelemetry(const QString &cuid) const;

private:
    struct ClientState {
        std::optional<qint64> sid;
        SessionConfigValues config;
        std::optional<quint32> highestMid;
        std::map<quint32, signal::TelemetrySetup> telemetrySetups; // by tsid
        std::map<quint32, signal::TelemetryReport> telemetryReports; // by tmid
        qint64 telemetryNotifiedMs = 0;
        bool telemetryWasActive = false;
        bool hadServerTelemetry = false; // reference personality: GET tm is 4.04 before
        // Requests refused with a retry-timer, until it runs out (RFC 9132 section 4.4.1:
        // the same request sent earlier is refused again for the same reason).
        struct Refusal {
            TargetScope targets;
            qint64 untilMs = 0;
        };
        QList<Refusal> refusals;
    };
    // 4.09 with conflict-information and retry-timer; remembers the refusal for `cuid`.
    ServerResponse refuseWithRetryTimer(const QString &cuid, const TargetScope &targets, quint32 mid, qint64 lifetime,
                                        QJsonObject conflictInformation, const QString &diagnostic);

    ServerResponse handleTelemetrySetup(const ServerRequest &r, const QStringList &params);
    ServerResponse handleTelemetry(const ServerRequest &r, const QStringList &params);
    signal::TelemetryConfiguration telemetryConfig(const QString &cuid) const;
    // Attack traffic still reaching the target after this client's mitigations scrub it.
    signal::TelemetryReport attackView(const QString &cuid, int attackIndex, double intensity) const;
    QJsonObject efficacyTelemetry(const Mitigation &m) const;
    void advanceTelemetry();

    ServerResponse handleMitigate(const ServerRequest &r, const QStringList &params);
    ServerResponse getMitigations(const QString &cuid, std::optional<quint32> mid) const;
    ServerResponse putMitigation(const ServerRequest &r, const QString &cuid, quint32 mid);
    ServerResponse deleteMitigation(const QString &cuid, quint32 mid);
    ServerResponse handleConfig(const ServerRequest &r, const QStringList &params);
    ServerResponse handleHeartbeat(const ServerRequest &r, const QStringList &params);

    QString resolveAliases(const QString &cuid, TargetScope &targets) const;
    QJsonObject scopeStatusJson(const Mitigation &m) const;
    void setStatus(Mitigation &m, MitigationStatus status);
    void markChanged(Mitigation &m);
    void markConfigChanged(const QString &cuid);
    ClientState &client(const QString &cuid);
    // RFC 9132 section 4.4.1 recommends, but does not require, a cuid derived from the
    // certificate: a client (known by its certificate's identity) may bring its own. A cuid
    // is bound to the first client that uses it (another gets 4.09, cuid collision). A client
    // may change its cuid; the reference personality refuses that with 4.00 while the old
    // one has active mitigations. Answers the refusal, or nothing once `cuid` is bound.
    std::optional<ServerResponse> bindCuid(const QString &identity, const QString &cuid);
    // The cuid a client's mitigations live under (its identity's bound cuid).
    QString cuidOf(const QString &identity) const { return m_boundCuid.value(identity, identity); }
    int activeCount() const;
    void purgeFinished(qint64 beforeMs);

    Scenario m_scenario;
    qint64 m_nowMs = 0;
    qint64 m_wallMs = 0;
    qint64 m_epochAtStart = 0;
    QHash<QString, ClientState> m_clients;
    QHash<QString, QString> m_cuidOwner;  // cuid -> identity of the client that uses it
    QHash<QString, QString> m_boundCuid;  // identity -> the cuid it uses now
    QHash<QString, std::map<quint32, Mitigation>> m_mitigations;
    QList<ResourceChange> m_changes;
    HeartbeatMonitor m_heartbeats;
    DataCore m_data;
};

} // namespace dots::simulator

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QList>
#include <QString>

namespace dots::simulator {

// Server side of the RFC 9132 §4.7 heartbeat: which clients are due for a heartbeat, how many
// of ours went unanswered, and what to put in peer-hb-status. Pure bookkeeping on
// millisecond timestamps the caller supplies, so tests need no timers.
class HeartbeatMonitor {
public:
    struct Due {
        QString cuid;
        bool peerHbStatus = false; // we have been receiving the client's heartbeats
    };

    // Any message from the client proves it is alive: the missed counter starts again.
    void messageReceived(const QString &cuid, qint64 nowMs);
    void heartbeatReceived(const QString &cuid, qint64 nowMs);
    void heartbeatAnswered(const QString &cuid, qint64 nowMs);
    void sessionClosed(const QString &cuid);
    void forget(const QString &cuid);

    // Clients whose next heartbeat is due at `nowMs`: one interval after the first message,
    // then every interval, however chatty the client is (RFC 9132 §4.7: heartbeats go both
    // ways, so the client learns whether it hears us). `intervalMs` and `missingAllowed` give
    // each client's current session configuration (interval 0: heartbeats off). A client whose
    // previous heartbeat is still unanswered counts one more miss; once misses exceed
    // missingAllowed it is reported by takeLost() and gets no more heartbeats until it speaks.
    template<typename IntervalFn, typename AllowedFn>
    QList<Due> due(qint64 nowMs, IntervalFn intervalMs, AllowedFn missingAllowed);

    QStringList takeLost();
    int missed(const QString &cuid) const { return m_peers.value(cuid).missed; }
    bool isLost(const QString &cuid) const { return m_peers.value(cuid).lost; }
    bool isConnected(const QString &cuid) const { return m_peers.value(cuid).connected; }
    QStringList peers() const { return m_peers.keys(); }

private:
    struct Peer {
        qint64 firstHeard = -1;
        qint64 lastHeartbeatReceived = -1;
        qint64 lastSent = -1;
        bool awaitingAnswer = false;
        int missed = 0;
        bool lost = false;
        bool connected = true;
    };
    QHash<QString, Peer> m_peers;
    QStringList m_lost;
};

template<typename IntervalFn, typename AllowedFn>
QList<HeartbeatMonitor::Due> HeartbeatMonitor::due(qint64 nowMs, IntervalFn intervalMs, AllowedFn missingAllowed)
{
    QList<Due> result;
    for (auto it = m_peers.begin(); it != m_peers.end(); ++it) {
        Peer &p = it.value();
        const qint64 interval = intervalMs(it.key());
        if (interval <= 0 || p.lost)
            continue;
        const qint64 since = p.lastSent < 0 ? p.firstHeard : p.lastSent;
        if (nowMs - since < interval)
            continue;
        if (p.awaitingAnswer || !p.connected)
            ++p.missed;
        if (p.missed > missingAllowed(it.key())) {
            p.lost = true;
            m_lost.append(it.key());
            continue;
        }
        p.lastSent = nowMs;
        if (!p.connected)
            continue; // nothing to send on, but the clock keeps counting misses
        p.awaitingAnswer = true;
        const bool receiving = p.lastHeartbeatReceived >= 0
            && nowMs - p.lastHeartbeatReceived <= interval * (qint64(missingAllowed(it.key())) + 1);
        result.append({it.key(), receiving});
    }
    return result;
}

} // namespace dots::simulator

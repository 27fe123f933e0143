// SPDX-License-Identifier: GPL-3.0-or-later
#include "HeartbeatMonitor.h"

namespace dots::simulator {

void HeartbeatMonitor::messageReceived(const QString &cuid, qint64 nowMs)
{
    Peer &p = m_peers[cuid];
    if (p.firstHeard < 0)
        p.firstHeard = nowMs;
    p.missed = 0;
    p.awaitingAnswer = false;
    p.lost = false;
    p.connected = true;
}

void HeartbeatMonitor::heartbeatReceived(const QString &cuid, qint64 nowMs)
{
    messageReceived(cuid, nowMs);
    m_peers[cuid].lastHeartbeatReceived = nowMs;
}

void HeartbeatMonitor::heartbeatAnswered(const QString &cuid, qint64 nowMs)
{
    // An answer for a client we already forgot is late news; ignore it.
    if (m_peers.contains(cuid))
        messageReceived(cuid, nowMs);
}

void HeartbeatMonitor::sessionClosed(const QString &cuid)
{
    if (auto it = m_peers.find(cuid); it != m_peers.end())
        it->connected = false;
}

void HeartbeatMonitor::forget(const QString &cuid)
{
    m_peers.remove(cuid);
}

QStringList HeartbeatMonitor::takeLost()
{
    return std::exchange(m_lost, {});
}

} // namespace dots::simulator

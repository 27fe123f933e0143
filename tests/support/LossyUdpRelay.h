// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QHostAddress>
#include <QObject>
#include <QRandomGenerator>
#include <QUdpSocket>

#include <array>
#include <memory>

namespace dots::test {

// A UDP relay on 127.0.0.1 that loses datagrams on purpose: a flooded link between a
// client and a server on 127.0.0.1:targetPort. Each direction drops its own share of
// datagrams, decided by its own seeded generator, so a run repeats exactly and the
// traffic in one direction does not change the drops in the other. The share can change
// at any time (set a session up at 0 %, then degrade it) and 1.0 is total silence: a
// server that vanishes without a close_notify or an ICMP error.
//
// Every client source address and port gets its own upstream socket, so a client that
// reconnects from a new port reaches the server as a new peer, and answers go back to
// whichever client the upstream socket belongs to.
class LossyUdpRelay : public QObject
{
    Q_OBJECT
public:
    enum class Direction { ClientToServer, ServerToClient };
    Q_ENUM(Direction)

    explicit LossyUdpRelay(quint16 targetPort, quint32 seed = 1, QObject *parent = nullptr);
    ~LossyUdpRelay() override;

    bool isListening() const { return m_front.state() == QAbstractSocket::BoundState; }
    quint16 port() const { return m_front.localPort(); }

    // Share of datagrams dropped, 0.0 to 1.0 (clamped).
    void setLoss(double share);
    void setLoss(Direction direction, double share);
    double loss(Direction direction) const { return at(direction).loss; }
    // Drops exactly the next `count` datagrams in `direction`, then goes back to the share.
    void dropNext(Direction direction, int count = 1) { at(direction).dropNext += count; }

    quint64 forwarded(Direction direction) const { return at(direction).forwarded; }
    quint64 dropped(Direction direction) const { return at(direction).dropped; }
    quint64 droppedTotal() const { return dropped(Direction::ClientToServer) + dropped(Direction::ServerToClient); }
    void resetCounters();
    // Distinct client source address/port pairs seen so far.
    int clientCount() const { return int(m_upstreams.size()); }

signals:
    void clientAppeared(const QHostAddress &address, quint16 port);

private:
    struct Lane
    {
        double loss = 0.0;
        int dropNext = 0;
        quint64 forwarded = 0;
        quint64 dropped = 0;
        QRandomGenerator random;
    };
    struct Upstream
    {
        QHostAddress clientAddress;
        quint16 clientPort = 0;
        std::unique_ptr<QUdpSocket> socket;
    };

    Lane &at(Direction direction) { return m_lanes[direction == Direction::ClientToServer ? 0 : 1]; }
    const Lane &at(Direction direction) const { return m_lanes[direction == Direction::ClientToServer ? 0 : 1]; }
    bool shouldDrop(Direction direction);
    void readFromClients();
    Upstream *upstreamFor(const QHostAddress &address, quint16 port);

    QUdpSocket m_front; // clients talk to this
    quint16 m_targetPort;
    std::array<Lane, 2> m_lanes;
    QHash<QString, Upstream *> m_upstreams; // "address port" -> its upstream socket
};

} // namespace dots::test

// SPDX-License-Identifier: GPL-3.0-or-later
#include "LossyUdpRelay.h"

#include <QNetworkDatagram>

#include <algorithm>

namespace dots::test {

LossyUdpRelay::LossyUdpRelay(quint16 targetPort, quint32 seed, QObject *parent)
    : QObject(parent), m_targetPort(targetPort)
{
    // Independent streams per direction: one direction's traffic never shifts the other's drops.
    m_lanes[0].random.seed(seed);
    m_lanes[1].random.seed(seed ^ 0x9e3779b9u);
    m_front.bind(QHostAddress::LocalHost, 0);
    connect(&m_front, &QUdpSocket::readyRead, this, &LossyUdpRelay::readFromClients);
}

LossyUdpRelay::~LossyUdpRelay()
{
    qDeleteAll(m_upstreams);
}

void LossyUdpRelay::setLoss(double share)
{
    setLoss(Direction::ClientToServer, share);
    setLoss(Direction::ServerToClient, share);
}

void LossyUdpRelay::setLoss(Direction direction, double share)
{
    at(direction).loss = std::clamp(share, 0.0, 1.0);
}

void LossyUdpRelay::resetCounters()
{
    for (Lane &lane : m_lanes) {
        lane.forwarded = 0;
        lane.dropped = 0;
    }
}

bool LossyUdpRelay::shouldDrop(Direction direction)
{
    Lane &lane = at(direction);
    bool drop = false;
    if (lane.dropNext > 0) {
        --lane.dropNext;
        drop = true;
    } else if (lane.loss >= 1.0) {
        drop = true;
    } else if (lane.loss > 0.0) {
        drop = lane.random.generateDouble() < lane.loss;
    }
    ++(drop ? lane.dropped : lane.forwarded);
    return drop;
}

void LossyUdpRelay::readFromClients()
{
    while (m_front.hasPendingDatagrams()) {
        const QNetworkDatagram datagram = m_front.receiveDatagram();
        Upstream *upstream = upstreamFor(datagram.senderAddress(), quint16(datagram.senderPort()));
        if (!upstream || shouldDrop(Direction::ClientToServer))
            continue;
        upstream->socket->writeDatagram(datagram.data(), QHostAddress::LocalHost, m_targetPort);
    }
}

LossyUdpRelay::Upstream *LossyUdpRelay::upstreamFor(const QHostAddress &address, quint16 port)
{
    const QString key = address.toString() + u' ' + QString::number(port);
    if (Upstream *known = m_upstreams.value(key))
        return known;
    auto *upstream = new Upstream{address, port, std::make_unique<QUdpSocket>()};
    if (!upstream->socket->bind(QHostAddress::LocalHost, 0)) {
        delete upstream;
        return nullptr;
    }
    QUdpSocket *socket = upstream->socket.get();
    connect(socket, &QUdpSocket::readyRead, this, [this, upstream, socket] {
        while (socket->hasPendingDatagrams()) {
            const QNetworkDatagram datagram = socket->receiveDatagram();
            if (!shouldDrop(Direction::ServerToClient))
                m_front.writeDatagram(datagram.data(), upstream->clientAddress, upstream->clientPort);
        }
    });
    m_upstreams.insert(key, upstream);
    emit clientAppeared(address, port);
    return upstream;
}

} // namespace dots::test

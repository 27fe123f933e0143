#include "UdpRelay.h"

#include <QNetworkDatagram>

namespace dots::test {

UdpRelay::UdpRelay(quint16 serverPort) : m_serverPort(serverPort)
{
    m_front.bind(QHostAddress::LocalHost, 0);
    m_back.bind(QHostAddress::LocalHost, 0);
    connect(&m_front, &QUdpSocket::readyRead, this, [this] {
        while (m_front.hasPendingDatagrams()) {
            const QNetworkDatagram d = m_front.receiveDatagram();
            m_clientAddress = d.senderAddress();
            m_clientPort = quint16(d.senderPort());
            if (m_dropping)
                ++m_dropped;
            else
                m_back.writeDatagram(d.data(), QHostAddress::LocalHost, m_serverPort);
        }
    });
    connect(&m_back, &QUdpSocket::readyRead, this, [this] {
        while (m_back.hasPendingDatagrams()) {
            const QNetworkDatagram d = m_back.receiveDatagram();
            if (m_dropping)
                ++m_dropped;
            else if (m_clientPort)
                m_front.writeDatagram(d.data(), m_clientAddress, m_clientPort);
        }
    });
}

} // namespace dots::test

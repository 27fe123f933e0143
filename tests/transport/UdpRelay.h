#pragma once

#include <QHostAddress>
#include <QUdpSocket>

namespace dots::test {

// Forwards datagrams between one client and a server on 127.0.0.1 until told to
// drop them: a DTLS server that vanishes without a close_notify or an ICMP error.
class UdpRelay : public QObject
{
    Q_OBJECT
public:
    explicit UdpRelay(quint16 serverPort);
    quint16 port() const { return m_front.localPort(); }
    void setDropping(bool dropping) { m_dropping = dropping; }
    int dropped() const { return m_dropped; }

private:
    QUdpSocket m_front; // the client talks to this
    QUdpSocket m_back;  // this talks to the server
    quint16 m_serverPort;
    QHostAddress m_clientAddress;
    quint16 m_clientPort = 0;
    bool m_dropping = false;
    int m_dropped = 0;
};

} // namespace dots::test

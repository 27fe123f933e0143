// SPDX-License-Identifier: GPL-3.0-or-later
#include "EchoServer.h"

namespace dots::test {

using namespace dots::transport;

QByteArray EchoServer::bigBody()
{
    QByteArray body;
    body.reserve(BigSize);
    for (int i = 0; i < BigSize; ++i)
        body.append(char('a' + (i * 7 + i / 26) % 26));
    return body;
}

EchoServer::EchoServer(const PkiConfig &pki) : m_server(std::make_unique<CoapServer>())
{
    m_server->setPki(pki);
    m_server->setHandler(QStringLiteral("/echo"), [this](const ServerRequest &r) {
        requests.append(r);
        ServerResponse answer;
        switch (r.method) {
        case Method::Put: answer.code = CoapCode::Created; break;
        case Method::Post: answer.code = CoapCode::Changed; break;
        case Method::Delete: answer.code = CoapCode::Deleted; break;
        default: answer.code = CoapCode::Content; break;
        }
        answer.payload = r.payload.isEmpty() ? r.path().toUtf8() : r.payload;
        answer.contentFormat = r.contentFormat.value_or(0);
        answer.maxAge = 30;
        return answer;
    });
    m_server->setHandler(QStringLiteral("/nonanswer"), [this](const ServerRequest &r) {
        requests.append(r);
        ServerResponse answer = ServerResponse::cbor(CoapCode::Content, r.path().toUtf8());
        answer.nonConfirmable = true;
        answer.echoUriPath = true;
        return answer;
    });
    m_server->setHandler(QStringLiteral("/big"), [](const ServerRequest &) {
        return ServerResponse::cbor(CoapCode::Content, bigBody());
    });
    m_server->setHandler(QStringLiteral("/obs"), [this](const ServerRequest &r) {
        if (!r.isNotification)
            requests.append(r);
        ServerResponse answer = ServerResponse::cbor(
            CoapCode::Content, QStringLiteral("value %1 for %2").arg(m_counter).arg(r.path()).toUtf8());
        answer.maxAge = 60;
        return answer;
    });
    m_server->setHandler(QStringLiteral("/bigobs"), [this](const ServerRequest &) {
        QByteArray body = bigBody();
        body.replace(0, 8, QByteArray::number(m_counter).rightJustified(8, '0'));
        return ServerResponse::cbor(CoapCode::Content, body);
    });
    m_server->setHandler(QStringLiteral("/reset"), [this](const ServerRequest &r) {
        requests.append(r);
        ServerResponse answer;
        answer.reset = true; // RST over DTLS, the connection closed over TLS
        return answer;
    });
    m_server->setHandler(QStringLiteral("/hang"), [this](const ServerRequest &r) {
        requests.append(r);
        return ServerResponse::withCode(0); // empty ACK: "separate response follows" (it never does)
    });
}

bool EchoServer::start(bool dtls, bool tls, quint16 port, bool alsoIpv6)
{
    const QHostAddress v4(QHostAddress::LocalHost);
    const QHostAddress v6(QHostAddress::LocalHostIPv6);
    if (dtls) {
        if (!m_server->listen(v4, port, Transport::Dtls))
            return false;
        port = m_server->serverPort(Transport::Dtls);
        if (alsoIpv6)
            m_server->listen(v6, port, Transport::Dtls);
    }
    if (tls) {
        if (!m_server->listen(v4, port, Transport::Tls))
            return false;
        port = m_server->serverPort(Transport::Tls);
        if (alsoIpv6)
            m_server->listen(v6, port, Transport::Tls);
    }
    m_port = port;
    return port != 0;
}

} // namespace dots::test

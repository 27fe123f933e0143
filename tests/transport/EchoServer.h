// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "transport/CoapServer.h"

#include <QObject>

#include <memory>

namespace dots::test {

class TestPki;

// A tiny server on the transport's server API for the integration tests:
//   /echo/...   answers with the request's payload (PUT 2.01, POST 2.04, DELETE 2.02, GET 2.05)
//   /big        GET: 5000 bytes (Block2)
//   /obs/...    GET: "value N" for the current counter; observable; bump() changes N
//   /bigobs     GET: 5000 bytes starting with the counter; observable
//   /hang       CON: empty ACK and never a response
//   /reset      no answer: a Reset over DTLS, the connection closed over TLS
//   /nonanswer  like /echo, but the answer is Non-confirmable with the request's message ID,
//               Uri-Path echoed, as the reference DOTS server answers
class EchoServer
{
public:
    static constexpr int BigSize = 5000;
    static QByteArray bigBody();

    EchoServer(const transport::PkiConfig &pki);
    // Listen on 127.0.0.1 with the given transports (port 0: any; both share a port).
    bool start(bool dtls, bool tls, quint16 port = 0, bool alsoIpv6 = false);
    quint16 port() const { return m_port; }
    transport::CoapServer &server() { return *m_server; }
    void bump() { ++m_counter; }
    int counter() const { return m_counter; }
    QList<transport::ServerRequest> requests;

private:
    std::unique_ptr<transport::CoapServer> m_server;
    quint16 m_port = 0;
    int m_counter = 0;
};

} // namespace dots::test

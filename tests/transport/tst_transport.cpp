// SPDX-License-Identifier: GPL-3.0-or-later
// Integration tests of core/transport: real DTLS and TLS on 127.0.0.1 with the
// generated test PKI, client and server in one process and one event loop.

#include "EchoServer.h"
#include "LossyUdpRelay.h"
#include "TestPki.h"

#include "transport/CoapClient.h"
#include "transport/CoapContext.h"
#include "transport/CoapFeatures.h"
#include "transport/CoapServer.h"
#include "transport/HappyEyeballs.h"

#include <QCoro/QCoroTask>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QSignalSpy>
#include <QTest>
#include <QUdpSocket>

#include <coap3/coap.h>

#include <memory>
#include <optional>

using namespace dots::transport;
using namespace std::chrono_literals;

// Readable QCOMPARE failures for the transport's enums (found by ADL).
namespace dots::transport {
char *toString(Transport t) { return qstrdup(qPrintable(dots::transport::transportName(t))); }
char *toString(Method m) { return qstrdup(qPrintable(dots::transport::methodName(m))); }
char *toString(TransportError::Kind k) { return qstrdup(qPrintable(TransportError::kindName(k))); }
char *toString(ObserveAction a) { return qstrdup(QByteArray::number(int(a)).constData()); }
} // namespace dots::transport

using dots::test::EchoServer;
using dots::test::TestPki;
using Kind = TransportError::Kind;

namespace {

// Runs a task on the event loop, giving up after `limit` (a hang must fail the test,
// not the ctest timeout).
template<typename T>
std::optional<T> runFor(QCoro::Task<T> task, std::chrono::milliseconds limit = 20s)
{
    struct State
    {
        std::optional<T> value;
        QEventLoop loop;
        bool waiting = false;
    };
    auto state = std::make_shared<State>();
    [](QCoro::Task<T> t, std::shared_ptr<State> s) -> QCoro::Task<> {
        T v = co_await std::move(t);
        s->value.emplace(std::move(v));
        if (s->waiting)
            s->loop.quit();
    }(std::move(task), state);
    if (!state->value) {
        state->waiting = true;
        QTimer::singleShot(limit, &state->loop, [s = state.get()] { s->loop.quit(); });
        state->loop.exec();
        state->waiting = false;
    }
    return std::move(state->value);
}

QByteArray cborish()
{
    // Bytes as a DOTS body would have them (content is opaque to the transport).
    return QByteArray::fromHex("a1190001a1190003a2190004d82574646f74732d636c69656e74");
}

CoapRequest req(Method method, const QString &path, const QByteArray &payload = {})
{
    CoapRequest r;
    r.method = method;
    r.uriPath = CoapRequest::splitPath(path);
    r.payload = payload;
    return r;
}

QString describe(const TransportError &e)
{
    return TransportError::kindName(e.kind) + QStringLiteral(": ") + e.toString();
}

} // namespace

class TransportTest : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestPki> m_pki;

    PkiConfig serverPki(const TestPki::Identity &id, const QString &ca) const
    {
        return {id.certificate, id.privateKey, ca, {}};
    }
    PkiConfig serverPki() const { return serverPki(m_pki->server(), m_pki->caCertificate()); }
    PkiConfig clientPki(const TestPki::Identity &id, const QString &ca, const QString &peer = {}) const
    {
        return {id.certificate, id.privateKey, ca, peer};
    }
    PkiConfig clientPki() const { return clientPki(m_pki->client1(), m_pki->caCertificate()); }

    static void addTransportRows()
    {
        QTest::addColumn<bool>("dtls");
        QTest::newRow("DTLS") << true;
        QTest::newRow("TLS") << false;
    }

    static ConnectOptions only(bool dtls)
    {
        ConnectOptions o;
        o.preference = dtls ? TransportPreference::DtlsOnly : TransportPreference::TlsOnly;
        o.handshakeTimeout = 8s;
        return o;
    }

    // Connect, expecting failure; returns the error.
    TransportError connectFails(CoapClient &client, quint16 port)
    {
        auto r = runFor(client.connectToHost(QStringLiteral("127.0.0.1"), port));
        if (!r)
            return TransportError::make(Kind::None, QStringLiteral("connect hung"));
        if (r->ok())
            return TransportError::make(Kind::None, QStringLiteral("connect unexpectedly succeeded"));
        return r->error();
    }

private slots:
    void initTestCase()
    {
        m_pki = std::make_unique<TestPki>();
        QVERIFY2(m_pki->isValid(), qPrintable(m_pki->errorString()));
    }

    void requestResponse_data() { addTransportRows(); }
    void requestResponse()
    {
        QFETCH(bool, dtls);
        EchoServer echo(serverPki());
        QVERIFY2(echo.start(dtls, !dtls), qPrintable(echo.server().errorString()));
        QSignalSpy peers(&echo.server(), &CoapServer::peerConnected);

        CoapClient client;
        client.setPki(clientPki());
        client.setConnectOptions(only(dtls));
        QSignalSpy connected(&client, &CoapClient::connected);
        auto up = runFor(client.connectToHost(QStringLiteral("127.0.0.1"), echo.port()));
        QVERIFY(up);
        QVERIFY2(up->ok(), qPrintable(describe(up->error())));
        QCOMPARE(up->value().transport, dtls ? Transport::Dtls : Transport::Tls);
        QCOMPARE(up->value().address, QHostAddress(QHostAddress::LocalHost));
        QCOMPARE(up->value().port, echo.port());
        QVERIFY(!up->value().serverCertificate.isEmpty());
        QCOMPARE(connected.size(), 1);

        CoapRequest put = req(Method::Put, QStringLiteral("/echo/.well-known/dots/mitigate/cuid=XYZ/mid=123"),
                              cborish());
        auto r = runFor(client.request(put));
        QVERIFY(r);
        QVERIFY2(r->ok(), qPrintable(describe(r->error())));
        QCOMPARE(r->value().codeString(), QStringLiteral("2.01"));
        QCOMPARE(r->value().payload, cborish());
        QCOMPARE(r->value().contentFormat, std::optional<int>(ContentFormatDotsCbor));
        QCOMPARE(r->value().maxAge, std::optional<quint32>(30));

        // What the server saw: the path segments, the payload, and who sent it.
        QCOMPARE(echo.requests.size(), 1);
        const ServerRequest &seen = echo.requests.first();
        QCOMPARE(seen.method, Method::Put);
        QCOMPARE(seen.uriPath.last(), QStringLiteral("mid=123"));
        QCOMPARE(seen.contentFormat, std::optional<int>(ContentFormatDotsCbor));
        QCOMPARE(seen.peer.commonName, QStringLiteral("client1"));
        QCOMPARE(seen.peer.transport, dtls ? Transport::Dtls : Transport::Tls);
        QVERIFY(!seen.peer.certificateDer.isEmpty());
        QTRY_COMPARE(peers.size(), 1);

        // If-Match and a DELETE, and counters for a status bar.
        CoapRequest del = req(Method::Delete, QStringLiteral("/echo/x"));
        del.ifMatch = QByteArray("\x01\x02", 2);
        r = runFor(client.request(del));
        QVERIFY(r && r->ok());
        QCOMPARE(r->value().code, CoapCode::Deleted);
        QCOMPARE(echo.requests.last().ifMatch, QList<QByteArray>{QByteArray("\x01\x02", 2)});
        QCOMPARE(client.counters().requestsSent, 2u);
        QCOMPARE(client.counters().responsesReceived, 2u);

        // Server learns that the client went away.
        QSignalSpy gone(&echo.server(), &CoapServer::peerDisconnected);
        client.disconnectFromHost();
        QTRY_COMPARE_WITH_TIMEOUT(gone.size(), 1, 5000);
        QCOMPARE(gone.first().first().value<ServerPeer>().commonName, QStringLiteral("client1"));
    }

    void nonConfirmable()
    {
        EchoServer echo(serverPki());
        QVERIFY(echo.start(true, false));
        CoapClient client;
        client.setPki(clientPki());
        client.setConnectOptions(only(true));
        auto up = runFor(client.connectToHost(QStringLiteral("127.0.0.1"), echo.port()));
        QVERIFY(up && up->ok());

        CoapRequest get = req(Method::Get, QStringLiteral("/echo/non"));
        get.confirmable = false;
        get.timeout = 3s;
        auto r = runFor(client.request(get));
        QVERIFY(r);
        QVERIFY2(r->ok(), qPrintable(describe(r->error())));
        QCOMPARE(r->value().code, CoapCode::Content);
        QCOMPARE(r->value().payload, QByteArray("/echo/non"));
        QVERIFY(!r->value().confirmable);
        QVERIFY(!echo.requests.last().confirmable);
    }

    // A server may answer a Confirmable request with a Non-confirmable response that reuses
    // the request's message ID. libcoap 4.3.1 then stops retransmitting the request but still
    // counts it as outstanding, so with NSTART=1 the next Confirmable request would never
    // leave (it failed after its 47 s deadline). Every later one must go out at once.
    void confirmableAnsweredNonConfirmable()
    {
        EchoServer echo(serverPki());
        QVERIFY(echo.start(true, false));
        CoapClient client;
        client.setPki(clientPki());
        client.setConnectOptions(only(true));
        auto up = runFor(client.connectToHost(QStringLiteral("127.0.0.1"), echo.port()));
        QVERIFY(up && up->ok());

        for (int i = 0; i < 3; ++i) {
            CoapRequest get = req(Method::Get, QStringLiteral("/nonanswer/%1").arg(i));
            get.confirmable = true;
            get.timeout = 5s;
            QElapsedTimer clock;
            clock.start();
            auto r = runFor(client.request(get), 8s);
            QVERIFY(r);
            QVERIFY2(r->ok(), qPrintable(QStringLiteral("request %1: %2").arg(i).arg(describe(r->error()))));
            QCOMPARE(r->value().payload, QStringLiteral("/nonanswer/%1").arg(i).toUtf8());
            QVERIFY(!r->value().confirmable);
            QVERIFY2(clock.elapsed() < 2000, qPrintable(QStringLiteral("request %1 took %2 ms").arg(i).arg(clock.elapsed())));
        }
        CoapRequest echoGet = req(Method::Get, QStringLiteral("/echo/after"));
        auto after = runFor(client.request(echoGet), 8s);
        QVERIFY(after && after->ok());
        // Each request reached the server once: nothing was retransmitted behind our back.
        QCOMPARE(echo.requests.size(), 4);
    }

    void observe_data() { addTransportRows(); }
    void observe()
    {
        QFETCH(bool, dtls);
        EchoServer echo(serverPki());
        QVERIFY(echo.start(dtls, !dtls));
        CoapClient client;
        client.setPki(clientPki());
        client.setConnectOptions(only(dtls));
        auto up = runFor(client.connectToHost(QStringLiteral("127.0.0.1"), echo.port()));
        QVERIFY(up && up->ok());

        QSignalSpy notes(&client, &CoapClient::notificationReceived);
        auto first = runFor(client.observe(req(Method::Get, QStringLiteral("/obs/cuid=abc/mid=1"))));
        QVERIFY(first);
        QVERIFY2(first->ok(), qPrintable(describe(first->error())));
        QCOMPARE(first->value().payload, QByteArray("value 0 for /obs/cuid=abc/mid=1"));
        QVERIFY(first->value().observe.has_value());
        const QByteArray token = first->value().token;
        QCOMPARE(client.observations(), QList<QByteArray>{token});
        QCOMPARE(echo.server().observations().size(), 1);

        // An unrelated path does not notify; a prefix of ours does.
        echo.bump();
        QCOMPARE(echo.server().notify(QStringLiteral("/obs/cuid=other")), 0);
        QCOMPARE(echo.server().notify(QStringLiteral("/obs/cuid=abc")), 1);
        QTRY_COMPARE_WITH_TIMEOUT(notes.size(), 1, 5000);
        echo.bump();
        QCOMPARE(echo.server().notify(QStringLiteral("/obs"), true), 1); // confirmable this time
        QTRY_COMPARE_WITH_TIMEOUT(notes.size(), 2, 5000);

        auto n1 = notes.at(0).at(1).value<CoapResponse>();
        auto n2 = notes.at(1).at(1).value<CoapResponse>();
        QCOMPARE(notes.at(0).at(0).toByteArray(), token);
        QCOMPARE(n1.payload, QByteArray("value 1 for /obs/cuid=abc/mid=1"));
        QCOMPARE(n2.payload, QByteArray("value 2 for /obs/cuid=abc/mid=1"));
        QVERIFY(n1.observe && n2.observe && *n2.observe > *n1.observe && *n1.observe > *first->value().observe);
        QCOMPARE(n2.contentFormat, std::optional<int>(ContentFormatDotsCbor));

        auto cancel = runFor(client.cancelObservation(token));
        QVERIFY(cancel);
        QVERIFY2(cancel->ok(), qPrintable(describe(cancel->error())));
        QVERIFY(client.observations().isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(echo.server().observations().isEmpty(), 5000);
        QCOMPARE(echo.requests.last().observe, ObserveAction::Deregister);
        QCOMPARE(echo.server().notify(QStringLiteral("/obs")), 0);
    }

    // RFC 7641 section 3.4: a notification that arrives after a newer one (a datagram late
    // in the network, or a server that sends one again) is not applied over DTLS.
    void lateNotificationIsIgnored()
    {
        EchoServer echo(serverPki());
        QVERIFY(echo.start(true, false));
        CoapClient client;
        client.setPki(clientPki());
        client.setConnectOptions(only(true));
        auto up = runFor(client.connectToHost(QStringLiteral("127.0.0.1"), echo.port()));
        QVERIFY(up && up->ok());
        QSignalSpy notes(&client, &CoapClient::notificationReceived);
        auto first = runFor(client.observe(req(Method::Get, QStringLiteral("/obs/cuid=abc"))));
        QVERIFY(first && first->ok());

        echo.bump();
        QCOMPARE(echo.server().notify(QStringLiteral("/obs")), 1);
        QTRY_COMPARE_WITH_TIMEOUT(notes.size(), 1, 5000);
        QCOMPARE(echo.server().resendPrevious(QStringLiteral("/obs")), 0); // nothing before the first
        echo.bump();
        QCOMPARE(echo.server().notify(QStringLiteral("/obs")), 1);
        QTRY_COMPARE_WITH_TIMEOUT(notes.size(), 2, 5000);
        QCOMPARE(echo.server().resendPrevious(QStringLiteral("/obs")), 1); // "value 1" once more, late
        echo.bump();
        QCOMPARE(echo.server().notify(QStringLiteral("/obs")), 1);
        QTRY_COMPARE_WITH_TIMEOUT(notes.size(), 3, 5000);
        QTest::qWait(300);
        QStringList seen;
        for (const auto &n : std::as_const(notes))
            seen << QString::fromUtf8(n.at(1).value<CoapResponse>().payload);
        QCOMPARE(seen, (QStringList{QStringLiteral("value 1 for /obs/cuid=abc"), QStringLiteral("value 2 for /obs/cuid=abc"),
                                    QStringLiteral("value 3 for /obs/cuid=abc")}));
        // The session is untouched by it.
        auto echoed = runFor(client.request(req(Method::Get, QStringLiteral("/echo/after"))));
        QVERIFY(echoed && echoed->ok());
    }

    // A response with a token we never sent is refused (RST) and changes nothing.
    void responseWithUnknownTokenIsRefused_data() { addTransportRows(); }
    void responseWithUnknownTokenIsRefused()
    {
        QFETCH(bool, dtls);
        EchoServer echo(serverPki());
        QVERIFY(echo.start(dtls, !dtls));
        CoapClient client;
        client.setPki(clientPki());
        client.setConnectOptions(only(dtls));
        QSignalSpy connected(&echo.server(), &CoapServer::peerConnected);
        auto up = runFor(client.connectToHost(QStringLiteral("127.0.0.1"), echo.port()));
        QVERIFY(up && up->ok());
        QTRY_COMPARE_WITH_TIMEOUT(connected.size(), 1, 5000);
        QSignalSpy notes(&client, &CoapClient::notificationReceived);
        const quint64 peer = connected.first().first().value<ServerPeer>().id;
        for (int i = 0; i < 20; ++i)
            QVERIFY(echo.server().sendUnsolicited(peer, ServerResponse::cbor(CoapCode::Content, cborish())));
        auto echoed = runFor(client.request(req(Method::Put, QStringLiteral("/echo/after"), cborish())));
        QVERIFY(echoed);
        QVERIFY2(echoed->ok(), qPrintable(describe(echoed->error())));
        QCOMPARE(echoed->value().code, CoapCode::Created);
        QCOMPARE(notes.size(), 0);
        QVERIFY(client.isConnected());
    }

    // A server that tears the exchange down instead of answering: the request fails at once
    // with what happened, not after its deadline.
    void requestResetByServer_data() { addTransportRows(); }
    void requestResetByServer()
    {
        QFETCH(bool, dtls);
        EchoServer echo(serverPki());
        QVERIFY(echo.start(dtls, !dtls));
        CoapClient client;
        client.setPki(clientPki());
        client.setConnectOptions(only(dtls));
        auto up = runFor(client.connectToHost(QStringLiteral("127.0.0.1"), echo.port()));
        QVERIFY(up && up->ok());
        QElapsedTimer clock;
        clock.start();
        auto reset = runFor(client.request(req(Method::Put, QStringLiteral("/reset/now"), cborish())));
        QVERIFY(reset);
        QVERIFY(!reset->ok());
        qInfo("%s after %lld ms", qPrintable(describe(reset->error())), clock.elapsed());
        QCOMPARE(reset->error().kind, dtls ? Kind::Reset : Kind::SessionLost);
        QVERIFY2(clock.elapsed() < 3000, qPrintable(QString::number(clock.elapsed())));
        QVERIFY(!reset->error().toString().isEmpty());
        if (dtls) {
            // Non-confirmable too: the Reset is matched by message ID.
            CoapRequest non = req(Method::Put, QStringLiteral("/reset/non"), cborish());
            non.confirmable = false;
            non.timeout = 5s;
            clock.restart();
            auto nonReset = runFor(client.request(non));
            QVERIFY(nonReset && !nonReset->ok());
            qInfo("NON: %s after %lld ms", qPrintable(describe(nonReset->error())), clock.elapsed());
            QCOMPARE(nonReset->error().kind, Kind::Reset);
            QVERIFY2(clock.elapsed() < 3000, qPrintable(QString::number(clock.elapsed())));
            // A Reset ends one exchange, not the session.
            auto echoed = runFor(client.request(req(Method::Get, QStringLiteral("/echo/after"))));
            QVERIFY(echoed && echoed->ok());
        } else {
            QTRY_VERIFY_WITH_TIMEOUT(!client.isConnected(), 5000);
        }
    }

    void observeEndedByServer()
    {
        EchoServer echo(serverPki());
        QVERIFY(echo.start(true, false));
        CoapClient client;
        client.setPki(clientPki());
        client.setConnectOptions(only(true));
        QVERIFY(runFor(client.connectToHost(QStringLiteral("127.0.0.1"), echo.port()))->ok());
        auto first = runFor(client.observe(req(Method::Get, QStringLiteral("/obs/cuid=abc/mid=7"))));
        QVERIFY(first && first->ok());
        QSignalSpy ended(&client, &CoapClient::observationEnded);
        QSignalSpy notes(&client, &CoapClient::notificationReceived);
        QCOMPARE(echo.server().endObservations(QStringLiteral("/obs/cuid=abc/mid=7"),
                                               ServerResponse::withCode(CoapCode::NotFound)),
                 1);
        QTRY_COMPARE_WITH_TIMEOUT(ended.size(), 1, 5000);
        QCOMPARE(notes.size(), 1);
        QCOMPARE(notes.first().at(1).value<CoapResponse>().code, CoapCode::NotFound);
        QCOMPARE(ended.first().at(1).value<CoapRequest>().path(), QStringLiteral("/obs/cuid=abc/mid=7"));
        QVERIFY(client.observations().isEmpty());
        QVERIFY(echo.server().observations().isEmpty());
    }

    void observationsEndWithSession()
    {
        auto echo = std::make_unique<EchoServer>(serverPki());
        QVERIFY(echo->start(false, true));
        const quint16 port = echo->port();
        CoapClient client;
        client.setPki(clientPki());
        client.setConnectOptions(only(false));
        QVERIFY(runFor(client.connectToHost(QStringLiteral("127.0.0.1"), port))->ok());
        QVERIFY(runFor(client.observe(req(Method::Get, QStringLiteral("/obs/cuid=abc"))))->ok());
        QSignalSpy ended(&client, &CoapClient::observationEnded);
        QSignalSpy lost(&client, &CoapClient::disconnected);
        echo.reset();
        QTRY_COMPARE_WITH_TIMEOUT(lost.size(), 1, 5000);
        QCOMPARE(ended.size(), 1);
        const CoapRequest again = ended.first().at(1).value<CoapRequest>();
        QCOMPARE(again.path(), QStringLiteral("/obs/cuid=abc"));
        QCOMPARE(ended.first().at(2).value<TransportError>().kind, Kind::SessionLost);

        // The server is back: connect again and register the same observation.
        echo = std::make_unique<EchoServer>(serverPki());
        QVERIFY(echo->start(false, true, port));
        QSignalSpy connected(&client, &CoapClient::connected);
        QVERIFY(runFor(client.connectToHost(QStringLiteral("127.0.0.1"), port))->ok());
        QCOMPARE(connected.size(), 1);
        auto r = runFor(client.observe(again));
        QVERIFY(r && r->ok());
        QCOMPARE(echo->server().observations().size(), 1);
    }

    void largeNotification()
    {
        EchoServer echo(serverPki());
        QVERIFY(echo.start(true, false));
        CoapClient client;
        client.setPki(clientPki());
        client.setConnectOptions(only(true));
        QVERIFY(runFor(client.connectToHost(QStringLiteral("127.0.0.1"), echo.port()))->ok());
        QSignalSpy notes(&client, &CoapClient::notificationReceived);
        auto first = runFor(client.observe(req(Method::Get, QStringLiteral("/bigobs/cuid=abc"))));
        QVERIFY(first);
        QVERIFY2(first->ok(), qPrintable(describe(first->error())));
        QCOMPARE(first->value().payload.size(), EchoServer::BigSize);
        echo.bump();
        QCOMPARE(echo.server().notify(QStringLiteral("/bigobs")), 1);
        QTRY_COMPARE_WITH_TIMEOUT(notes.size(), 1, 5000);
        const auto n = notes.first().at(1).value<CoapResponse>();
        QCOMPARE(n.payload.size(), EchoServer::BigSize);
        QVERIFY(n.payload.startsWith("00000001"));
    }

    void block2LargeResponse_data() { addTransportRows(); }
    void block2LargeResponse()
    {
        QFETCH(bool, dtls);
        EchoServer echo(serverPki());
        QVERIFY(echo.start(dtls, !dtls));
        CoapClient client;
        client.setPki(clientPki());
        client.setConnectOptions(only(dtls));
        QVERIFY(runFor(client.connectToHost(QStringLiteral("127.0.0.1"), echo.port()))->ok());

        auto r = runFor(client.request(req(Method::Get, QStringLiteral("/big"))));
        QVERIFY(r);
        QVERIFY2(r->ok(), qPrintable(describe(r->error())));
        QCOMPARE(r->value().code, CoapCode::Content);
        QCOMPARE(r->value().payload.size(), EchoServer::BigSize);
        QCOMPARE(r->value().payload, EchoServer::bigBody());

        // And a large request body the other way (Block1).
        const QByteArray big = EchoServer::bigBody();
        r = runFor(client.request(req(Method::Post, QStringLiteral("/echo/big"), big)));
        QVERIFY(r);
        QVERIFY2(r->ok(), qPrintable(describe(r->error())));
        QCOMPARE(echo.requests.last().payload, big);
        QCOMPARE(r->value().payload, big);
    }

    void wrongCaRejected_data()
    {
        QTest::addColumn<bool>("dtls");
        QTest::addColumn<bool>("rogueServer"); // else: the client trusts the wrong CA
        QTest::newRow("DTLS, client trusts another CA") << true << false;
        QTest::newRow("TLS, client trusts another CA") << false << false;
        QTest::newRow("DTLS, server from another CA") << true << true;
        QTest::newRow("TLS, server from another CA") << false << true;
    }
    void wrongCaRejected()
    {
        QFETCH(bool, dtls);
        QFETCH(bool, rogueServer);
        // A rogue server must still trust our client, so the client's check is what fails.
        EchoServer echo(rogueServer ? serverPki(m_pki->rogueServer(), m_pki->caCertificate()) : serverPki());
        QVERIFY(echo.start(dtls, !dtls));
        CoapClient client;
        client.setPki(clientPki(m_pki->client1(),
                                rogueServer ? m_pki->caCertificate() : m_pki->rogueCaCertificate()));
        client.setConnectOptions(only(dtls));
        const TransportError e = connectFails(client, echo.port());
        QCOMPARE(TransportError::kindName(e.kind), TransportError::kindName(Kind::UntrustedServerCertificate));
        QCOMPARE(e.message, QStringLiteral("server certificate is not signed by a trusted CA"));
        QVERIFY(!client.isConnected());
        QVERIFY(echo.requests.isEmpty());
    }

    void wrongServerNameRejected_data()
    {
        QTest::addColumn<bool>("dtls");
        QTest::addColumn<QString>("peerName");
        QTest::newRow("DTLS, IP") << true << QString();
        QTest::newRow("TLS, IP") << false << QString();
        QTest::newRow("DTLS, DNS name") << true << QStringLiteral("dots-server.test");
    }
    void wrongServerNameRejected()
    {
        QFETCH(bool, dtls);
        QFETCH(QString, peerName);
        // Same trusted CA, but the certificate is for other.example only.
        EchoServer echo(serverPki(m_pki->otherServer(), m_pki->caCertificate()));
        QVERIFY(echo.start(dtls, !dtls));
        CoapClient client;
        client.setPki(clientPki(m_pki->client1(), m_pki->caCertificate(), peerName));
        client.setConnectOptions(only(dtls));
        const TransportError e = connectFails(client, echo.port());
        QCOMPARE(TransportError::kindName(e.kind), TransportError::kindName(Kind::ServerNameMismatch));
        const QString expectedName = peerName.isEmpty() ? QStringLiteral("127.0.0.1") : peerName;
        QCOMPARE(e.message, QStringLiteral("server certificate is for other.example, not %1").arg(expectedName));
        QVERIFY(echo.requests.isEmpty());
    }

    void rightServerNameAccepted()
    {
        // The good server certificate covers the DNS name too (checked against the SANs).
        EchoServer echo(serverPki());
        QVERIFY(echo.start(true, false));
        CoapClient client;
        client.setPki(clientPki(m_pki->client1(), m_pki->caCertificate(), QStringLiteral("dots-server.test")));
        client.setConnectOptions(only(true));
        auto up = runFor(client.connectToHost(QStringLiteral("127.0.0.1"), echo.port()));
        QVERIFY(up);
        QVERIFY2(up->ok(), qPrintable(describe(up->error())));
        QCOMPARE(up->value().peerName, QStringLiteral("dots-server.test"));
    }

    void unknownClientRejected_data() { addTransportRows(); }
    void unknownClientRejected()
    {
        QFETCH(bool, dtls);
        EchoServer echo(serverPki());
        QVERIFY(echo.start(dtls, !dtls));
        QSignalSpy refused(&echo.server(), &CoapServer::handshakeFailed);
        QSignalSpy peers(&echo.server(), &CoapServer::peerConnected);
        CoapClient client;
        client.setPki(clientPki(m_pki->rogueClient(), m_pki->caCertificate()));
        client.setConnectOptions(only(dtls));
        const TransportError e = connectFails(client, echo.port());
        QCOMPARE(TransportError::kindName(e.kind), TransportError::kindName(Kind::ClientCertificateRejected));
        QCOMPARE(e.message, QStringLiteral("server rejected our client certificate"));
        QVERIFY(echo.requests.isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(refused.size() >= 1, 5000);
        QCOMPARE(peers.size(), 0);
    }

    void twoClientsToldApart()
    {
        EchoServer echo(serverPki());
        QVERIFY(echo.start(true, false));
        CoapClient a, b;
        a.setPki(clientPki(m_pki->client1(), m_pki->caCertificate()));
        b.setPki(clientPki(m_pki->client2(), m_pki->caCertificate()));
        a.setConnectOptions(only(true));
        b.setConnectOptions(only(true));
        QVERIFY(runFor(a.connectToHost(QStringLiteral("127.0.0.1"), echo.port()))->ok());
        QVERIFY(runFor(b.connectToHost(QStringLiteral("127.0.0.1"), echo.port()))->ok());
        QVERIFY(runFor(a.request(req(Method::Get, QStringLiteral("/echo/a"))))->ok());
        QVERIFY(runFor(b.request(req(Method::Get, QStringLiteral("/echo/b"))))->ok());
        QCOMPARE(echo.requests.size(), 2);
        QCOMPARE(echo.requests[0].peer.commonName, QStringLiteral("client1"));
        QCOMPARE(echo.requests[1].peer.commonName, QStringLiteral("client2"));
        QVERIFY(echo.requests[0].peer.id != echo.requests[1].peer.id);
        QCOMPARE(echo.requests[1].peer.certificate().subjectInfo(QSslCertificate::CommonName),
                 QStringList{QStringLiteral("client2")});
        QCOMPARE(echo.server().peers().size(), 2);
    }

    // RFC 9132 section 4.7: the server's heartbeat is a request to the client on the
    // same session, answered by the handler the client registered for the path.
    void serverRequestsClient_data() { addTransportRows(); }
    void serverRequestsClient()
    {
        QFETCH(bool, dtls);
        EchoServer echo(serverPki());
        QVERIFY(echo.start(dtls, !dtls));
        QSignalSpy peers(&echo.server(), &CoapServer::peerConnected);
        QSignalSpy gone(&echo.server(), &CoapServer::peerDisconnected);
        CoapClient client;
        client.setPki(clientPki());
        client.setConnectOptions(only(dtls));
        QList<ServerRequest> seen;
        client.setRequestHandler(QStringLiteral("/.well-known/dots/hb"), [&seen](const ServerRequest &r) {
            seen << r;
            return ServerResponse::cbor(CoapCode::Changed, r.payload + QByteArray("!"));
        });
        auto up = runFor(client.connectToHost(QStringLiteral("127.0.0.1"), echo.port()));
        QVERIFY(up && up->ok());
        QTRY_COMPARE_WITH_TIMEOUT(peers.size(), 1, 5000);
        const quint64 peerId = peers.first().first().value<ServerPeer>().id;

        CoapRequest hb = req(Method::Put, QStringLiteral("/.well-known/dots/hb"), cborish());
        hb.confirmable = false;
        hb.timeout = 3s;
        auto r = runFor(echo.server().request(peerId, hb));
        QVERIFY(r);
        QVERIFY2(r->ok(), qPrintable(describe(r->error())));
        QCOMPARE(r->value().codeString(), QStringLiteral("2.04"));
        QCOMPARE(r->value().payload, cborish() + QByteArray("!"));
        QCOMPARE(r->value().contentFormat, std::optional<int>(ContentFormatDotsCbor));
        QCOMPARE(seen.size(), 1);
        QCOMPARE(seen.first().method, Method::Put);
        QCOMPARE(seen.first().path(), QStringLiteral("/.well-known/dots/hb"));
        QCOMPARE(seen.first().payload, cborish());
        QCOMPARE(seen.first().contentFormat, std::optional<int>(ContentFormatDotsCbor));
        if (dtls) // CoAP over TLS has no message types
            QVERIFY(!seen.first().confirmable);

        // Confirmable works too.
        hb.confirmable = true;
        r = runFor(echo.server().request(peerId, hb));
        QVERIFY(r && r->ok());
        QCOMPARE(r->value().code, CoapCode::Changed);
        QVERIFY(seen.last().confirmable);

        // A path the client has no handler for: libcoap's 4.04, as before.
        CoapRequest other = req(Method::Put, QStringLiteral("/.well-known/dots/other"), cborish());
        other.confirmable = false;
        other.timeout = 3s;
        r = runFor(echo.server().request(peerId, other));
        QVERIFY(r);
        QVERIFY2(r->ok(), qPrintable(describe(r->error())));
        QCOMPARE(r->value().code, CoapCode::NotFound);
        QCOMPARE(seen.size(), 2);

        // The handler belongs to the client, not the session: it answers after a reconnect.
        client.disconnectFromHost();
        QTRY_COMPARE_WITH_TIMEOUT(gone.size(), 1, 5000);
        up = runFor(client.connectToHost(QStringLiteral("127.0.0.1"), echo.port()));
        QVERIFY(up && up->ok());
        QTRY_COMPARE_WITH_TIMEOUT(peers.size(), 2, 5000);
        const quint64 secondId = peers.last().first().value<ServerPeer>().id;
        QVERIFY(secondId != peerId);
        hb.confirmable = false;
        r = runFor(echo.server().request(secondId, hb));
        QVERIFY(r && r->ok());
        QCOMPARE(r->value().code, CoapCode::Changed);
        QCOMPARE(seen.size(), 3);
    }

    void serverRequestToVanishedClient_data() { addTransportRows(); }
    void serverRequestToVanishedClient()
    {
        QFETCH(bool, dtls);
        EchoServer echo(serverPki());
        QVERIFY(echo.start(dtls, !dtls));
        QSignalSpy peers(&echo.server(), &CoapServer::peerConnected);
        QSignalSpy gone(&echo.server(), &CoapServer::peerDisconnected);
        CoapClient client;
        client.setPki(clientPki());
        client.setConnectOptions(only(dtls));
        client.setRequestHandler(QStringLiteral("/hb"), [](const ServerRequest &) {
            return ServerResponse::withCode(CoapCode::Changed);
        });
        QVERIFY(runFor(client.connectToHost(QStringLiteral("127.0.0.1"), echo.port()))->ok());
        QTRY_COMPARE_WITH_TIMEOUT(peers.size(), 1, 5000);
        const quint64 peerId = peers.first().first().value<ServerPeer>().id;

        // The client leaves while the request is on its way: the session's end ends the
        // wait, long before the deadline.
        CoapRequest hb = req(Method::Put, QStringLiteral("/hb"), cborish());
        hb.confirmable = false;
        hb.timeout = 15s;
        QElapsedTimer clock;
        clock.start();
        auto pending = echo.server().request(peerId, hb);
        client.disconnectFromHost();
        auto r = runFor(std::move(pending), 20s);
        QVERIFY2(r, "request hung");
        QVERIFY(!r->ok());
        QCOMPARE(r->error().kind, Kind::SessionLost);
        QVERIFY2(clock.elapsed() < 5000, qPrintable(QString::number(clock.elapsed())));
        QTRY_COMPARE_WITH_TIMEOUT(gone.size(), 1, 5000);

        // And once it is gone, at once.
        clock.restart();
        r = runFor(echo.server().request(peerId, hb), 5s);
        QVERIFY2(r, "request hung");
        QCOMPARE(r->error().kind, Kind::NotConnected);
        QVERIFY(clock.elapsed() < 1000);
        r = runFor(echo.server().request(9999, hb), 5s);
        QVERIFY(r && !r->ok());
        QCOMPARE(r->error().kind, Kind::NotConnected);
    }

    void serverGoesAway_data()
    {
        QTest::addColumn<bool>("dtls");
        QTest::addColumn<bool>("acknowledged"); // server took the request (empty ACK) first
        QTest::newRow("DTLS, closed before the request") << true << false;
        QTest::newRow("DTLS, acknowledged then gone") << true << true;
        QTest::newRow("TLS, closed before the request") << false << false;
        QTest::newRow("TLS, acknowledged then gone") << false << true;
    }
    void serverGoesAway()
    {
        QFETCH(bool, dtls);
        QFETCH(bool, acknowledged);
        auto echo = std::make_unique<EchoServer>(serverPki());
        QVERIFY(echo->start(dtls, !dtls));
        CoapClient client;
        client.setPki(clientPki());
        client.setConnectOptions(only(dtls));
        QVERIFY(runFor(client.connectToHost(QStringLiteral("127.0.0.1"), echo->port()))->ok());
        QSignalSpy lost(&client, &CoapClient::disconnected);
        client.setDefaultTimeout(15s);
        if (acknowledged)
            QTimer::singleShot(300ms, [&echo] { echo.reset(); });
        else
            echo.reset();

        CoapRequest r = req(Method::Get, acknowledged ? QStringLiteral("/hang") : QStringLiteral("/echo/x"));
        if (acknowledged)
            r.timeout = 4s; // after an empty ACK only our deadline (or session loss) ends the wait
        QElapsedTimer clock;
        clock.start();
        auto result = runFor(client.request(r), 25s);
        QVERIFY2(result, "request hung");
        QVERIFY(!result->ok());
        const Kind kind = result->error().kind;
        // A server that shuts down says goodbye (close_notify, FIN): the session is lost.
        QVERIFY2(kind == Kind::SessionLost || kind == Kind::NotConnected || (acknowledged && kind == Kind::Timeout),
                 qPrintable(describe(result->error())));
        QVERIFY(clock.elapsed() < 6000);
        QTRY_COMPARE_WITH_TIMEOUT(lost.size(), 1, 5000);
        QVERIFY(!client.isConnected());
    }

    void serverFallsSilent()
    {
        // The server stops answering without a word (crash, network cut): only
        // libcoap's retransmission timer can end the request. The Qt timer that
        // mirrors libcoap's next timeout is off, so the epoll timerfd alone drives it.
        EchoServer echo(serverPki());
        QVERIFY(echo.start(true, false));
        dots::test::LossyUdpRelay relay(echo.port());
        CoapClient client;
        client.setPki(clientPki());
        client.setConnectOptions(only(true));
        QVERIFY(runFor(client.connectToHost(QStringLiteral("127.0.0.1"), relay.port()))->ok());
        QVERIFY(runFor(client.request(req(Method::Get, QStringLiteral("/echo/before"))))->ok());
        RetransmissionParams fast;
        fast.maxRetransmit = 2;
        fast.ackTimeout = 1000ms;
        fast.ackRandomFactor = 1.0;
        client.setRetransmission(fast);
        client.setDefaultTimeout(30s);
        client.context()->setTimeoutMirrorEnabled(false);
        relay.setLoss(1.0);

        QElapsedTimer clock;
        clock.start();
        auto result = runFor(client.request(req(Method::Get, QStringLiteral("/echo/x"))), 25s);
        QVERIFY2(result, "request hung");
        QVERIFY(!result->ok());
        QCOMPARE(result->error().kind, Kind::Timeout);
        QVERIFY2(result->error().detail.contains(QStringLiteral("2 retransmissions")),
                 qPrintable(result->error().detail));
        // 1 s + 2 s + 4 s, then libcoap gives up: well before the 30 s deadline.
        QVERIFY2(clock.elapsed() >= 6000 && clock.elapsed() < 12000, qPrintable(QString::number(clock.elapsed())));
        QCOMPARE(relay.droppedTotal(), quint64(3));
        QCOMPARE(client.counters().requestsFailed, 1u);
    }

    void lostSessionFallsSilent()
    {
        // A CON in flight when ICMP says the server's port is closed: libcoap 4.3.1 keeps it
        // queued for retransmission on the dead session, and its next retransmission would
        // start a new DTLS handshake on a session nobody owns (and free it under its own feet).
        // Once the session is lost, nothing more of it may reach the wire.
        EchoServer echo(serverPki());
        QVERIFY(echo.start(true, false));
        auto relay = std::make_unique<dots::test::LossyUdpRelay>(echo.port());
        const quint16 port = relay->port();
        CoapClient client;
        client.setPki(clientPki());
        client.setConnectOptions(only(true));
        QVERIFY(runFor(client.connectToHost(QStringLiteral("127.0.0.1"), port))->ok());
        RetransmissionParams fast;
        fast.maxRetransmit = 4;
        fast.ackTimeout = 1000ms;
        fast.ackRandomFactor = 1.0;
        client.setRetransmission(fast);
        client.setDefaultTimeout(30s);
        QSignalSpy lost(&client, &CoapClient::disconnected);
        relay->setLoss(1.0);
        auto pending = client.request(req(Method::Get, QStringLiteral("/echo/x")));
        QTimer::singleShot(300ms, [&relay] { relay.reset(); }); // the retransmission at 1 s meets ICMP
        auto result = runFor(std::move(pending), 20s);
        QVERIFY2(result, "request hung");
        QVERIFY(!result->ok());
        QTRY_COMPARE_WITH_TIMEOUT(lost.size(), 1, 5000);

        // Listen where the server was; the next retransmission would come 2 s after the first.
        QUdpSocket listener;
        QVERIFY(listener.bind(QHostAddress::LocalHost, port));
        QTest::qWait(5000);
        QVERIFY2(!listener.hasPendingDatagrams(),
                 qPrintable(QStringLiteral("%1 bytes sent on the lost session").arg(listener.pendingDatagramSize())));
    }

    void connectionRefused_data() { addTransportRows(); }
    void connectionRefused()
    {
        QFETCH(bool, dtls);
        // A port nothing listens on (bound, read, released).
        QUdpSocket probe;
        QVERIFY(probe.bind(QHostAddress::LocalHost, 0));
        const quint16 port = probe.localPort();
        probe.close();
        CoapClient client;
        client.setPki(clientPki());
        ConnectOptions o = only(dtls);
        o.handshakeTimeout = 3s;
        client.setConnectOptions(o);
        QElapsedTimer clock;
        clock.start();
        const TransportError e = connectFails(client, port);
        QVERIFY2(e.kind == Kind::ConnectionRefused || (dtls && e.kind == Kind::HandshakeTimeout),
                 qPrintable(describe(e)));
        if (!dtls)
            QCOMPARE(e.message, QStringLiteral("connection refused"));
        QVERIFY(clock.elapsed() < 6000);
    }

    void happyEyeballsLocalhost()
    {
        EchoServer echo(serverPki());
        QVERIFY(echo.start(true, true, 0, true));
        CoapClient client;
        client.setPki(clientPki(m_pki->client1(), m_pki->caCertificate()));
        auto up = runFor(client.connectToHost(QStringLiteral("localhost"), echo.port()));
        QVERIFY(up);
        QVERIFY2(up->ok(), qPrintable(describe(up->error())));
        QCOMPARE(up->value().transport, Transport::Dtls); // preferred, and it works
        QVERIFY(up->value().address.isLoopback());
        QCOMPARE(up->value().host, QStringLiteral("localhost"));
        QCOMPARE(up->value().peerName, QStringLiteral("localhost"));
        QVERIFY(runFor(client.request(req(Method::Get, QStringLiteral("/echo/he"))))->ok());
    }

    void happyEyeballsFallsBackToTls()
    {
        EchoServer echo(serverPki());
        QVERIFY(echo.start(false, true, 0, true)); // nothing on UDP
        CoapClient client;
        client.setPki(clientPki());
        QSignalSpy failures(&client, &CoapClient::attemptFailed);
        QElapsedTimer clock;
        clock.start();
        auto up = runFor(client.connectToHost(QStringLiteral("localhost"), echo.port()));
        QVERIFY(up);
        QVERIFY2(up->ok(), qPrintable(describe(up->error())));
        QCOMPARE(up->value().transport, Transport::Tls);
        QVERIFY(up->value().address.isLoopback());
        // The staggered TLS attempt wins without waiting for the DTLS handshake timeout.
        QVERIFY2(clock.elapsed() < 5000, qPrintable(QString::number(clock.elapsed())));
        QVERIFY(runFor(client.request(req(Method::Get, QStringLiteral("/echo/tcp"))))->ok());
    }

    void resolveFailure()
    {
        CoapClient client;
        client.setPki(clientPki());
        auto up = runFor(client.connectToHost(QStringLiteral("no-such-host.invalid"), 4646));
        QVERIFY(up);
        QVERIFY(!up->ok());
        QCOMPARE(up->error().kind, Kind::ResolveFailed);
    }

    void notConnected()
    {
        CoapClient client;
        auto r = runFor(client.request(req(Method::Get, QStringLiteral("/echo"))));
        QVERIFY(r && !r->ok());
        QCOMPARE(r->error().kind, Kind::NotConnected);
    }

    void badConfiguration()
    {
        CoapClient client;
        client.setPki({QStringLiteral("/nonexistent.crt"), m_pki->client1().privateKey, m_pki->caCertificate(), {}});
        client.setConnectOptions(only(true));
        const TransportError e = connectFails(client, 9);
        QCOMPARE(e.kind, Kind::InvalidConfiguration);
        QVERIFY(e.message.contains(QStringLiteral("/nonexistent.crt")));
    }

    void retransmissionParameters()
    {
        EchoServer echo(serverPki());
        QVERIFY(echo.start(true, false));
        CoapClient client;
        client.setPki(clientPki());
        client.setConnectOptions(only(true));
        QVERIFY(runFor(client.connectToHost(QStringLiteral("127.0.0.1"), echo.port()))->ok());
        QCOMPARE(client.retransmission().maxRetransmit, 4); // libcoap's default
        QCOMPARE(client.retransmission().ackTimeout, 2000ms);
        RetransmissionParams p;
        p.maxRetransmit = 5;
        p.ackTimeout = 500ms; // below libcoap's floor
        p.ackRandomFactor = 1.25;
        client.setRetransmission(p);
        QCOMPARE(client.retransmission().maxRetransmit, 5);
        QCOMPARE(client.retransmission().ackTimeout, 1000ms);
        QCOMPARE(client.retransmission().ackRandomFactor, 1.25);
        QVERIFY(runFor(client.request(req(Method::Get, QStringLiteral("/echo/p"))))->ok());
    }

    void happyEyeballsPlan()
    {
        const QHostAddress v4a(QStringLiteral("192.0.2.1")), v4b(QStringLiteral("192.0.2.2"));
        const QHostAddress v6(QStringLiteral("2001:db8::1"));
        const auto plan = HappyEyeballs::plan({v4a, v4b, v6}, TransportPreference::PreferDtls);
        QCOMPARE(plan.size(), 6);
        QCOMPARE(plan[0].address, v6);
        QCOMPARE(plan[0].transport, Transport::Dtls);
        QCOMPARE(plan[1].address, v4a);
        QCOMPARE(plan[2].address, v4b);
        QCOMPARE(plan[3].address, v6);
        QCOMPARE(plan[3].transport, Transport::Tls);
        QCOMPARE(HappyEyeballs::plan({v4a}, TransportPreference::TlsOnly).size(), 1);
        const auto best = HappyEyeballs::mostTelling({TransportError::make(Kind::ConnectionRefused),
                                                      TransportError::make(Kind::ServerNameMismatch),
                                                      TransportError::make(Kind::HandshakeTimeout)});
        QCOMPARE(best.kind, Kind::ServerNameMismatch);
    }

    void qBlockFlagMatchesBuild()
    {
#ifdef COAP_BLOCK_TRY_Q_BLOCK
        QVERIFY(CoapFeatures::qBlockSupported());
#else
        QVERIFY(!CoapFeatures::qBlockSupported());
#endif
        QCOMPARE(QString::fromLatin1(CoapFeatures::libcoapVersion()), QStringLiteral(LIBCOAP_PACKAGE_VERSION));
    }
};

QTEST_GUILESS_MAIN(TransportTest)
#include "tst_transport.moc"

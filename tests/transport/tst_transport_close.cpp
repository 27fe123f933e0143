// SPDX-License-Identifier: GPL-3.0-or-later
// Closing or destroying a session (or server) with requests in flight, over real DTLS
// and TLS on 127.0.0.1: every waiter ends at once with "the session was closed", and
// no coroutine resumed after the close sees a response (PendingRequest.h states the rule).

#include "EchoServer.h"
#include "TestPki.h"

#include "transport/ClientSession.h"
#include "transport/CoapClient.h"
#include "transport/CoapContext.h"
#include "transport/CoapServer.h"

#include <QCoro/QCoroTask>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QPointer>
#include <QSignalSpy>
#include <QTest>

#include <memory>
#include <optional>

using namespace dots::transport;
using namespace std::chrono_literals;

namespace dots::transport {
char *toString(TransportError::Kind k) { return qstrdup(qPrintable(TransportError::kindName(k))); }
} // namespace dots::transport

using dots::test::EchoServer;
using dots::test::TestPki;
using Kind = TransportError::Kind;

namespace {

CoapRequest req(Method method, const QString &path)
{
    CoapRequest r;
    r.method = method;
    r.uriPath = CoapRequest::splitPath(path);
    return r;
}

// What one waiting coroutine saw, kept outside every object the test destroys.
struct Outcome
{
    std::optional<Result<CoapResponse>> result;
    bool resumedAfterClose = false;
};

struct Watch
{
    bool closed = false; // set right after the close or destruction
    QList<std::shared_ptr<Outcome>> outcomes;

    int finished() const
    {
        return int(std::count_if(outcomes.cbegin(), outcomes.cend(),
                                 [](const auto &o) { return o->result.has_value(); }));
    }
};

QCoro::Task<> awaitInto(QCoro::Task<Result<CoapResponse>> task, std::shared_ptr<Outcome> out,
                        std::shared_ptr<Watch> watch)
{
    auto result = co_await task;
    out->resumedAfterClose = watch->closed;
    out->result.emplace(std::move(result));
}

// Stands for the signal channel: owns its client and awaits exchanges in its own
// coroutines, touching itself only when an answer came (as SignalChannel's request
// methods do). After the owner is destroyed, only errors may reach those coroutines.
class Owner : public QObject
{
public:
    CoapClient client;
    int answers = 0;

    QCoro::Task<> exchange(CoapRequest request, std::shared_ptr<Outcome> out, std::shared_ptr<Watch> watch)
    {
        auto sent = client.request(std::move(request));
        auto result = co_await sent;
        out->resumedAfterClose = watch->closed;
        const bool answered = result.ok();
        out->result.emplace(std::move(result));
        if (!answered)
            co_return; // nothing of the owner on this path
        ++answers;
    }
};

} // namespace

class TransportCloseTest : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestPki> m_pki;

    PkiConfig serverPki() const
    {
        return {m_pki->server().certificate, m_pki->server().privateKey, m_pki->caCertificate(), {}};
    }
    PkiConfig clientPki() const
    {
        return {m_pki->client1().certificate, m_pki->client1().privateKey, m_pki->caCertificate(), {}};
    }
    static ConnectOptions only(bool dtls)
    {
        ConnectOptions o;
        o.preference = dtls ? TransportPreference::DtlsOnly : TransportPreference::TlsOnly;
        o.handshakeTimeout = 8s;
        return o;
    }

    static void checkAllClosed(const Watch &watch)
    {
        for (const auto &o : watch.outcomes) {
            QVERIFY(o->result);
            QVERIFY2(!o->result->ok(), "a response reached a waiter after the close");
            QCOMPARE(o->result->error().kind, Kind::Cancelled);
            QCOMPARE(o->result->error().toString(), QStringLiteral("request cancelled (the session was closed)"));
        }
    }

private slots:
    void initTestCase()
    {
        m_pki = std::make_unique<TestPki>();
        QVERIFY2(m_pki->isValid(), qPrintable(m_pki->errorString()));
    }

    void endsWaitingRequestsAtOnce_data()
    {
        QTest::addColumn<bool>("dtls");
        QTest::addColumn<bool>("destroy"); // destroy the owner, or only disconnect
        QTest::newRow("DTLS, owner destroyed") << true << true;
        QTest::newRow("DTLS, disconnected") << true << false;
        QTest::newRow("TLS, owner destroyed") << false << true;
        QTest::newRow("TLS, disconnected") << false << false;
    }
    void endsWaitingRequestsAtOnce()
    {
        QFETCH(bool, dtls);
        QFETCH(bool, destroy);
        EchoServer echo(serverPki());
        QVERIFY(echo.start(dtls, !dtls));
        auto *owner = new Owner;
        QPointer<Owner> guard(owner);
        owner->client.setPki(clientPki());
        owner->client.setConnectOptions(only(dtls));
        QSignalSpy connected(&owner->client, &CoapClient::connected);
        owner->client.connectToHost(QStringLiteral("127.0.0.1"), echo.port());
        QTRY_COMPARE_WITH_TIMEOUT(connected.size(), 1, 10000);

        auto watch = std::make_shared<Watch>();
        auto start = [&](const CoapRequest &r) {
            auto out = std::make_shared<Outcome>();
            watch->outcomes << out;
            owner->exchange(r, out, watch);
        };
        // Acknowledged and never answered: only the 30 s deadline would end these.
        for (int i = 0; i < 3; ++i)
            start(req(Method::Get, QStringLiteral("/hang")));
        QTRY_COMPARE_WITH_TIMEOUT(echo.requests.size(), 3, 5000);
        QTest::qWait(100); // the empty ACKs are in
        // Sent, and answered while the close is under way.
        for (int i = 0; i < 3; ++i)
            start(req(Method::Get, QStringLiteral("/echo/%1").arg(i)));
        CoapRequest non = req(Method::Get, QStringLiteral("/echo/non"));
        non.confirmable = false;
        start(non);
        QCOMPARE(watch->finished(), 0);

        QElapsedTimer clock;
        clock.start();
        if (destroy)
            delete owner;
        else
            owner->client.disconnectFromHost();
        watch->closed = true;
        QTRY_COMPARE_WITH_TIMEOUT(watch->finished(), int(watch->outcomes.size()), 1000);
        QVERIFY2(clock.elapsed() < 1000, qPrintable(QString::number(clock.elapsed())));
        checkAllClosed(*watch);
        for (const auto &o : watch->outcomes)
            QVERIFY(o->resumedAfterClose); // from the event loop, not from inside the close
        if (!destroy) {
            QCOMPARE(owner->answers, 0);
            // The client stays usable: a new session answers again.
            QSignalSpy again(&owner->client, &CoapClient::connected);
            owner->client.connectToHost(QStringLiteral("127.0.0.1"), echo.port());
            QTRY_COMPARE_WITH_TIMEOUT(again.size(), 1, 10000);
            auto out = std::make_shared<Outcome>();
            owner->exchange(req(Method::Get, QStringLiteral("/echo/after")), out, watch);
            QTRY_VERIFY_WITH_TIMEOUT(out->result.has_value(), 5000);
            QVERIFY(out->result->ok());
            QCOMPARE(owner->answers, 1);
            delete owner;
        }
        QVERIFY(!guard);
        QTest::qWait(50); // nothing left to resume
    }

    // A response already taken from the wire, its waiter's resumption queued, when the
    // session closes: the waiter gets the close, not the response.
    void withdrawsAnswersNotYetDelivered_data()
    {
        QTest::addColumn<bool>("dtls");
        QTest::newRow("DTLS") << true;
        QTest::newRow("TLS") << false;
    }
    void withdrawsAnswersNotYetDelivered()
    {
        QFETCH(bool, dtls);
        EchoServer echo(serverPki());
        QVERIFY(echo.start(dtls, !dtls));
        CoapContext context;
        ClientSession session(&context, QHostAddress::LocalHost, echo.port(),
                              dtls ? Transport::Dtls : Transport::Tls, clientPki());
        QSignalSpy established(&session, &ClientSession::established);
        session.start(8s);
        QTRY_COMPARE_WITH_TIMEOUT(established.size(), 1, 10000);

        auto watch = std::make_shared<Watch>();
        auto answered = std::make_shared<Outcome>();
        awaitInto(session.request(req(Method::Get, QStringLiteral("/echo/first"))), answered, watch);
        QTRY_VERIFY_WITH_TIMEOUT(answered->result.has_value(), 5000);
        QVERIFY(answered->result->ok()); // delivered before the close: kept

        auto out = std::make_shared<Outcome>();
        watch->outcomes << out;
        int finishedSeen = 0;
        connect(&session, &ClientSession::requestFinished, this,
                [&](const QByteArray &, std::chrono::microseconds, bool wasAnswered) {
                    ++finishedSeen;
                    QVERIFY(wasAnswered); // the response is in
                    QVERIFY(!out->result); // its waiter has not resumed yet
                    session.close();
                    watch->closed = true;
                });
        awaitInto(session.request(req(Method::Get, QStringLiteral("/echo/second"))), out, watch);
        QTRY_VERIFY_WITH_TIMEOUT(out->result.has_value(), 5000);
        QCOMPARE(finishedSeen, 1);
        QCOMPARE(session.state(), ClientSession::State::Closed);
        checkAllClosed(*watch);
        QVERIFY(answered->result->ok());
    }

    // A request that has already failed (here: no answer within its deadline), its waiter's
    // resumption queued, when the session closes: the waiter gets that failure, which says
    // more than the close (the close withdraws answers one would act on, not failures).
    void keepsFailuresNotYetDelivered_data()
    {
        QTest::addColumn<bool>("dtls");
        QTest::newRow("DTLS") << true;
        QTest::newRow("TLS") << false;
    }
    void keepsFailuresNotYetDelivered()
    {
        QFETCH(bool, dtls);
        EchoServer echo(serverPki());
        QVERIFY(echo.start(dtls, !dtls));
        CoapContext context;
        ClientSession session(&context, QHostAddress::LocalHost, echo.port(),
                              dtls ? Transport::Dtls : Transport::Tls, clientPki());
        QSignalSpy established(&session, &ClientSession::established);
        session.start(8s);
        QTRY_COMPARE_WITH_TIMEOUT(established.size(), 1, 10000);

        auto out = std::make_shared<Outcome>();
        int finishedSeen = 0;
        connect(&session, &ClientSession::requestFinished, this,
                [&](const QByteArray &, std::chrono::microseconds, bool wasAnswered) {
                    ++finishedSeen;
                    QVERIFY(!wasAnswered);
                    QVERIFY(!out->result); // its waiter has not resumed yet
                    session.close();
                });
        CoapRequest hang = req(Method::Get, QStringLiteral("/hang"));
        hang.timeout = 300ms;
        auto watch = std::make_shared<Watch>();
        awaitInto(session.request(hang), out, watch);
        QTRY_VERIFY_WITH_TIMEOUT(out->result.has_value(), 5000);
        QCOMPARE(finishedSeen, 1);
        QCOMPARE(session.state(), ClientSession::State::Closed);
        QVERIFY(!out->result->ok());
        QCOMPARE(out->result->error().kind, Kind::Timeout);
    }

    // The server side keeps the same rule for its own requests to clients.
    void serverEndsItsRequestsWhenDestroyed()
    {
        auto echo = std::make_unique<EchoServer>(serverPki());
        QVERIFY(echo->start(true, false));
        QSignalSpy peers(&echo->server(), &CoapServer::peerConnected);
        CoapClient client;
        client.setPki(clientPki());
        client.setConnectOptions(only(true));
        QSignalSpy connected(&client, &CoapClient::connected);
        client.connectToHost(QStringLiteral("127.0.0.1"), echo->port());
        QTRY_COMPARE_WITH_TIMEOUT(connected.size(), 1, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(peers.size(), 1, 5000);
        const quint64 peerId = peers.first().first().value<ServerPeer>().id;

        auto watch = std::make_shared<Watch>();
        for (int i = 0; i < 3; ++i) {
            auto out = std::make_shared<Outcome>();
            watch->outcomes << out;
            awaitInto(echo->server().request(peerId, req(Method::Put, QStringLiteral("/.well-known/dots/hb"))),
                      out, watch);
        }
        QElapsedTimer clock;
        clock.start();
        echo.reset();
        watch->closed = true;
        QTRY_COMPARE_WITH_TIMEOUT(watch->finished(), 3, 1000);
        QVERIFY(clock.elapsed() < 1000);
        for (const auto &o : watch->outcomes) {
            QVERIFY(!o->result->ok());
            QCOMPARE(o->result->error().kind, Kind::Cancelled);
            QVERIFY(o->resumedAfterClose);
        }
    }
};

QTEST_GUILESS_MAIN(TransportCloseTest)
#include "tst_transport_close.moc"

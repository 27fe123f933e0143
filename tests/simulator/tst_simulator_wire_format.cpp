// SPDX-License-Identifier: GPL-3.0-or-later
#include "ServerCore.h"

#include "codec/Codec.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QtTest>

using namespace dots::simulator;

// Drives the core through each kind of answer and checks that the codec accepts the body,
// and that a message a client sends decodes into what the core expects.
class TestSimulatorWireFormat : public QObject {
    Q_OBJECT

    static void encodes(const ServerResponse &r)
    {
        if (r.body.isEmpty())
            return;
        const auto encoded = dots::codec::encodeJson(QJsonDocument(r.body));
        QVERIFY2(encoded.ok(), qPrintable(encoded.errorString() + QStringLiteral("\n")
                                          + QString::fromUtf8(QJsonDocument(r.body).toJson())));
        const auto back = dots::codec::decodeCbor(encoded.value());
        QVERIFY2(back.ok(), qPrintable(back.errorString()));
        // Decimals come back in the codec's spelling ("2.00" for "2.0"); the bytes must not change.
        const auto again = dots::codec::encodeJson(back.value());
        QVERIFY2(again.ok(), qPrintable(again.errorString()));
        QCOMPARE(again.value(), encoded.value());
    }

    static ServerRequest request(const QString &cuid, Method m, const QStringList &path, std::optional<QJsonObject> body = {})
    {
        ServerRequest r;
        r.clientCuid = cuid;
        r.method = m;
        r.uriPath = path;
        r.body = std::move(body);
        return r;
    }

private slots:
    void everyAnswerEncodes()
    {
        Scenario s;
        QString error;
        QVERIFY(Scenario::fromJson(R"({"policy": {"mitigation-setup": 1},
            "attacks": [{"target": {"target-prefix": ["192.0.2.0/24"]}, "start": 0, "duration": 100, "bps": 1e9, "pps": 1e5}]})",
                                   s, error));
        ServerCore core(s);
        const QString a = QStringLiteral("aliceAAAAAAAAAAAAAAAAA"), b = QStringLiteral("bobBBBBBBBBBBBBBBBBBBB");
        const QStringList root{".well-known", "dots"};
        const auto body = [](const QString &prefix, int lower) {
            return QJsonObject{{"ietf-dots-signal-channel:mitigation-scope",
                                QJsonObject{{"scope", QJsonArray{QJsonObject{
                                    {"target-prefix", QJsonArray{prefix}},
                                    {"target-port-range", QJsonArray{QJsonObject{{"lower-port", lower}, {"upper-port", lower + 10}}}},
                                    {"target-protocol", QJsonArray{6}},
                                    {"target-fqdn", QJsonArray{"www.example.com"}},
                                    {"lifetime", 3600}}}}}}};
        };
        encodes(core.handle(request(a, Method::Get, root + QStringList{"config"})));
        encodes(core.handle(request(a, Method::Put, root + QStringList{"mitigate", "cuid=" + a, "mid=1"}, body("192.0.2.0/24", 80))));
        core.advanceTo(5000);
        encodes(core.handle(request(a, Method::Get, root + QStringList{"mitigate", "cuid=" + a})));
        const auto conflict = core.handle(request(b, Method::Put, root + QStringList{"mitigate", "cuid=" + b, "mid=1"}, body("192.0.2.7", 85)));
        QCOMPARE(conflict.code, CoapCode::Conflict);
        encodes(conflict);
        encodes(core.handle(request(a, Method::Put, root + QStringList{"mitigate", "cuid=" + a, "mid=2"}, body("198.51.100.0/24", 443))));
        encodes(ServerResponse::ok(CoapCode::Changed, ServerCore::heartbeatBody(false)));
    }

    void clientRequestsDecodeForTheCore()
    {
        // A request as a client would encode it, through the codec, into the core.
        const QJsonObject request{{"ietf-dots-signal-channel:signal-config",
                                   QJsonObject{{"mitigating-config", QJsonObject{
                                       {"heartbeat-interval", QJsonObject{{"current-value", 60}}},
                                       {"ack-timeout", QJsonObject{{"current-value-decimal", "3.0"}}}}}}}};
        const auto cbor = dots::codec::encodeJson(QJsonDocument(request));
        QVERIFY2(cbor.ok(), qPrintable(cbor.errorString()));
        const auto json = dots::codec::decodeCbor(cbor.value());
        QVERIFY2(json.ok(), qPrintable(json.errorString()));
        ServerCore core;
        const auto r = core.handle(request_("c", json.value().object()));
        QCOMPARE(r.code, CoapCode::Created);
        QCOMPARE(core.sessionConfig("cuidCCCCCCCCCCCCCCCCCC").mitigating[3], 300);
    }

private:
    static ServerRequest request_(const char *, const QJsonObject &body)
    {
        return request(QStringLiteral("cuidCCCCCCCCCCCCCCCCCC"), Method::Put, {".well-known", "dots", "config", "sid=1"}, body);
    }
};

QTEST_GUILESS_MAIN(TestSimulatorWireFormat)
#include "tst_simulator_wire_format.moc"

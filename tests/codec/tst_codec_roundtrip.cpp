// SPDX-License-Identifier: GPL-3.0-or-later
// JSON -> CBOR -> JSON for every message kind, from samples under data/ (most are
// go-dots' dots_client samples written in RFC 7951 form).
#include "codec/Codec.h"

#include <QCborMap>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace dots::codec;

namespace {

QJsonDocument readJson(const QString &name)
{
    QFile file(QStringLiteral(DOTS_TEST_DATA_DIR "/") + name);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot open %s", qPrintable(file.fileName()));
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &error);
    if (error.error != QJsonParseError::NoError)
        qFatal("%s: %s", qPrintable(name), qPrintable(error.errorString()));
    return doc;
}

} // namespace

class TestCodecRoundTrip : public QObject {
    Q_OBJECT
private slots:
    void roundTrip_data()
    {
        QTest::addColumn<QString>("file");
        QTest::newRow("mitigation request") << "mitigation-request.json";
        QTest::newRow("mitigation response with status and counters") << "mitigation-response.json";
        QTest::newRow("mitigation response with conflict") << "mitigation-conflict.json";
        QTest::newRow("session configuration request, mitigating and idle") << "session-config-request.json";
        QTest::newRow("session configuration response with min/max") << "session-config-response.json";
        QTest::newRow("heartbeat") << "heartbeat.json";
        QTest::newRow("filter control acl-list") << "filter-control.json";
        QTest::newRow("call home source prefixes") << "call-home.json";
        QTest::newRow("efficacy update") << "efficacy-update.json";
        QTest::newRow("efficacy update with telemetry") << "efficacy-telemetry.json";
        QTest::newRow("telemetry setup: configuration") << "telemetry-setup-config.json";
        QTest::newRow("telemetry setup: pipe capacity") << "telemetry-setup-pipe.json";
        QTest::newRow("telemetry setup: baseline") << "telemetry-setup-baseline.json";
        QTest::newRow("telemetry setup response") << "telemetry-setup-response.json";
        QTest::newRow("pre-or-ongoing-mitigation telemetry") << "telemetry-pre-mitigation.json";
        QTest::newRow("redirected signal") << "redirected-signal.json";
    }

    void roundTrip()
    {
        QFETCH(QString, file);
        const QJsonDocument json = readJson(file);

        const auto bytes = encodeJson(json);
        QVERIFY2(bytes.ok(), qPrintable(bytes.errorString()));
        const auto back = decodeCbor(bytes.value());
        QVERIFY2(back.ok(), qPrintable(back.errorString()));
        QCOMPARE(back.value(), json);

        // And the other way: the CBOR we produce comes back byte for byte.
        const auto again = encodeJson(back.value());
        QVERIFY(again.ok());
        QCOMPARE(again.value().toHex(), bytes.value().toHex());
    }

    // go-dots samples write decimals and counters as JSON numbers; they are accepted and
    // come back in RFC 7951 form (strings with the module's fraction digits).
    void goDotsNumbersAreNormalised()
    {
        const auto bytes = encodeJson(readJson(QStringLiteral("go-dots-session-config-numbers.json")));
        QVERIFY2(bytes.ok(), qPrintable(bytes.errorString()));
        const auto back = decodeCbor(bytes.value());
        QVERIFY(back.ok());
        QCOMPARE(back.value(), readJson(QStringLiteral("session-config-request.json")));

        const auto counters = jsonToCbor(QJsonDocument::fromJson(R"({"ietf-dots-telemetry:telemetry-setup":
            {"telemetry":[{"baseline":[{"id":1,"total-traffic-normal":[{"unit":"megapacket-ps","peak-g":50}]}]}]}})").object());
        QVERIFY2(counters.ok(), qPrintable(counters.errorString()));
        const auto shown = cborToJson(counters.value());
        QVERIFY(shown.ok());
        QCOMPARE(shown.value()["ietf-dots-telemetry:telemetry-setup"]["telemetry"][0]["baseline"][0]
                     ["total-traffic-normal"][0]["peak-g"].toString(),
                 QStringLiteral("50"));
    }

    void unknownOptionalKeysAreKeptOrSkipped()
    {
        // heartbeat {51: true, 32790: {1: "x", 2: [1, 2]}, 200: 7}
        QCborMap extra{{1, QStringLiteral("x")}, {2, QCborArray{1, 2}}};
        QCborMap heartbeat{{51, true}, {200, 7}, {32790, extra}};
        const QCborMap message{{49, heartbeat}};

        const auto kept = cborToJson(message);
        QVERIFY2(kept.ok(), qPrintable(kept.errorString()));
        const QJsonObject hb = kept.value()["ietf-dots-signal-channel:heartbeat"].toObject();
        QCOMPARE(hb["unknown-200"].toInt(), 7);
        QCOMPARE(hb["unknown-32790"]["1"].toString(), QStringLiteral("x"));

        // Kept members go back to the same keys, so CBOR -> JSON -> CBOR is lossless.
        const auto back = jsonToCbor(kept.value());
        QVERIFY2(back.ok(), qPrintable(back.errorString()));
        QCOMPARE(back.value().toCbor().toHex(),
                 QCborValue(QCborMap{{49, QCborMap{{51, true}, {200, 7}, {32790, extra}}}}).toCbor().toHex());

        Options skip;
        skip.unknownOptional = UnknownOptionalKeys::Skip;
        const auto skipped = cborToJson(message, skip);
        QVERIFY(skipped.ok());
        QCOMPARE(skipped.value()["ietf-dots-signal-channel:heartbeat"].toObject().keys(),
                 QStringList{QStringLiteral("peer-hb-status")});
    }

    void unknownOptionalKeyWithOddValuesDoesNotCrash()
    {
        // Byte string, tag, float, nested maps with text keys, null: shown, never fatal.
        const QCborMap odd{{QStringLiteral("k"), QByteArray("\x00\x01", 2)},
                           {3, QCborValue(QCborTag(99), 1.5)},
                           {4, QCborValue(nullptr)}};
        const QCborMap message{{49, QCborMap{{51, false}, {65535, odd}, {16384, QByteArray(1000, 'a')}}}};
        const auto json = decodeCbor(QCborValue(message).toCbor());
        QVERIFY2(json.ok(), qPrintable(json.errorString()));
        QVERIFY(json.value()["ietf-dots-signal-channel:heartbeat"].toObject().contains("unknown-65535"));
        QVERIFY(encodeJson(json.value()).ok());
    }

    void keysInADifferentPlaceAreUnknownThere()
    {
        // 205 is ietf-dots-telemetry:total-attack-traffic under scope, but under a heartbeat
        // it is just an unknown comprehension-optional key.
        const auto json = cborToJson(QCborMap{{49, QCborMap{{51, true}, {205, 1}}}});
        QVERIFY(json.ok());
        QCOMPARE(json.value()["ietf-dots-signal-channel:heartbeat"]["unknown-205"].toInt(), 1);
    }
};

QTEST_APPLESS_MAIN(TestCodecRoundTrip)
#include "tst_codec_roundtrip.moc"

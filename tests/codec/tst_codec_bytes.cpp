// SPDX-License-Identifier: GPL-3.0-or-later
// Byte-exact CBOR for small messages, derived by hand from the key table and
// RFC 8949's encoding of the initial byte (major type << 5 | additional info):
//   0x00..0x17 unsigned 0..23, 0x18 nn unsigned 8-bit, 0x19 nnnn 16-bit, 0x1b 64-bit
//   0x20 = -1, 0x21 = -2 (major type 1: -1 - n)
//   0x6n text of n bytes (0x74 = 20 bytes), 0x8n array of n, 0xan map of n pairs
//   0xc4 tag 4 (decimal fraction), 0xf4 false, 0xf5 true
// Map keys come out in ascending order whatever the JSON member order, which for
// unsigned keys is also RFC 8949's core deterministic order.
#include "codec/Codec.h"

#include <QCborMap>
#include <QJsonDocument>
#include <QTest>

using namespace dots::codec;

class TestCodecBytes : public QObject {
    Q_OBJECT
private slots:
    void encode_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QByteArray>("hex");

        // a1 {            18 31 = 49 ietf-dots-signal-channel:heartbeat
        //   a1 {          18 33 = 51 peer-hb-status: f5 true } }
        QTest::newRow("heartbeat") << QByteArray(R"({"ietf-dots-signal-channel:heartbeat":{"peer-hb-status":true}})")
                                   << QByteArray("a11831a11833f5");

        // a1 { 01 mitigation-scope: a1 { 02 scope: 81 [ a5 {
        //   06 target-prefix: 81 [ 74 "2001:db8:6401::1/128" (20 bytes) ]
        //   07 target-port-range: 81 [ a1 { 08 lower-port: 19 01bb (443) } ]
        //   0a target-protocol: 81 [ 06 ]
        //   0e lifetime: 19 0e10 (3600)
        //   18 2d trigger-mitigation (45): f4 false } ] } }
        QTest::newRow("mitigation request")
            << QByteArray(R"({"ietf-dots-signal-channel:mitigation-scope":{"scope":[{
                   "trigger-mitigation":false,"lifetime":3600,"target-protocol":[6],
                   "target-port-range":[{"lower-port":443}],"target-prefix":["2001:db8:6401::1/128"]}]}})")
            << QByteArray("a101a10281a5"
                          "068174" "323030313a6462383a363430313a3a312f313238"
                          "0781a1081901bb"
                          "0a8106"
                          "0e190e10"
                          "182df4");

        // a1 { 18 1e signal-config (30): a1 { 18 20 mitigating-config (32): a2 {
        //   18 21 heartbeat-interval (33): a1 { 18 24 current-value (36): 18 1e (30) }
        //   18 28 ack-random-factor (40): a1 { 18 2b current-value-decimal (43):
        //          c4 tag 4, 82 [ 21 (-2), 18 96 (150) ] = 1.50 } } } }
        QTest::newRow("session configuration with a decimal")
            << QByteArray(R"({"ietf-dots-signal-channel:signal-config":{"mitigating-config":{
                   "ack-random-factor":{"current-value-decimal":"1.50"},"heartbeat-interval":{"current-value":30}}}})")
            << QByteArray("a1181ea11820a2" "1821a11824181e" "1828a1182bc482211896");

        // lifetime -1 (indefinite) is major type 1: 0x20. attack-status (29 = 18 1d)
        // under-attack = 1.
        QTest::newRow("indefinite lifetime, enumeration")
            << QByteArray(R"({"ietf-dots-signal-channel:mitigation-scope":{"scope":[{"lifetime":-1,"attack-status":"under-attack"}]}})")
            << QByteArray("a101a10281a2" "0e20" "181d01");

        // bytes-dropped (25 = 18 19) "4294967296" = 2^32 needs 8 bytes: 1b 0000000100000000.
        // ietf-dots-call-home:source-prefix (32768 = 19 8000): 81 [ 6a "10.0.0.0/8" ].
        QTest::newRow("counter64 and a comprehension-optional key")
            << QByteArray(R"({"ietf-dots-signal-channel:mitigation-scope":{"scope":[{
                   "ietf-dots-call-home:source-prefix":["10.0.0.0/8"],"bytes-dropped":"4294967296"}]}})")
            << QByteArray("a101a10281a2" "18191b0000000100000000" "198000816a" "31302e302e302e302f38");

        // ietf-dots-telemetry:telemetry-setup (203 = 18 cb): a1 { telemetry (129 = 18 81): 81 [ a1 {
        //   current-config (175 = 18 af): a2 { low-percentile (130 = 18 82): c4 82 21 19 03e8 (10.00)
        //                                       unit-config (133 = 18 85): 81 [ a2 { unit (134 = 18 86): 02 bit-ps,
        //                                                                       unit-status (135 = 18 87): f5 } ] } } ] }
        QTest::newRow("telemetry configuration")
            << QByteArray(R"({"ietf-dots-telemetry:telemetry-setup":{"telemetry":[{"current-config":{
                   "unit-config":[{"unit-status":true,"unit":"bit-ps"}],"low-percentile":"10.00"}}]}})")
            << QByteArray("a118cba1188181a118afa2" "1882c48221" "1903e8" "188581a2" "188602" "1887f5");
    }

    void encode()
    {
        QFETCH(QByteArray, json);
        QFETCH(QByteArray, hex);
        QJsonParseError parseError;
        const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
        QCOMPARE(parseError.error, QJsonParseError::NoError);
        const auto bytes = encodeJson(doc);
        QVERIFY2(bytes.ok(), qPrintable(bytes.errorString()));
        QCOMPARE(bytes.value().toHex(), hex);

        // Decoding the hand-made bytes gives the same message back.
        const auto back = decodeCbor(QByteArray::fromHex(hex));
        QVERIFY2(back.ok(), qPrintable(back.errorString()));
        QCOMPARE(back.value(), doc);
    }

    void decimalWithAnotherExponentIsNormalised()
    {
        // current-value-decimal as tag 4 [-1, 15] (c4 82 20 0f) is 1.5, shown as "1.50",
        // and re-encoded in the [-2, 150] form.
        const QByteArray hex("a1181ea11820a11828a1182bc482200f");
        const auto json = decodeCbor(QByteArray::fromHex(hex));
        QVERIFY2(json.ok(), qPrintable(json.errorString()));
        QCOMPARE(json.value()["ietf-dots-signal-channel:signal-config"]["mitigating-config"]["ack-random-factor"]
                     ["current-value-decimal"].toString(),
                 QStringLiteral("1.50"));
        QCOMPARE(encodeJson(json.value()).value().toHex(), QByteArray("a1181ea11820a11828a1182bc482211896"));

        // A positive exponent works too: [1, 3] = 30 -> "30.00".
        const auto thirty = decodeCbor(QByteArray::fromHex("a1181ea11820a11827a1182bc4820103"));
        QVERIFY2(thirty.ok(), qPrintable(thirty.errorString()));
        QCOMPARE(thirty.value()["ietf-dots-signal-channel:signal-config"]["mitigating-config"]["ack-timeout"]
                     ["current-value-decimal"].toString(),
                 QStringLiteral("30.00"));
    }

    void outputOrderIsDeterministic()
    {
        // A peer may send keys in any order (here 14 before 6, and 45 first); we decode
        // it and always re-encode in ascending key order.
        const QCborMap scope{{45, true}, {14, 3600}, {6, QCborArray{QStringLiteral("10.0.0.0/8")}}};
        const QCborMap message{{1, QCborMap{{2, QCborArray{scope}}}}};
        QCOMPARE(QCborValue(message).toCbor().toHex(),
                 QByteArray("a101a10281a3" "182df5" "0e190e10" "06816a31302e302e302e302f38"));
        const auto json = cborToJson(message);
        QVERIFY(json.ok());
        const auto cbor = jsonToCbor(json.value());
        QVERIFY(cbor.ok());
        QCOMPARE(cbor.value().toCbor().toHex(),
                 QByteArray("a101a10281a3" "06816a31302e302e302e302f38" "0e190e10" "182df5"));
    }
};

QTEST_APPLESS_MAIN(TestCodecBytes)
#include "tst_codec_bytes.moc"

// SPDX-License-Identifier: GPL-3.0-or-later
// Bad input in both directions: each case asserts the whole error text, path included.
#include "codec/Codec.h"

#include <QCborArray>
#include <QCborMap>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <limits>

using namespace dots::codec;

namespace {

const QString kScope = QStringLiteral("ietf-dots-signal-channel:mitigation-scope.scope[0]");

// A mitigation request whose one scope entry is `scopeJson`.
QJsonDocument request(const char *scopeJson)
{
    const QByteArray text = QByteArray(R"({"ietf-dots-signal-channel:mitigation-scope":{"scope":[)") + scopeJson + "]}}";
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(text, &error);
    if (error.error != QJsonParseError::NoError)
        qFatal("bad test JSON %s: %s", text.constData(), qPrintable(error.errorString()));
    return doc;
}

QCborMap cborRequest(const QCborMap &scope)
{
    return QCborMap{{1, QCborMap{{2, QCborArray{scope}}}}};
}

} // namespace

class TestCodecErrors : public QObject {
    Q_OBJECT
private slots:
    void badJson_data()
    {
        QTest::addColumn<QJsonDocument>("json");
        QTest::addColumn<int>("direction");
        QTest::addColumn<QString>("error");
        const int any = int(MessageDirection::Unspecified);
        const int request = int(MessageDirection::ClientToServer);

        QTest::newRow("port out of range")
            << ::request(R"({"target-port-range":[{"lower-port":80},{"lower-port":1,"upper-port":70000}]})") << any
            << kScope + ".target-port-range[1].upper-port: 70000 is out of range 0..65535";
        QTest::newRow("upper port below lower port")
            << ::request(R"({"target-port-range":[{"lower-port":443,"upper-port":80}]})") << any
            << kScope + ".target-port-range[0].upper-port: 80 is less than lower-port 443";
        QTest::newRow("missing lower-port")
            << ::request(R"({"target-port-range":[{"upper-port":80}]})") << any
            << kScope + ".target-port-range[0]: missing mandatory \"lower-port\"";
        QTest::newRow("prefix length too long")
            << ::request(R"({"target-prefix":["10.0.0.0/33"]})") << any
            << kScope + ".target-prefix[0]: \"10.0.0.0/33\" has an invalid prefix length (0..32)";
        QTest::newRow("prefix without length")
            << ::request(R"({"target-prefix":["10.0.0.1"]})") << any
            << kScope + ".target-prefix[0]: \"10.0.0.1\" is not a prefix: the \"/length\" is missing";
        QTest::newRow("bad IPv6 prefix")
            << ::request(R"({"target-prefix":["2001:db8:::1/64"]})") << any
            << kScope + ".target-prefix[0]: \"2001:db8:::1/64\" is not a valid IP prefix: \"2001:db8:::1\" is not a valid IPv6 address";
        QTest::newRow("IPv4 octet too large")
            << ::request(R"({"ietf-dots-call-home:source-prefix":["10.256.0.0/16"]})") << any
            << kScope + ".ietf-dots-call-home:source-prefix[0]: \"10.256.0.0/16\" is not a valid IP prefix: \"10.256.0.0\" is not a valid IPv4 address";
        QTest::newRow("protocol out of range")
            << ::request(R"({"target-protocol":[6,256]})") << any
            << kScope + ".target-protocol[1]: 256 is out of range 0..255";
        QTest::newRow("lifetime 0 in a request")
            << ::request(R"({"lifetime":0})") << request
            << kScope + ".lifetime: 0 is not a valid lifetime in a mitigation request";
        QTest::newRow("lifetime below -1")
            << ::request(R"({"lifetime":-2})") << any
            << kScope + ".lifetime: -2 is out of range (-1 for indefinite, or 0..4294967295)";
        QTest::newRow("lifetime as a string")
            << ::request(R"({"lifetime":"3600"})") << any
            << kScope + ".lifetime: expected a number, got string \"3600\"";
        QTest::newRow("lifetime with a fraction")
            << ::request(R"({"lifetime":1.5})") << any
            << kScope + ".lifetime: 1.5 is not an integer";
        QTest::newRow("enumeration as a number")
            << ::request(R"({"attack-status":2})") << any
            << kScope + ".attack-status: expected a name of attack-status (under-attack, attack-successfully-mitigated), got number 2";
        QTest::newRow("unknown enumeration name")
            << ::request(R"({"ietf-dots-signal-control:acl-list":[{"acl-name":"a","activation-type":"sometimes"}]})") << any
            << kScope + ".ietf-dots-signal-control:acl-list[0].activation-type: \"sometimes\" is not a valid activation-type (activate-when-mitigating, immediate, deactivate)";
        QTest::newRow("missing acl-name")
            << ::request(R"({"ietf-dots-signal-control:acl-list":[{"activation-type":"immediate"}]})") << any
            << kScope + ".ietf-dots-signal-control:acl-list[0]: missing mandatory \"acl-name\"";
        QTest::newRow("unqualified augmented name")
            << ::request(R"({"acl-list":[{"acl-name":"a"}]})") << any
            << kScope + ": unknown member \"acl-list\" (did you mean \"ietf-dots-signal-control:acl-list\"?)";
        QTest::newRow("unknown member")
            << ::request(R"({"target-prefixes":["10.0.0.0/8"]})") << any
            << kScope + ": unknown member \"target-prefixes\"";
        QTest::newRow("unknown comprehension-required key")
            << ::request(R"({"unknown-100":1})") << any
            << kScope + ": \"unknown-100\": key 100 is comprehension-required and unknown here";
        QTest::newRow("unknown-N that the schema knows")
            << ::request(R"({"unknown-32768":["10.0.0.0/8"]})") << any
            << kScope + ": \"unknown-32768\": key 32768 is \"ietf-dots-call-home:source-prefix\" here";
        QTest::newRow("bad FQDN")
            << ::request(R"({"target-fqdn":["www..example.com"]})") << any
            << kScope + ".target-fqdn[0]: \"www..example.com\" has an empty label or one longer than 63 characters";
        QTest::newRow("bad URI")
            << ::request(R"({"target-uri":["not a uri"]})") << any
            << kScope + ".target-uri[0]: \"not a uri\" is not an absolute URI (scheme missing)";
        QTest::newRow("counter that is not a number")
            << ::request(R"({"bytes-dropped":"12a"})") << any
            << kScope + ".bytes-dropped: \"12a\" is not an unsigned 64-bit number";
        QTest::newRow("negative counter")
            << ::request(R"({"bytes-dropped":-5})") << any
            << kScope + ".bytes-dropped: -5 is negative; expected an unsigned 64-bit value";
        QTest::newRow("counter above int64")
            << ::request(R"({"pkts-dropped":"18446744073709551615"})") << any
            << kScope + ".pkts-dropped: 18446744073709551615 is above 9223372036854775807, which is not supported";
        QTest::newRow("list given as an object")
            << ::request(R"({"target-port-range":{"lower-port":80}})") << any
            << kScope + ".target-port-range: expected an array, got object";
        QTest::newRow("boolean as a string")
            << ::request(R"({"trigger-mitigation":"true"})") << any
            << kScope + ".trigger-mitigation: expected true or false, got string \"true\"";
        QTest::newRow("too many fraction digits")
            << QJsonDocument::fromJson(R"({"ietf-dots-signal-channel:signal-config":{"mitigating-config":{"ack-timeout":{"current-value-decimal":"2.005"}}}})")
            << any
            << "ietf-dots-signal-channel:signal-config.mitigating-config.ack-timeout.current-value-decimal: \"2.005\" has more than 2 fraction digits";
        QTest::newRow("decimal number with too many digits")
            << QJsonDocument::fromJson(R"({"ietf-dots-signal-channel:signal-config":{"idle-config":{"ack-random-factor":{"current-value-decimal":1.125}}}})")
            << any
            << "ietf-dots-signal-channel:signal-config.idle-config.ack-random-factor.current-value-decimal: 1.125 has more than 2 fraction digits";
        QTest::newRow("heartbeat interval out of uint16")
            << QJsonDocument::fromJson(R"({"ietf-dots-signal-channel:signal-config":{"mitigating-config":{"heartbeat-interval":{"current-value":70000}}}})")
            << any
            << "ietf-dots-signal-channel:signal-config.mitigating-config.heartbeat-interval.current-value: 70000 is out of range 0..65535";
        QTest::newRow("telemetry-notify-interval 0")
            << QJsonDocument::fromJson(R"({"ietf-dots-telemetry:telemetry-setup":{"telemetry":[{"current-config":{"telemetry-notify-interval":0}}]}})")
            << any
            << "ietf-dots-telemetry:telemetry-setup.telemetry[0].current-config.telemetry-notify-interval: 0 is out of range 1..3600";
        QTest::newRow("mid-percentile below low-percentile")
            << QJsonDocument::fromJson(R"({"ietf-dots-telemetry:telemetry-setup":{"telemetry":[{"current-config":{"low-percentile":"20.00","mid-percentile":"10.00"}}]}})")
            << any
            << "ietf-dots-telemetry:telemetry-setup.telemetry[0].current-config.mid-percentile: 10.00 is less than low-percentile 20.00";
        QTest::newRow("unit-class is not the traffic unit")
            << QJsonDocument::fromJson(R"({"ietf-dots-telemetry:telemetry-setup":{"telemetry":[{"current-config":{"unit-config":[{"unit":"megabit-ps","unit-status":true}]}}]}})")
            << any
            << "ietf-dots-telemetry:telemetry-setup.telemetry[0].current-config.unit-config[0].unit: \"megabit-ps\" is not a valid unit-class (packet-ps, bit-ps, byte-ps)";
        QTest::newRow("baseline id 0")
            << QJsonDocument::fromJson(R"({"ietf-dots-telemetry:telemetry-setup":{"telemetry":[{"baseline":[{"id":0}]}]}})")
            << any
            << "ietf-dots-telemetry:telemetry-setup.telemetry[0].baseline[0].id: 0 is out of range 1..4294967295";
        QTest::newRow("missing peer-hb-status")
            << QJsonDocument::fromJson(R"({"ietf-dots-signal-channel:heartbeat":{}})") << any
            << "ietf-dots-signal-channel:heartbeat: missing mandatory \"peer-hb-status\"";
        QTest::newRow("unknown root")
            << QJsonDocument::fromJson(R"({"mitigation-scope":{"scope":[]}})") << any
            << "unknown member \"mitigation-scope\" (did you mean \"ietf-dots-signal-channel:mitigation-scope\"?)";
        QTest::newRow("root is an array")
            << QJsonDocument::fromJson(R"([1,2])") << any
            << "a DOTS message must be a JSON object, got array";
        QTest::newRow("empty message")
            << QJsonDocument::fromJson(R"({})") << any
            << "empty message: expected a member such as \"ietf-dots-signal-channel:mitigation-scope\"";
    }

    void badJson()
    {
        QFETCH(QJsonDocument, json);
        QFETCH(int, direction);
        QFETCH(QString, error);
        QVERIFY(!json.isNull());
        Options options;
        options.direction = MessageDirection(direction);
        const auto result = encodeJson(json, options);
        QVERIFY(!result.ok());
        QCOMPARE(result.errorString(), error);
    }

    void badCbor_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("error");

        QTest::newRow("empty") << QByteArray() << "no data: expected a CBOR map";
        QTest::newRow("truncated map") << QByteArray::fromHex("a101a1")
                                       << "malformed CBOR at byte 3 of 3: Unexpected end of input data (more bytes needed)";
        QTest::newRow("truncated text") << QByteArray::fromHex("a11831a1183378")
                                        << "malformed CBOR at byte 6 of 7: Unexpected end of input data (more bytes needed)";
        QTest::newRow("trailing garbage") << QByteArray::fromHex("a11831a11833f5ff")
                                          << "1 trailing byte(s) after the CBOR item, which ends at byte 7";
        QTest::newRow("two items") << QByteArray::fromHex("a11831a11833f5a0")
                                   << "1 trailing byte(s) after the CBOR item, which ends at byte 7";
        QTest::newRow("array root") << QByteArray::fromHex("8101")
                                    << "the root of a DOTS message must be a CBOR map, got array";
        QTest::newRow("integer root") << QByteArray::fromHex("01")
                                      << "the root of a DOTS message must be a CBOR map, got unsigned integer 1";
        QTest::newRow("empty map") << QByteArray::fromHex("a0") << "empty message: the CBOR map has no members";
        QTest::newRow("boolean as integer") << QByteArray::fromHex("a11831a1183301")
                                            << "ietf-dots-signal-channel:heartbeat.peer-hb-status: expected true or false, got unsigned integer 1";
        QTest::newRow("text key") << QByteArray::fromHex("a11831a16178f5")
                                  << "ietf-dots-signal-channel:heartbeat: map key must be an unsigned integer, got text string \"x\"";
        QTest::newRow("negative key") << QByteArray::fromHex("a11831a120f5")
                                      << "ietf-dots-signal-channel:heartbeat: map key must be an unsigned integer, got negative integer -1";
        QTest::newRow("duplicate key") << QByteArray::fromHex("a11831a21833f51833f4")
                                       << "ietf-dots-signal-channel:heartbeat: key 51 appears twice";
        QTest::newRow("unknown root key") << QByteArray::fromHex("a11863a0")
                                          << "unknown comprehension-required key 99";
        QTest::newRow("container is not a map") << QByteArray::fromHex("a1183101")
                                                << "ietf-dots-signal-channel:heartbeat: expected a map, got unsigned integer 1";
        QTest::newRow("invalid UTF-8") << QByteArray::fromHex("a101a10281a1068162c328")
                                       << "malformed CBOR at byte 11 of 11: Invalid CBOR stream: invalid UTF-8 text string";
    }

    void badCbor()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, error);
        const auto result = decodeCbor(bytes);
        QVERIFY(!result.ok());
        QCOMPARE(result.errorString(), error);
    }

    void badCborValues_data()
    {
        QTest::addColumn<QCborMap>("scope");
        QTest::addColumn<QString>("error");

        QTest::newRow("unknown comprehension-required key") << QCborMap{{14, 3600}, {99, 1}}
                                                            << kScope + ": unknown comprehension-required key 99";
        QTest::newRow("key between 256 and 16383 is required") << QCborMap{{300, 1}}
                                                               << kScope + ": unknown comprehension-required key 300";
        QTest::newRow("port out of range")
            << QCborMap{{7, QCborArray{QCborMap{{8, 1}, {9, 70000}}}}}
            << kScope + ".target-port-range[0].upper-port: 70000 is out of range 0..65535";
        QTest::newRow("negative port")
            << QCborMap{{7, QCborArray{QCborMap{{8, -1}}}}}
            << kScope + ".target-port-range[0].lower-port: expected an unsigned integer, got negative integer -1";
        QTest::newRow("prefix as bytes")
            << QCborMap{{6, QCborArray{QByteArray("\x0a\x00\x00\x00", 4)}}}
            << kScope + ".target-prefix[0]: expected a text string, got byte string";
        QTest::newRow("host-less IPv6 prefix length")
            << QCborMap{{6, QCborArray{QStringLiteral("2001:db8::/129")}}}
            << kScope + ".target-prefix[0]: \"2001:db8::/129\" has an invalid prefix length (0..128)";
        QTest::newRow("status out of the enumeration") << QCborMap{{16, 9}}
                                                       << kScope + ".status: 9 is not a valid status value";
        QTest::newRow("lifetime -2") << QCborMap{{14, -2}}
                                     << kScope + ".lifetime: -2 is out of range (-1 for indefinite, or 0..4294967295)";
        QTest::newRow("lifetime as float") << QCborMap{{14, 1.5}}
                                           << kScope + ".lifetime: expected an integer, got floating-point number 1.5";
        QTest::newRow("counter as text") << QCborMap{{25, QStringLiteral("12")}}
                                         << kScope + ".bytes-dropped: expected an unsigned integer, got text string \"12\"";
        QTest::newRow("list entry is not a map") << QCborMap{{7, QCborArray{8}}}
                                                 << kScope + ".target-port-range[0]: expected a map (list entry), got unsigned integer 8";
        QTest::newRow("ICMP types out of order")
            << QCborMap{{32770, QCborArray{QCborMap{{32771, 8}, {32772, 3}}}}}
            << kScope + ".ietf-dots-call-home:source-icmp-type-range[0].upper-type: 3 is less than lower-type 8";
    }

    void badCborValues()
    {
        QFETCH(QCborMap, scope);
        QFETCH(QString, error);
        const auto result = decodeCbor(QCborValue(cborRequest(scope)).toCbor());
        QVERIFY(!result.ok());
        QCOMPARE(result.errorString(), error);
    }

    void badDecimals_data()
    {
        QTest::addColumn<QCborValue>("decimal");
        QTest::addColumn<QString>("error");
        QTest::newRow("plain integer") << QCborValue(150) << "expected a decimal fraction (CBOR tag 4)";
        QTest::newRow("wrong tag") << QCborValue(QCborTag(5), QCborArray{-2, 150}) << "expected a decimal fraction (CBOR tag 4)";
        QTest::newRow("one element") << QCborValue(QCborKnownTags::Decimal, QCborArray{-2})
                                     << "tag 4 must hold [exponent, mantissa] as two integers";
        QTest::newRow("too precise") << QCborValue(QCborKnownTags::Decimal, QCborArray{-3, 1505})
                                     << "decimal [-3, 1505] has more than 2 fraction digits";
        QTest::newRow("huge exponent") << QCborValue(QCborKnownTags::Decimal, QCborArray{40, 1})
                                       << "decimal [40, 1] is out of the decimal64 range";
        // A hostile exponent must not overflow the scaling (UBSan found it).
        QTest::newRow("exponent INT64_MAX")
            << QCborValue(QCborKnownTags::Decimal, QCborArray{std::numeric_limits<qint64>::max(), 1})
            << "decimal [9223372036854775807, 1] is out of the decimal64 range";
        QTest::newRow("exponent INT64_MIN")
            << QCborValue(QCborKnownTags::Decimal, QCborArray{std::numeric_limits<qint64>::min(), 1})
            << "decimal [-9223372036854775808, 1] has more than 2 fraction digits";
    }

    void badDecimals()
    {
        QFETCH(QCborValue, decimal);
        QFETCH(QString, error);
        const QCborMap message{{30, QCborMap{{32, QCborMap{{39, QCborMap{{43, decimal}}}}}}}};
        const auto result = cborToJson(message);
        QVERIFY(!result.ok());
        QCOMPARE(result.errorString(),
                 "ietf-dots-signal-channel:signal-config.mitigating-config.ack-timeout.current-value-decimal: " + error);
    }

    // low <= mid <= high percentile compares values, whatever exponent the wire chose.
    void percentileOrderComparesDecimalValues()
    {
        // telemetry-setup: mid-percentile 65.00 as [-2, 6500], high-percentile 0.95 as [-4, 9500].
        const auto lower = decodeCbor(QByteArray::fromHex("a118cba1188181a118afa21883c482211919641884c4822319251c"));
        QVERIFY(!lower.ok());
        QVERIFY2(lower.errorString().endsWith(QStringLiteral("high-percentile: 0.95 is less than mid-percentile 65.00")),
                 qPrintable(lower.errorString()));
        // high-percentile 90 as [0, 90] is above 65.00.
        const auto higher = decodeCbor(QByteArray::fromHex("a118cba1188181a118afa21883c482211919641884c48200185a"));
        QVERIFY2(higher.ok(), qPrintable(higher.errorString()));
    }

    // A message whose members are all skipped is the empty message the encoder refuses.
    void messageOfOnlySkippedKeysIsEmpty()
    {
        const QByteArray onlyUnknown = QByteArray::fromHex("a118d1f5"); // {209: true}
        Options skip;
        skip.unknownOptional = UnknownOptionalKeys::Skip;
        const auto skipped = decodeCbor(onlyUnknown, skip);
        QVERIFY(!skipped.ok());
        QVERIFY2(skipped.errorString().startsWith(QStringLiteral("empty message")), qPrintable(skipped.errorString()));
        const auto kept = decodeCbor(onlyUnknown);
        QVERIFY2(kept.ok(), qPrintable(kept.errorString()));
        const auto back = encodeJson(kept.value());
        QVERIFY2(back.ok(), qPrintable(back.errorString()));
        QCOMPARE(back.value(), onlyUnknown);
    }

    void mutatedMessagesNeverCrash()
    {
        // Every truncation and every single-byte change of a real message must give a
        // value or an error, never a crash (run under the asan preset to see more).
        const auto valid = QJsonDocument::fromJson(R"({"ietf-dots-signal-channel:mitigation-scope":{"scope":[{
            "target-prefix":["2001:db8::/32"],"target-port-range":[{"lower-port":80,"upper-port":443}],
            "lifetime":3600,"ietf-dots-telemetry:attack-detail":[{"vendor-id":1,"attack-id":2,
            "source-count":{"peak-g":"5"}}],"ietf-dots-signal-control:acl-list":[{"acl-name":"a"}]}]}})");
        const QByteArray bytes = encodeJson(valid).value();
        int accepted = 0;
        for (qsizetype n = 0; n < bytes.size(); ++n)
            accepted += decodeCbor(bytes.left(n)).ok();
        QCOMPARE(accepted, 0);
        for (qsizetype i = 0; i < bytes.size(); ++i) {
            for (int value : {0x00, 0x17, 0x18, 0x1b, 0x20, 0x5f, 0x7f, 0x9f, 0xbf, 0xc4, 0xf5, 0xf9, 0xff}) {
                QByteArray mutated = bytes;
                mutated[i] = char(value);
                const auto result = decodeCbor(mutated);
                if (result.ok())
                    QVERIFY(encodeJson(result.value()).ok());
            }
        }
    }

    void deepNestingIsRejectedNotFatal()
    {
        // 10000 nested arrays under an unknown optional key: refused by the parser.
        QByteArray bytes = QByteArray::fromHex("a11831a21833f5198016");
        bytes += QByteArray(10000, char(0x81));
        bytes += char(0x01);
        const auto result = decodeCbor(bytes);
        QVERIFY(!result.ok());
        QVERIFY2(result.errorString().startsWith("malformed CBOR"), qPrintable(result.errorString()));
    }

    // What a client receives is read with BadValues::Skip: one value it does not understand
    // costs that value (or that list entry), not the whole notification.
    void badValuesAreLeftOutWhenSkipping()
    {
        const QCborMap good{{5, 5}, {6, QCborArray{QStringLiteral("192.0.2.0/24")}}, {14, 100}, {16, 1}};
        const QCborMap newerStatus{{5, 6},
                                   {6, QCborArray{QStringLiteral("10.0.0.0/33"), QStringLiteral("198.51.100.0/24")}},
                                   {7, QCborArray{QCborMap{{9, 80}}, QCborMap{{8, 443}}}},
                                   {14, 100},
                                   {16, 99}};
        const QCborMap message{{1, QCborMap{{2, QCborArray{good, newerStatus}}}}};

        QVERIFY(!cborToJson(message).ok()); // a server (and dots-cbor) refuses it

        QStringList skipped;
        Options options;
        options.badValues = BadValues::Skip;
        options.skipped = &skipped;
        const auto json = cborToJson(message, options);
        QVERIFY2(json.ok(), qPrintable(json.errorString()));
        const QJsonArray scopes = json.value()[QStringLiteral("ietf-dots-signal-channel:mitigation-scope")]
                                      [QStringLiteral("scope")].toArray();
        QCOMPARE(scopes.size(), 2);
        QCOMPARE(scopes[0][QStringLiteral("status")].toString(), QStringLiteral("attack-mitigation-in-progress"));
        const QJsonObject second = scopes[1].toObject();
        QCOMPARE(second[QStringLiteral("mid")].toInteger(), 6);
        QVERIFY(!second.contains(QStringLiteral("status")));
        QCOMPARE(second[QStringLiteral("target-prefix")].toArray(), QJsonArray{QStringLiteral("198.51.100.0/24")});
        QCOMPARE(second[QStringLiteral("target-port-range")].toArray().size(), 1);
        const QString at = QStringLiteral("ietf-dots-signal-channel:mitigation-scope.scope[1]");
        QCOMPARE(skipped, (QStringList{
                              at + QStringLiteral(".target-prefix[0]: \"10.0.0.0/33\" has an invalid prefix length (0..32)"),
                              at + QStringLiteral(".target-port-range[0]: missing mandatory \"lower-port\""),
                              at + QStringLiteral(".status: 99 is not a valid status value"),
                          }));

        // An unknown comprehension-required key still rejects the whole message (RFC 9132
        // section 6): the receiver cannot know what it would change.
        QCborMap unknownRequired = good;
        unknownRequired.insert(9999, 1);
        skipped.clear();
        const auto refused = cborToJson(QCborMap{{1, QCborMap{{2, QCborArray{unknownRequired, newerStatus}}}}}, options);
        QVERIFY(!refused.ok());
        QCOMPARE(refused.errorString(), QStringLiteral("ietf-dots-signal-channel:mitigation-scope.scope[0]: unknown comprehension-required key 9999"));
    }
};

QTEST_APPLESS_MAIN(TestCodecErrors)
#include "tst_codec_errors.moc"

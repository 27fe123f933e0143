// SPDX-License-Identifier: GPL-3.0-or-later
// The schema tree against the registered CBOR keys (RFC 9132, 9133, 9244, 9066, 9362).
#include "codec/Schema.h"

#include <QSet>
#include <QTest>

#include <map>

using namespace dots::codec;

namespace {

// Every key the codec knows, with its YANG name (module prefix dropped).
const std::map<quint32, const char *> kExpected = {
    {1, "mitigation-scope"}, {2, "scope"}, {3, "cdid"}, {4, "cuid"}, {5, "mid"}, {6, "target-prefix"},
    {7, "target-port-range"}, {8, "lower-port"}, {9, "upper-port"}, {10, "target-protocol"},
    {11, "target-fqdn"}, {12, "target-uri"}, {13, "alias-name"}, {14, "lifetime"}, {15, "mitigation-start"},
    {16, "status"}, {17, "conflict-information"}, {18, "conflict-status"}, {19, "conflict-cause"},
    {20, "retry-timer"}, {21, "conflict-scope"}, {22, "acl-list"}, {23, "acl-name"}, {24, "acl-type"},
    {25, "bytes-dropped"}, {26, "bps-dropped"}, {27, "pkts-dropped"}, {28, "pps-dropped"},
    {29, "attack-status"}, {30, "signal-config"}, {31, "sid"}, {32, "mitigating-config"},
    {33, "heartbeat-interval"}, {34, "max-value"}, {35, "min-value"}, {36, "current-value"},
    {37, "missing-hb-allowed"}, {38, "max-retransmit"}, {39, "ack-timeout"}, {40, "ack-random-factor"},
    {41, "max-value-decimal"}, {42, "min-value-decimal"}, {43, "current-value-decimal"}, {44, "idle-config"},
    {45, "trigger-mitigation"}, {46, "redirected-signal"}, {47, "alt-server"}, {48, "alt-server-record"},
    {49, "heartbeat"}, {50, "probing-rate"}, {51, "peer-hb-status"}, {52, "activation-type"}, {53, "acl-list"},
    {128, "tsid"}, {129, "telemetry"}, {130, "low-percentile"}, {131, "mid-percentile"},
    {132, "high-percentile"}, {133, "unit-config"}, {134, "unit"}, {135, "unit-status"},
    {136, "total-pipe-capacity"}, {137, "link-id"}, {138, "pre-or-ongoing-mitigation"},
    {139, "total-traffic-normal"}, {140, "low-percentile-g"}, {141, "mid-percentile-g"},
    {142, "high-percentile-g"}, {143, "peak-g"}, {144, "total-attack-traffic"}, {145, "total-traffic"},
    {146, "total-connection-capacity"}, {147, "connection"}, {148, "connection-client"}, {149, "embryonic"},
    {150, "embryonic-client"}, {151, "connection-ps"}, {152, "connection-client-ps"}, {153, "request-ps"},
    {154, "request-client-ps"}, {155, "partial-request-max"}, {156, "partial-request-client-max"},
    {157, "total-attack-connection"}, {158, "connection-c"}, {159, "embryonic-c"}, {160, "connection-ps-c"},
    {161, "request-ps-c"}, {162, "attack-detail"}, {163, "id"}, {164, "attack-id"},
    {165, "attack-description"}, {166, "attack-severity"}, {167, "start-time"}, {168, "end-time"},
    {169, "source-count"}, {170, "top-talker"}, {171, "spoofed-status"}, {172, "partial-request-c"},
    {173, "total-attack-connection-protocol"}, {174, "baseline"}, {175, "current-config"},
    {176, "max-config-values"}, {177, "min-config-values"}, {178, "supported-unit-classes"},
    {179, "server-originated-telemetry"}, {180, "telemetry-notify-interval"}, {181, "tmid"},
    {182, "measurement-interval"}, {183, "measurement-sample"}, {184, "talker"}, {185, "source-prefix"},
    {186, "mid-list"}, {187, "source-port-range"}, {188, "source-icmp-type-range"}, {189, "target"},
    {190, "capacity"}, {191, "protocol"}, {192, "total-traffic-normal-per-protocol"},
    {193, "total-traffic-normal-per-port"}, {194, "total-connection-capacity-per-port"},
    {195, "total-traffic-protocol"}, {196, "total-traffic-port"}, {197, "total-attack-traffic-protocol"},
    {198, "total-attack-traffic-port"}, {199, "total-attack-connection-port"}, {200, "port"},
    {201, "supported-query-type"}, {202, "vendor-id"}, {203, "telemetry-setup"}, {204, "total-traffic"},
    {205, "total-attack-traffic"}, {206, "total-attack-connection"}, {207, "attack-detail"},
    {208, "telemetry"}, {209, "current-g"}, {210, "description-lang"},
    {32768, "source-prefix"}, {32769, "source-port-range"}, {32770, "source-icmp-type-range"},
    {32771, "lower-type"}, {32772, "upper-type"}, {32776, "max-payloads"}, {32777, "non-max-retransmit"},
    {32778, "non-timeout"}, {32779, "non-receive-timeout"}, {32780, "non-probing-wait"},
    {32781, "non-partial-wait"},
};

void walk(const SchemaNode &node, const QString &path, std::map<quint32, QSet<QString>> &names, QStringList &problems)
{
    QSet<quint32> keys;
    QSet<QString> memberNames;
    for (const SchemaNode &child : node.children) {
        const QString childPath = path + u'/' + child.name;
        if (keys.contains(child.key))
            problems << childPath + QStringLiteral(": key %1 twice in one parent").arg(child.key);
        if (memberNames.contains(child.name))
            problems << childPath + QStringLiteral(": name twice in one parent");
        keys.insert(child.key);
        memberNames.insert(child.name);
        names[child.key].insert(child.localName());
        if (child.kind == NodeKind::Container || child.kind == NodeKind::List) {
            if (!child.children.size() && child.key != 50)
                problems << childPath + QStringLiteral(": empty container");
        } else if (child.type == LeafType::Enumeration && !child.enumeration) {
            problems << childPath + QStringLiteral(": enumeration without values");
        }
        for (const auto &[low, high] : child.notGreater) {
            if (!child.childByKey(low) || !child.childByKey(high))
                problems << childPath + QStringLiteral(": ordering rule names a missing child");
        }
        walk(child, childPath, names, problems);
    }
}

} // namespace

class TestCodecSchema : public QObject {
    Q_OBJECT
private slots:
    void everyKeyHasOneNameAndTheRegisteredOne()
    {
        std::map<quint32, QSet<QString>> names;
        QStringList problems;
        walk(schemaRoot(), QString(), names, problems);
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));

        for (const auto &[key, set] : names) {
            QVERIFY2(set.size() == 1, qPrintable(QStringLiteral("key %1 has names %2").arg(key).arg(set.values().join(u','))));
            const auto expected = kExpected.find(key);
            QVERIFY2(expected != kExpected.end(), qPrintable(QStringLiteral("unexpected key %1").arg(key)));
            QCOMPARE(*set.begin(), QString::fromLatin1(expected->second));
        }
        for (const auto &[key, name] : kExpected)
            QVERIFY2(names.count(key) == 1, qPrintable(QStringLiteral("key %1 (%2) is missing").arg(key).arg(name)));
        QCOMPARE(keyTable().size(), kExpected.size());
    }

    void contextDependentNames()
    {
        const SchemaNode &root = schemaRoot();
        // "unit": unit-class (3 values) in unit-config, the 24-value unit in traffic data.
        const SchemaNode *setup = root.childByKey(203);
        QVERIFY(setup);
        const SchemaNode *unitClass = setup->childByKey(129)->childByKey(175)->childByKey(133)->childByKey(134);
        const SchemaNode *pipeUnit = setup->childByKey(129)->childByKey(136)->childByKey(134);
        QCOMPARE(unitClass->enumeration, &enums::unitClass);
        QCOMPARE(pipeUnit->enumeration, &enums::unit);
        // Percentiles: decimal64 in the configuration, gauge64 (-g) in traffic data.
        QCOMPARE(setup->childByKey(129)->childByKey(175)->childByKey(130)->type, LeafType::Decimal64);
        QCOMPARE(setup->childByKey(129)->childByKey(174)->childByKey(139)->childByKey(140)->type, LeafType::Uint64);
        // source-prefix: one prefix in a talker, a leaf-list in call home.
        const SchemaNode *scope = root.childByKey(1)->childByKey(2);
        QCOMPARE(scope->childByKey(32768)->kind, NodeKind::LeafList);
        const SchemaNode *talker = scope->childByKey(207)->childByKey(170)->childByKey(184);
        QCOMPARE(talker->childByKey(185)->kind, NodeKind::Leaf);
        // top-talker-aggregate (in a mitigation) vs top-talker (in telemetry data).
        QVERIFY(talker->childByKey(157));
        QVERIFY(!talker->childByKey(173));
        const SchemaNode *dataTalker = root.childByKey(208)->childByKey(138)->childByKey(162)->childByKey(170)->childByKey(184);
        QVERIFY(dataTalker->childByKey(173));
        QVERIFY(!dataTalker->childByKey(157));
        // acl-list: RFC 9133's (53, qualified) in a scope, RFC 9132's (22) in a conflict scope.
        QCOMPARE(scope->childByKey(53)->name, QStringLiteral("ietf-dots-signal-control:acl-list"));
        QCOMPARE(scope->childByKey(17)->childByKey(21)->childByKey(22)->name, QStringLiteral("acl-list"));
    }

    void comprehensionRanges()
    {
        QVERIFY(!isComprehensionOptional(0));
        QVERIFY(!isComprehensionOptional(127));
        QVERIFY(isComprehensionOptional(128));
        QVERIFY(isComprehensionOptional(255));
        QVERIFY(!isComprehensionOptional(256));
        QVERIFY(!isComprehensionOptional(16383));
        QVERIFY(isComprehensionOptional(16384));
        QVERIFY(isComprehensionOptional(32768));
        QVERIFY(isComprehensionOptional(65535));
        QVERIFY(!isComprehensionOptional(65536));
    }
};

QTEST_APPLESS_MAIN(TestCodecSchema)
#include "tst_codec_schema.moc"

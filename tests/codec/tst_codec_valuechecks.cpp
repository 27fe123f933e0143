// SPDX-License-Identifier: GPL-3.0-or-later
// The free value checks that forms share with the codec.
#include "codec/Decimal64.h"
#include "codec/IpAddress.h"
#include "codec/ValueChecks.h"

#include <QTest>

using namespace dots::codec;

class TestCodecValueChecks : public QObject {
    Q_OBJECT
private slots:
    void prefixes_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("valid");
        QTest::newRow("v4") << "192.0.2.0/24" << true;
        QTest::newRow("v4 host") << "192.0.2.1/32" << true;
        QTest::newRow("v4 default") << "0.0.0.0/0" << true;
        QTest::newRow("v4 host bits set") << "1.1.2.11/28" << true; // valid, not canonical
        QTest::newRow("v6") << "2001:db8:6401::/48" << true;
        QTest::newRow("v6 full") << "2001:0db8:0000:0000:0000:0000:0000:0001/128" << true;
        QTest::newRow("v6 mapped v4") << "::ffff:192.0.2.1/128" << true;
        QTest::newRow("v6 all zero") << "::/0" << true;
        QTest::newRow("v6 trailing gap") << "2001:db8::/32" << true;
        QTest::newRow("no length") << "192.0.2.0" << false;
        QTest::newRow("empty length") << "192.0.2.0/" << false;
        QTest::newRow("length 33") << "192.0.2.0/33" << false;
        QTest::newRow("length 129") << "2001:db8::/129" << false;
        QTest::newRow("leading zero length") << "192.0.2.0/024" << false;
        QTest::newRow("negative length") << "192.0.2.0/-1" << false;
        QTest::newRow("octet 256") << "192.0.256.0/24" << false;
        QTest::newRow("leading zero octet") << "192.0.02.0/24" << false;
        QTest::newRow("three octets") << "192.0.2/24" << false;
        QTest::newRow("two gaps") << "2001::db8::1/64" << false;
        QTest::newRow("nine groups") << "1:2:3:4:5:6:7:8:9/64" << false;
        QTest::newRow("group too long") << "2001:db8:12345::/64" << false;
        QTest::newRow("zone in prefix") << "fe80::1%eth0/64" << false;
        QTest::newRow("trailing colon") << "2001:db8:/32" << false;
        QTest::newRow("text") << "example.com/24" << false;
    }

    void prefixes()
    {
        QFETCH(QString, text);
        QFETCH(bool, valid);
        QCOMPARE(!checkIpPrefix(text).has_value(), valid);
    }

    void canonicalPrefixes()
    {
        QCOMPARE(canonicalIpPrefix(u"1.1.2.11/28"), QStringLiteral("1.1.2.0/28"));
        QCOMPARE(canonicalIpPrefix(u"2001:0DB8:0:0:1:0:0:1/32"), QStringLiteral("2001:db8::/32"));
        QCOMPARE(canonicalIpPrefix(u"2001:db8:0:0:1:0:0:1/128"), QStringLiteral("2001:db8::1:0:0:1/128"));
        QCOMPARE(canonicalIpPrefix(u"nonsense"), QString());
        QCOMPARE(*checkIpPrefix(u"1.1.2.11/28", PrefixForm::RequireCanonical),
                 QStringLiteral("\"1.1.2.11/28\" has host bits set; the prefix is 1.1.2.0/28"));
        QVERIFY(!checkIpPrefix(u"1.1.2.0/28", PrefixForm::RequireCanonical));
    }

    void addresses()
    {
        QVERIFY(!checkIpAddress(u"192.0.2.1"));
        QVERIFY(!checkIpAddress(u"2001:db8::1"));
        QVERIFY(checkIpAddress(u"fe80::1%eth0"));
        QVERIFY(!checkIpAddress(u"fe80::1%eth0", true));
        QVERIFY(checkIpAddress(u"fe80::1%", true));
        QVERIFY(checkIpAddress(u"192.0.2.1/32"));
    }

    void portsAndProtocols()
    {
        QVERIFY(!checkPort(0));
        QVERIFY(!checkPort(65535));
        QCOMPARE(*checkPort(65536), QStringLiteral("65536 is out of range 0..65535"));
        QCOMPARE(*checkPort(-1), QStringLiteral("-1 is out of range 0..65535"));
        QVERIFY(!checkPortRange(80, std::nullopt));
        QVERIFY(!checkPortRange(80, 80));
        QCOMPARE(*checkPortRange(443, 80), QStringLiteral("upper-port 80 is below lower-port 443"));
        QCOMPARE(*checkPortRange(1, 70000), QStringLiteral("70000 is out of range 0..65535"));
        QVERIFY(!checkProtocol(6));
        QCOMPARE(*checkProtocol(256), QStringLiteral("256 is out of range 0..255"));
        QCOMPARE(*checkIcmpTypeRange(8, 3), QStringLiteral("upper-type 3 is below lower-type 8"));
    }

    void names()
    {
        QVERIFY(!checkFqdn(u"www.example.com"));
        QVERIFY(!checkFqdn(u"www.example.com."));
        QVERIFY(!checkFqdn(u"_sip._udp.example.com"));
        QVERIFY(!checkFqdn(u"localhost"));
        QVERIFY(checkFqdn(u""));
        QVERIFY(checkFqdn(u"."));
        QVERIFY(checkFqdn(u"-bad.example.com"));
        QVERIFY(checkFqdn(u"bad-.example.com"));
        QVERIFY(checkFqdn(u"sp ace.example.com"));
        QVERIFY(checkFqdn(QString(64, u'a') + QStringLiteral(".com")));
        QVERIFY(checkFqdn((QString(63, u'a') + u'.').repeated(4) + QStringLiteral("com")));

        QVERIFY(!checkUri(u"https://www.example.com/login"));
        QVERIFY(!checkUri(u"urn:ietf:params:xml:ns:yang:ietf-dots-signal-channel"));
        QVERIFY(checkUri(u"www.example.com"));
        QVERIFY(checkUri(u"https://exa mple.com"));
        QVERIFY(checkUri(u"1http://x"));

        QVERIFY(!checkLanguageTag(u"en-US"));
        QVERIFY(!checkLanguageTag(u"zh-Hant-TW"));
        QVERIFY(!checkLanguageTag(u"es-419"));
        QVERIFY(checkLanguageTag(u"en_US"));
        QVERIFY(checkLanguageTag(u"-en"));
    }

    void lifetimes()
    {
        QVERIFY(!checkLifetime(-1));
        QVERIFY(!checkLifetime(0));
        QVERIFY(!checkLifetime(4294967295LL));
        QVERIFY(checkLifetime(4294967296LL));
        QVERIFY(checkLifetime(-2));
        QCOMPARE(*checkLifetime(0, LifetimeUse::Request), QStringLiteral("0 is not a valid lifetime in a mitigation request"));
        QVERIFY(!checkLifetime(-1, LifetimeUse::Request));
    }

    void mids()
    {
        QVERIFY(!checkNewMid(1, std::nullopt));
        QVERIFY(!checkNewMid(5, 4));
        QCOMPARE(*checkNewMid(4, 4), QStringLiteral("mid 4 must be greater than 4, the highest mid in use"));
        QVERIFY(!midShouldReset(kMidResetThreshold - 1));
        QVERIFY(midShouldReset(kMidResetThreshold));
    }

    void decimals()
    {
        QCOMPARE(decimalToText(decimalFromText(u"1.5", 2).value()), QStringLiteral("1.50"));
        QCOMPARE(decimalToText(decimalFromText(u"-0.05", 2).value()), QStringLiteral("-0.05"));
        QCOMPARE(decimalToText(decimalFromText(u"+3", 2).value()), QStringLiteral("3.00"));
        QCOMPARE(decimalToText(decimalFromDouble(1.1, 2).value()), QStringLiteral("1.10"));
        QCOMPARE(decimalToText(decimalFromDouble(247.0, 2).value()), QStringLiteral("247.00"));
        QCOMPARE(decimalToText(Decimal64{std::numeric_limits<qint64>::min(), 2}), QStringLiteral("-92233720368547758.08"));
        QVERIFY(!decimalFromText(u"1.", 2).ok());
        QVERIFY(!decimalFromText(u".5", 2).ok());
        QVERIFY(!decimalFromText(u"1e3", 2).ok());
        QVERIFY(!decimalFromText(u"", 2).ok());
        QVERIFY(!decimalFromText(u"99999999999999999999", 2).ok());
        QCOMPARE(decimalFromCbor(decimalToCbor({150, 2}), 2).value(), (Decimal64{150, 2}));
    }
};

QTEST_APPLESS_MAIN(TestCodecValueChecks)
#include "tst_codec_valuechecks.moc"

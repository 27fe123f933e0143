// SPDX-License-Identifier: GPL-3.0-or-later
#include "TestPki.h"
#include "profiles/CertificateDetails.h"
#include "profiles/ProfileChecks.h"
#include "profiles/ProfileStore.h"
#include "types/Cuid.h"

#include <QFile>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using namespace dots;
using namespace dots::profiles;

// The profile store against a real QSettings file, and the checks against certificates
// made by openssl for this run.
class ProfileStoreTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void freshStoreRunsTheDemo();
    void roundTrip();
    void duplicateAndRemove();
    void brokenValuesReadBackSafely();
    void certificateDetails();
    void validityOverTime();
    void fieldChecks();
    void keyMustMatchCertificate();

private:
    signal::ServerProfile sampleProfile() const;
    QString writeFile(const QString &name, const QByteArray &content);

    dots::test::TestPki m_pki;
    QTemporaryDir m_dir;
};

void ProfileStoreTest::initTestCase()
{
    QVERIFY2(m_pki.isValid(), qPrintable(m_pki.errorString()));
    QVERIFY(m_dir.isValid());
}

signal::ServerProfile ProfileStoreTest::sampleProfile() const
{
    signal::ServerProfile p;
    p.name = QStringLiteral("ISP scrubbing centre");
    p.host = QStringLiteral("dots.example.net");
    p.port = 4647;
    p.preference = transport::TransportPreference::TlsOnly;
    p.pki = {m_pki.client1().certificate, m_pki.client1().privateKey, m_pki.caCertificate(), QStringLiteral("dots-server.test")};
    p.dataChannelUrl = QUrl(QStringLiteral("https://dots.example.net:8443/restconf"));
    return p;
}

QString ProfileStoreTest::writeFile(const QString &name, const QByteArray &content)
{
    const QString path = m_dir.filePath(name);
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return {};
    f.write(content);
    return path;
}

void ProfileStoreTest::freshStoreRunsTheDemo()
{
    QSettings settings(m_dir.filePath(QStringLiteral("fresh.ini")), QSettings::IniFormat);
    ProfileStore store(settings);
    QVERIFY(store.profiles().isEmpty());
    QCOMPARE(store.activeId(), ProfileStore::kDemoId);
    QVERIFY(store.isDemoActive());
    QVERIFY(!store.activeProfile());
    // An active id that names nothing (edited by hand, or removed elsewhere) is the demo too.
    store.setActiveId(QStringLiteral("no-such-profile"));
    QVERIFY(store.isDemoActive());
}

void ProfileStoreTest::roundTrip()
{
    const QString file = m_dir.filePath(QStringLiteral("roundtrip.ini"));
    QString id;
    {
        QSettings settings(file, QSettings::IniFormat);
        ProfileStore store(settings);
        id = store.save({{}, sampleProfile()});
        QVERIFY(!id.isEmpty());
        QVERIFY(id != ProfileStore::kDemoId);
        store.setActiveId(id);
    }
    // A new QSettings on the same file: what a restarted console reads.
    QSettings settings(file, QSettings::IniFormat);
    ProfileStore store(settings);
    const auto list = store.profiles();
    QCOMPARE(list.size(), 1);
    QCOMPARE(list.first().id, id);
    const signal::ServerProfile expected = sampleProfile();
    const signal::ServerProfile &read = list.first().profile;
    QCOMPARE(read.name, expected.name);
    QCOMPARE(read.host, expected.host);
    QCOMPARE(read.port, expected.port);
    QCOMPARE(read.preference, expected.preference);
    QCOMPARE(read.pki.certificateFile, expected.pki.certificateFile);
    QCOMPARE(read.pki.privateKeyFile, expected.pki.privateKeyFile);
    QCOMPARE(read.pki.caFile, expected.pki.caFile);
    QCOMPARE(read.pki.peerName, expected.pki.peerName);
    QCOMPARE(read.dataChannelUrl, expected.dataChannelUrl);
    QCOMPARE(store.activeId(), id);
    QVERIFY(store.activeProfile());
    QCOMPARE(store.activeProfile()->profile.name, expected.name);

    // Editing keeps the id; every transport preference survives the trip.
    for (auto pref : {transport::TransportPreference::PreferDtls, transport::TransportPreference::PreferTls,
                      transport::TransportPreference::DtlsOnly, transport::TransportPreference::TlsOnly}) {
        StoredProfile edited = list.first();
        edited.profile.preference = pref;
        edited.profile.dataChannelUrl.clear();
        QCOMPARE(store.save(edited), id);
        QCOMPARE(store.profile(id)->profile.preference, pref);
        QVERIFY(store.profile(id)->profile.dataChannelUrl.isEmpty());
    }
    QCOMPARE(store.profiles().size(), 1);

    // Back to the demo without losing the profile.
    store.setActiveId(ProfileStore::kDemoId);
    QVERIFY(store.isDemoActive());
    QCOMPARE(store.profiles().size(), 1);
}

void ProfileStoreTest::duplicateAndRemove()
{
    QSettings settings(m_dir.filePath(QStringLiteral("duplicate.ini")), QSettings::IniFormat);
    ProfileStore store(settings);
    const QString id = store.save({{}, sampleProfile()});
    const QString copy = store.duplicate(id);
    QVERIFY(!copy.isEmpty());
    QVERIFY(copy != id);
    QCOMPARE(store.profile(copy)->profile.name, QStringLiteral("ISP scrubbing centre (copy)"));
    QCOMPARE(store.profile(copy)->profile.host, sampleProfile().host);
    const QString second = store.duplicate(id);
    QCOMPARE(store.profile(second)->profile.name, QStringLiteral("ISP scrubbing centre (copy 2)"));
    QCOMPARE(store.profiles().size(), 3);
    QVERIFY(store.duplicate(QStringLiteral("unknown")).isEmpty());

    store.setActiveId(copy);
    store.remove(copy);
    QCOMPARE(store.profiles().size(), 2);
    QVERIFY(!store.profile(copy));
    QVERIFY(store.isDemoActive()); // the removed active profile hands over to the demo
    store.remove(ProfileStore::kDemoId); // the demo cannot be removed
    QVERIFY(store.isDemoActive());
}

void ProfileStoreTest::brokenValuesReadBackSafely()
{
    const QString file = writeFile(QStringLiteral("broken.ini"),
                                   "[profiles]\nx\\name=Broken\nx\\host=h\nx\\port=99999\nx\\transport=carrier-pigeon\n");
    QSettings settings(file, QSettings::IniFormat);
    ProfileStore store(settings);
    const auto p = store.profile(QStringLiteral("x"));
    QVERIFY(p);
    QCOMPARE(p->profile.name, QStringLiteral("Broken"));
    QCOMPARE(p->profile.port, quint16(0));
    QVERIFY(checkServerPort(p->profile.port));
    QCOMPARE(p->profile.preference, transport::TransportPreference::PreferDtls);
    // The profile's problems in words, each naming its field.
    const QString words = describeProblems(checkProfile(p->profile));
    QVERIFY2(words.contains(QStringLiteral("port: 0 is not a port")), qPrintable(words));
    QVERIFY2(words.contains(QStringLiteral("client certificate: choose a file")), qPrintable(words));
}

void ProfileStoreTest::certificateDetails()
{
    QString error;
    const auto d = CertificateDetails::fromFile(m_pki.client1().certificate, &error);
    QVERIFY2(d, qPrintable(error));
    QCOMPARE(d->subject, QStringLiteral("CN=client1,O=DOTS Test"));
    QCOMPARE(d->issuer, QStringLiteral("CN=DOTS Test CA,O=DOTS Test"));
    QCOMPARE(d->subjectAltNames, QStringList{QStringLiteral("DNS:client1.test")});
    QFile f(m_pki.client1().certificate);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(d->cuid, dots::cuid::fromCertificate(f.readAll()).value());
    QCOMPARE(d->cuid.size(), dots::cuid::kLength);
    // make-test-pki.sh issues for 30 days, from now.
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QVERIFY(qAbs(d->notBefore.secsTo(now)) < 3600);
    QVERIFY(qAbs(d->notAfter.daysTo(now.addDays(30))) <= 1);

    const auto server = CertificateDetails::fromFile(m_pki.server().certificate, &error);
    QVERIFY(server);
    QCOMPARE(server->subjectAltNames, (QStringList{QStringLiteral("DNS:localhost"), QStringLiteral("DNS:dots-server.test"),
                                                    QStringLiteral("IP:127.0.0.1"), QStringLiteral("IP:0:0:0:0:0:0:0:1")}));

    QVERIFY(!CertificateDetails::fromFile(m_dir.filePath(QStringLiteral("missing.crt")), &error));
    QVERIFY2(error.contains(QStringLiteral("does not exist")), qPrintable(error));
    QVERIFY(!CertificateDetails::fromFile(writeFile(QStringLiteral("garbage.crt"), "not a certificate"), &error));
    QVERIFY2(error.contains(QStringLiteral("no certificate")), qPrintable(error));
}

void ProfileStoreTest::validityOverTime()
{
    QString error;
    const auto d = CertificateDetails::fromFile(m_pki.client1().certificate, &error);
    QVERIFY2(d, qPrintable(error));
    using V = CertificateDetails::Validity;
    QCOMPARE(d->validityAt(d->notBefore.addDays(1)), V::Valid);
    QCOMPARE(d->validityAt(d->notBefore.addSecs(-60)), V::NotYetValid);
    QCOMPARE(d->validityAt(d->notAfter.addDays(-3)), V::ExpiringSoon);
    QCOMPARE(d->validityAt(d->notAfter.addDays(2)), V::Expired);
    QVERIFY(d->validityText(d->notAfter.addDays(-3)).startsWith(QStringLiteral("expires soon")));
    QVERIFY(d->validityText(d->notAfter.addDays(-3)).contains(QStringLiteral("3 days left")));
    QVERIFY(d->validityText(d->notAfter.addDays(2)).startsWith(QStringLiteral("expired on")));
    QVERIFY(d->validityText(d->notBefore.addDays(1)).startsWith(QStringLiteral("valid until")));
}

void ProfileStoreTest::fieldChecks()
{
    QVERIFY(checkProfileName(QStringLiteral("Lab"), {}) == std::nullopt);
    QVERIFY(checkProfileName(QStringLiteral("  "), {}));
    QVERIFY(checkProfileName(QStringLiteral("lab"), {QStringLiteral("Lab")}));

    QVERIFY(checkHost(QStringLiteral("dots.example.net")) == std::nullopt);
    QVERIFY(checkHost(QStringLiteral("192.0.2.1")) == std::nullopt);
    QVERIFY(checkHost(QStringLiteral("2001:db8::1")) == std::nullopt);
    QVERIFY(checkHost(QString()));
    QVERIFY(checkHost(QStringLiteral(" host")));
    QVERIFY(checkHost(QStringLiteral("bad host!")));

    QVERIFY(checkServerPort(4646) == std::nullopt);
    QVERIFY(checkServerPort(65535) == std::nullopt);
    QVERIFY(checkServerPort(0));
    QVERIFY(checkServerPort(65536));

    QVERIFY(checkCertificateFile(m_pki.client1().certificate) == std::nullopt);
    QVERIFY(checkCertificateFile(QString()));
    QVERIFY(checkCertificateFile(m_pki.client1().privateKey)); // a key is not a certificate
    QVERIFY(checkCaFile(m_pki.caCertificate()) == std::nullopt);
    QVERIFY(checkCaFile(m_dir.filePath(QStringLiteral("none.pem"))));

    QVERIFY(checkExpectedServerName(QString()) == std::nullopt);
    QVERIFY(checkExpectedServerName(QStringLiteral("dots-server.test")) == std::nullopt);
    QVERIFY(checkExpectedServerName(QStringLiteral("no spaces please")));

    QVERIFY(checkDataChannelUrl(QString()) == std::nullopt);
    QVERIFY(checkDataChannelUrl(QStringLiteral("https://127.0.0.1:8443")) == std::nullopt);
    QVERIFY(checkDataChannelUrl(QStringLiteral("http://127.0.0.1:8443")));
    QVERIFY(checkDataChannelUrl(QStringLiteral("https://")));

    QVERIFY(checkProfile(sampleProfile()).isEmpty());
}

void ProfileStoreTest::keyMustMatchCertificate()
{
    const auto client1 = m_pki.client1();
    QVERIFY(checkPrivateKeyFile(client1.privateKey, client1.certificate) == std::nullopt);
    const auto mismatch = checkPrivateKeyFile(m_pki.client2().privateKey, client1.certificate);
    QVERIFY(mismatch);
    QVERIFY2(mismatch->contains(QStringLiteral("does not belong")), qPrintable(*mismatch));
    QVERIFY(checkPrivateKeyFile(client1.certificate, client1.certificate)); // a certificate is not a key
    QVERIFY(checkPrivateKeyFile(m_dir.filePath(QStringLiteral("none.key")), client1.certificate));
}

QTEST_GUILESS_MAIN(ProfileStoreTest)
#include "tst_profile_store.moc"

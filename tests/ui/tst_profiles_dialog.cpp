// SPDX-License-Identifier: GPL-3.0-or-later
#include "ProfileEditor.h"
#include "ProfilesDialog.h"
#include "TestPki.h"
#include "profiles/ProfileStore.h"
#include "types/Cuid.h"

#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace dots;
using namespace dots::ui;

// The profiles dialog on the offscreen platform, with certificates made by openssl for this
// run and a QSettings file of its own.
class ProfilesDialogTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void demoIsAChoiceOnAFreshMachine();
    void rejectsBadInputBesideTheField();
    void showsCertificateDetailsAndCuid();
    void createDuplicateDeleteAndConnect();
    void unsavedInvalidEditsAreNotLost();

private:
    void fill(ProfileEditor *editor, const QString &field, const QString &text);
    void fillValid(ProfileEditor *editor, const QString &name);
    void keepScreenshot(QWidget *w, const QString &name);
    QString clientCuid() const;

    dots::test::TestPki m_pki;
    QTemporaryDir m_dir;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<profiles::ProfileStore> m_store;
    int m_run = 0;
};

void ProfilesDialogTest::initTestCase()
{
    QVERIFY2(m_pki.isValid(), qPrintable(m_pki.errorString()));
    QVERIFY(m_dir.isValid());
}

void ProfilesDialogTest::init()
{
    m_settings = std::make_unique<QSettings>(m_dir.filePath(QStringLiteral("settings-%1.ini").arg(++m_run)),
                                             QSettings::IniFormat);
    m_store = std::make_unique<profiles::ProfileStore>(*m_settings);
}

void ProfilesDialogTest::cleanup()
{
    m_store.reset();
    m_settings.reset();
}

void ProfilesDialogTest::fill(ProfileEditor *editor, const QString &field, const QString &text)
{
    QLineEdit *edit = editor->field(field);
    QVERIFY2(edit, qPrintable(field));
    edit->selectAll();
    if (text.isEmpty())
        QTest::keyClick(edit, Qt::Key_Delete);
    else
        QTest::keyClicks(edit, text);
}

void ProfilesDialogTest::fillValid(ProfileEditor *editor, const QString &name)
{
    fill(editor, QStringLiteral("name"), name);
    fill(editor, QStringLiteral("host"), QStringLiteral("127.0.0.1"));
    fill(editor, QStringLiteral("port"), QStringLiteral("4646"));
    fill(editor, QStringLiteral("certificate"), m_pki.client1().certificate);
    fill(editor, QStringLiteral("privateKey"), m_pki.client1().privateKey);
    fill(editor, QStringLiteral("caCertificate"), m_pki.caCertificate());
}

void ProfilesDialogTest::keepScreenshot(QWidget *w, const QString &name)
{
    const QString dir = qEnvironmentVariable("DOTS_SCREENSHOT_DIR");
    if (dir.isEmpty())
        return;
    QTest::qWait(50); // let pending layout requests run, as the event loop would before painting
    QVERIFY(w->grab().save(QDir(dir).filePath(name)));
}

QString ProfilesDialogTest::clientCuid() const
{
    QFile f(m_pki.client1().certificate);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return dots::cuid::fromCertificate(f.readAll()).value_or(QString());
}

void ProfilesDialogTest::demoIsAChoiceOnAFreshMachine()
{
    ProfilesDialog dialog(m_store.get());
    dialog.show();
    QCOMPARE(dialog.list()->count(), 1);
    QCOMPARE(dialog.selectedId(), profiles::ProfileStore::kDemoId);
    QCOMPARE(dialog.list()->item(0)->text(), QStringLiteral("Demo simulator (active)"));
    QVERIFY(dialog.connectButton()->isEnabled());
    QVERIFY(!dialog.deleteButton()->isEnabled());
    QVERIFY(!dialog.duplicateButton()->isEnabled());
    QVERIFY(!dialog.editor()->isVisible());
}

void ProfilesDialogTest::rejectsBadInputBesideTheField()
{
    ProfilesDialog dialog(m_store.get());
    dialog.show();
    QTest::mouseClick(dialog.newButton(), Qt::LeftButton);
    ProfileEditor *editor = dialog.editor();
    QVERIFY(editor->isVisible());
    QVERIFY(!editor->isValid());
    QVERIFY(!dialog.saveButton()->isEnabled());
    QVERIFY(!dialog.connectButton()->isEnabled());
    QVERIFY(editor->problem(QStringLiteral("name")).contains(QStringLiteral("name")));
    QVERIFY(editor->problem(QStringLiteral("host")).contains(QStringLiteral("host name or IP")));

    fillValid(editor, QStringLiteral("Lab server"));
    QVERIFY2(editor->isValid(), qPrintable(editor->problem(QStringLiteral("privateKey"))));
    QVERIFY(dialog.saveButton()->isEnabled());

    fill(editor, QStringLiteral("port"), QStringLiteral("70000"));
    QVERIFY(editor->problem(QStringLiteral("port")).contains(QStringLiteral("1 to 65535")));
    QVERIFY(!dialog.saveButton()->isEnabled());
    fill(editor, QStringLiteral("port"), QStringLiteral("port"));
    QVERIFY(!editor->problem(QStringLiteral("port")).isEmpty());
    fill(editor, QStringLiteral("port"), QStringLiteral("4646"));
    QVERIFY(editor->problem(QStringLiteral("port")).isEmpty());

    fill(editor, QStringLiteral("host"), QStringLiteral("bad host!"));
    QVERIFY(!editor->problem(QStringLiteral("host")).isEmpty());
    fill(editor, QStringLiteral("host"), QStringLiteral("dots.example.net"));
    QVERIFY(editor->problem(QStringLiteral("host")).isEmpty());

    const QString missing = m_dir.filePath(QStringLiteral("no-such.crt"));
    fill(editor, QStringLiteral("certificate"), missing);
    QCOMPARE(editor->problem(QStringLiteral("certificate")), QStringLiteral("%1 does not exist").arg(missing));
    QCOMPARE(editor->findChild<QLabel *>(QStringLiteral("certificateCuid"))->text(), QStringLiteral("—"));
    fill(editor, QStringLiteral("certificate"), m_pki.client1().privateKey);
    QVERIFY(editor->problem(QStringLiteral("certificate")).contains(QStringLiteral("no certificate")));
    fill(editor, QStringLiteral("certificate"), m_pki.client1().certificate);
    QVERIFY(editor->problem(QStringLiteral("certificate")).isEmpty());

    fill(editor, QStringLiteral("privateKey"), m_pki.client2().privateKey);
    QVERIFY(editor->problem(QStringLiteral("privateKey")).contains(QStringLiteral("does not belong")));
    fill(editor, QStringLiteral("caCertificate"), m_dir.filePath(QStringLiteral("none.pem")));
    QVERIFY(!editor->problem(QStringLiteral("caCertificate")).isEmpty());
    fill(editor, QStringLiteral("dataChannelUrl"), QStringLiteral("http://127.0.0.1:8443"));
    QVERIFY(editor->problem(QStringLiteral("dataChannelUrl")).contains(QStringLiteral("https")));
    QVERIFY(!editor->isValid());
    keepScreenshot(&dialog, QStringLiteral("profiles-dialog-errors.png"));

    // Saving is refused with a reason, nothing is stored.
    QVERIFY(!dialog.saveCurrent());
    QVERIFY(dialog.statusText().contains(QStringLiteral("fix the fields")));
    QVERIFY(m_store->profiles().isEmpty());

    fill(editor, QStringLiteral("privateKey"), m_pki.client1().privateKey);
    fill(editor, QStringLiteral("caCertificate"), m_pki.caCertificate());
    fill(editor, QStringLiteral("dataChannelUrl"), QStringLiteral("https://127.0.0.1:8443"));
    QVERIFY(editor->isValid());
    QVERIFY(dialog.saveButton()->isEnabled());

    // A second profile may not take the first one's name.
    QVERIFY(dialog.saveCurrent());
    QTest::mouseClick(dialog.newButton(), Qt::LeftButton);
    fillValid(dialog.editor(), QStringLiteral("lab SERVER"));
    QVERIFY(dialog.editor()->problem(QStringLiteral("name")).contains(QStringLiteral("another profile")));
}

void ProfilesDialogTest::showsCertificateDetailsAndCuid()
{
    ProfilesDialog dialog(m_store.get());
    dialog.show();
    QTest::mouseClick(dialog.newButton(), Qt::LeftButton);
    ProfileEditor *editor = dialog.editor();
    fillValid(editor, QStringLiteral("Lab server"));
    const QString summary = editor->certificateSummary();
    QVERIFY2(summary.contains(QStringLiteral("Subject: CN=client1,O=DOTS Test")), qPrintable(summary));
    QVERIFY2(summary.contains(QStringLiteral("Issuer: CN=DOTS Test CA,O=DOTS Test")), qPrintable(summary));
    QVERIFY2(summary.contains(QStringLiteral("Alternative names: DNS:client1.test")), qPrintable(summary));
    QVERIFY(!clientCuid().isEmpty());
    QCOMPARE(editor->findChild<QLabel *>(QStringLiteral("certificateCuid"))->text(), clientCuid());
    // The test certificates are good for 30 days from now.
    auto *validity = editor->findChild<QLabel *>(QStringLiteral("certificateValidity"));
    QVERIFY2(validity->text().startsWith(QStringLiteral("valid until")), qPrintable(validity->text()));
    QVERIFY2(validity->text().contains(QStringLiteral("days left")), qPrintable(validity->text()));
    keepScreenshot(&dialog, QStringLiteral("profiles-dialog.png"));

    // Seen from 25 days on it expires soon; from 40 days on it has expired.
    editor->setReferenceTime(QDateTime::currentDateTimeUtc().addDays(25));
    QVERIFY2(validity->text().startsWith(QStringLiteral("expires soon")), qPrintable(validity->text()));
    editor->setReferenceTime(QDateTime::currentDateTimeUtc().addDays(40));
    QVERIFY2(validity->text().startsWith(QStringLiteral("expired on")), qPrintable(validity->text()));
    QVERIFY(editor->findChild<QLabel *>(QStringLiteral("caSummary"))->text().contains(QStringLiteral("expired on")));
    keepScreenshot(&dialog, QStringLiteral("profiles-dialog-expired.png"));
}

void ProfilesDialogTest::createDuplicateDeleteAndConnect()
{
    ProfilesDialog dialog(m_store.get());
    QStringList asked;
    dialog.setConfirmation([&asked](const QString &, const QString &question) {
        asked << question;
        return true;
    });
    dialog.show();
    QTest::mouseClick(dialog.newButton(), Qt::LeftButton);
    fillValid(dialog.editor(), QStringLiteral("Lab server"));
    dialog.editor()->transportBox()->setCurrentIndex(3); // TLS only
    fill(dialog.editor(), QStringLiteral("serverName"), QStringLiteral("dots-server.test"));
    QTest::mouseClick(dialog.saveButton(), Qt::LeftButton);
    QCOMPARE(m_store->profiles().size(), 1);
    const auto saved = m_store->profiles().first();
    QCOMPARE(saved.profile.name, QStringLiteral("Lab server"));
    QCOMPARE(saved.profile.port, quint16(4646));
    QCOMPARE(saved.profile.preference, transport::TransportPreference::TlsOnly);
    QCOMPARE(saved.profile.pki.peerName, QStringLiteral("dots-server.test"));
    QCOMPARE(saved.profile.pki.certificateFile, m_pki.client1().certificate);
    QCOMPARE(dialog.list()->count(), 2);
    QCOMPARE(dialog.selectedId(), saved.id);

    QTest::mouseClick(dialog.duplicateButton(), Qt::LeftButton);
    QCOMPARE(m_store->profiles().size(), 2);
    QCOMPARE(dialog.editor()->field(QStringLiteral("name"))->text(), QStringLiteral("Lab server (copy)"));
    const QString copyId = dialog.selectedId();
    QVERIFY(copyId != saved.id);

    // Editing the copy keeps the original as it was.
    fill(dialog.editor(), QStringLiteral("port"), QStringLiteral("5000"));
    QVERIFY(dialog.saveCurrent());
    QCOMPARE(m_store->profile(copyId)->profile.port, quint16(5000));
    QCOMPARE(m_store->profile(saved.id)->profile.port, quint16(4646));

    QTest::mouseClick(dialog.deleteButton(), Qt::LeftButton);
    QCOMPARE(asked.size(), 1);
    QVERIFY(asked.first().contains(QStringLiteral("Lab server (copy)")));
    QCOMPARE(m_store->profiles().size(), 1);
    QVERIFY(!m_store->profile(copyId));

    QSignalSpy chosen(&dialog, &ProfilesDialog::connectRequested);
    dialog.selectProfile(saved.id);
    QTest::mouseClick(dialog.connectButton(), Qt::LeftButton);
    QCOMPARE(chosen.size(), 1);
    QCOMPARE(chosen.first().first().toString(), saved.id);
    QCOMPARE(m_store->activeId(), saved.id);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));

    // Back to the demo: it stays one choice among the profiles.
    ProfilesDialog again(m_store.get());
    QSignalSpy chosenAgain(&again, &ProfilesDialog::connectRequested);
    QCOMPARE(again.selectedId(), saved.id); // opens on the active profile
    again.selectProfile(profiles::ProfileStore::kDemoId);
    QTest::mouseClick(again.connectButton(), Qt::LeftButton);
    QCOMPARE(chosenAgain.size(), 1);
    QVERIFY(m_store->isDemoActive());
    QCOMPARE(m_store->profiles().size(), 1);
}

void ProfilesDialogTest::unsavedInvalidEditsAreNotLost()
{
    ProfilesDialog dialog(m_store.get());
    dialog.show();
    QTest::mouseClick(dialog.newButton(), Qt::LeftButton);
    fillValid(dialog.editor(), QStringLiteral("Half done"));
    fill(dialog.editor(), QStringLiteral("host"), QString());
    // Choosing another entry keeps the half-done profile on screen, with the reason.
    dialog.selectProfile(profiles::ProfileStore::kDemoId);
    QVERIFY(dialog.editor()->isVisible());
    QCOMPARE(dialog.editor()->field(QStringLiteral("name"))->text(), QStringLiteral("Half done"));
    QVERIFY(dialog.statusText().contains(QStringLiteral("fix the fields")));
    // Once valid, leaving it saves it.
    fill(dialog.editor(), QStringLiteral("host"), QStringLiteral("127.0.0.1"));
    dialog.selectProfile(profiles::ProfileStore::kDemoId);
    QCOMPARE(m_store->profiles().size(), 1);
    QCOMPARE(m_store->profiles().first().profile.name, QStringLiteral("Half done"));
}

QTEST_MAIN(ProfilesDialogTest)
#include "tst_profiles_dialog.moc"

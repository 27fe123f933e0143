// SPDX-License-Identifier: GPL-3.0-or-later
// The console's choice of server against real simulators over DTLS on 127.0.0.1: a saved
// active profile, broken profiles refused in words, switching through the profiles dialog,
// and back to the demo simulator.
#include "ConnectionStatusWidget.h"
#include "ConsoleConnection.h"
#include "DemoClientProfile.h"
#include "NewMitigationDialog.h"
#include "NoticeBar.h"
#include "MainWindow.h"
#include "NoticeBar.h"
#include "ProfilesDialog.h"
#include "SimulatorProcess.h"
#include "TestPki.h"
#include "models/MitigationTableModel.h"
#include "models/SignalEventLogModel.h"
#include "pki/PkiGenerator.h"
#include "profiles/ProfileStore.h"
#include "signal/SignalChannel.h"

#include <QCoro/QCoroTask>

#include <QAction>
#include <QListWidget>
#include <QMenuBar>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QToolButton>
#include <QTemporaryDir>
#include <QTest>
#include <QUdpSocket>

using namespace dots;
using State = signal::SignalChannel::State;

class ConsoleConnectionTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void connectsToTheActiveProfile();
    void brokenProfilesAreRefusedInWords();
    void switchesThroughTheDialogAndBackToTheDemo();

private:
    QString lastNotice() const { return m_window->notice()->text(); }

    QTemporaryDir m_dir;
    QString m_pkiDir;
    SimulatorProcess m_sim;
    dots::test::TestPki m_otherPki;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<profiles::ProfileStore> m_store;
    std::unique_ptr<signal::SignalChannel> m_channel;
    std::unique_ptr<models::MitigationTableModel> m_mitigations;
    std::unique_ptr<models::SignalEventLogModel> m_log;
    std::unique_ptr<ui::MainWindow> m_window;
    std::unique_ptr<ConsoleConnection> m_connection;
    int m_run = 0;
};

void ConsoleConnectionTest::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY2(m_otherPki.isValid(), qPrintable(m_otherPki.errorString()));
    m_pkiDir = m_dir.filePath(QStringLiteral("pki"));
    QCOMPARE(pki::PkiGenerator::ensure(m_pkiDir), QString());
    const QString started = m_sim.start(m_pkiDir);
    QVERIFY2(started.isEmpty(), qPrintable(started));
}

void ConsoleConnectionTest::init()
{
    m_settings = std::make_unique<QSettings>(m_dir.filePath(QStringLiteral("console-%1.ini").arg(++m_run)), QSettings::IniFormat);
    m_store = std::make_unique<profiles::ProfileStore>(*m_settings);
    m_channel = std::make_unique<signal::SignalChannel>();
    m_mitigations = std::make_unique<models::MitigationTableModel>();
    m_log = std::make_unique<models::SignalEventLogModel>();
    m_mitigations->attach(m_channel.get());
    m_log->attach(m_channel.get());
    m_window = std::make_unique<ui::MainWindow>(m_mitigations.get(), m_log.get());
    ConsoleConnection::DemoSetup demo;
    demo.simulator = SimulatorProcess::executable();
    demo.pkiDirectory = m_dir.filePath(QStringLiteral("demo-pki-%1").arg(m_run));
    demo.scenario = QStringLiteral(DOTS_DEMO_SCENARIO);
    m_connection = std::make_unique<ConsoleConnection>(m_channel.get(), m_window.get(), m_store.get(), demo);
    m_window->show();
}

void ConsoleConnectionTest::cleanup()
{
    m_connection.reset();
    m_window.reset();
    m_channel.reset();
    m_log.reset();
    m_mitigations.reset();
    m_store.reset();
    m_settings.reset();
}

void ConsoleConnectionTest::connectsToTheActiveProfile()
{
    signal::ServerProfile lab = test::demoClientProfile(m_pkiDir, m_sim.dtlsPort());
    lab.name = QStringLiteral("Lab simulator");
    const QString id = m_store->save({{}, lab});
    m_store->setActiveId(id);

    QSignalSpy finished(m_connection.get(), &ConsoleConnection::attemptFinished);
    m_connection->connectActive();
    QTRY_COMPARE_WITH_TIMEOUT(m_channel->state(), State::Connected, 15000);
    QCOMPARE(m_channel->profile().name, QStringLiteral("Lab simulator"));
    QCOMPARE(m_channel->profile().port, m_sim.dtlsPort());
    QVERIFY(!m_connection->isDemoRunning());
    QTRY_COMPARE(finished.size(), 1);
    QCOMPARE(finished.first().first().toBool(), true);
    QVERIFY(m_window->windowTitle().contains(QStringLiteral("Lab simulator")));
    QCOMPARE(m_window->connectionStatus()->stateText(), QStringLiteral("Connected")); // not left at "Connecting…"
    QVERIFY2(lastNotice().contains(QStringLiteral("Connected to Lab simulator")), qPrintable(lastNotice()));

    // The Connection menu is there, with its actions in the right state.
    auto *menu = m_window->menuBar()->findChild<QMenu *>(QStringLiteral("connectionMenu"));
    QVERIFY(menu);
    QVERIFY(menu->actions().contains(m_connection->profilesAction()));
    QVERIFY(!m_connection->connectAction()->isEnabled());
    QVERIFY(m_connection->disconnectAction()->isEnabled());

    m_connection->disconnectAction()->trigger();
    QCOMPARE(m_channel->state(), State::Disconnected);
    QVERIFY(m_connection->connectAction()->isEnabled());
    QVERIFY(lastNotice().contains(QStringLiteral("Disconnected")));
    m_connection->connectAction()->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(m_channel->state(), State::Connected, 15000);
}

void ConsoleConnectionTest::brokenProfilesAreRefusedInWords()
{
    // A certificate file that went away.
    signal::ServerProfile missing = test::demoClientProfile(m_pkiDir, m_sim.dtlsPort());
    missing.name = QStringLiteral("Moved files");
    missing.pki.certificateFile = m_dir.filePath(QStringLiteral("gone/client.crt"));
    m_store->setActiveId(m_store->save({{}, missing}));
    QSignalSpy finished(m_connection.get(), &ConsoleConnection::attemptFinished);
    m_connection->connectActive();
    QCOMPARE(finished.size(), 1);
    QCOMPARE(finished.last().first().toBool(), false);
    QVERIFY2(lastNotice().contains(QStringLiteral("The profile Moved files cannot be used")), qPrintable(lastNotice()));
    QVERIFY2(lastNotice().contains(QStringLiteral("client certificate: %1 does not exist").arg(missing.pki.certificateFile)),
             qPrintable(lastNotice()));
    QCOMPARE(m_channel->state(), State::Disconnected);

    // A client certificate from a CA the server does not trust (and a server the CA file does not vouch for).
    signal::ServerProfile stranger = test::demoClientProfile(m_pkiDir, m_sim.dtlsPort());
    stranger.name = QStringLiteral("Stranger");
    stranger.pki = {m_otherPki.client1().certificate, m_otherPki.client1().privateKey, m_otherPki.caCertificate(), {}};
    m_store->setActiveId(m_store->save({{}, stranger}));
    m_connection->connectActive();
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, 30000);
    QCOMPARE(finished.last().first().toBool(), false);
    QVERIFY2(lastNotice().startsWith(QStringLiteral("Could not connect to Stranger: ")), qPrintable(lastNotice()));
    QVERIFY2(lastNotice().size() > QStringLiteral("Could not connect to Stranger: ").size() + 10, qPrintable(lastNotice()));
    qInfo("certificate refused: %s", qPrintable(lastNotice()));

    // Nobody listening on the port.
    QUdpSocket probe;
    QVERIFY(probe.bind(QHostAddress::LocalHost, 0));
    const quint16 closedPort = probe.localPort();
    probe.close();
    signal::ServerProfile nobody = test::demoClientProfile(m_pkiDir, closedPort);
    nobody.name = QStringLiteral("Nobody home");
    m_store->setActiveId(m_store->save({{}, nobody}));
    m_connection->connectActive();
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 3, 60000);
    QCOMPARE(finished.last().first().toBool(), false);
    QVERIFY2(lastNotice().startsWith(QStringLiteral("Could not connect to Nobody home: ")), qPrintable(lastNotice()));
    qInfo("unreachable: %s", qPrintable(lastNotice()));
}

void ConsoleConnectionTest::switchesThroughTheDialogAndBackToTheDemo()
{
    signal::ServerProfile lab = test::demoClientProfile(m_pkiDir, m_sim.dtlsPort());
    lab.name = QStringLiteral("Lab simulator");
    const QString labId = m_store->save({{}, lab});
    // Nothing active yet: the console runs the demo simulator.
    QVERIFY(m_store->isDemoActive());
    m_connection->connectActive();
    QTRY_COMPARE_WITH_TIMEOUT(m_channel->state(), State::Connected, 20000);
    QVERIFY(m_connection->isDemoRunning());
    QVERIFY2(m_channel->profile().name.startsWith(QStringLiteral("Demo simulator")), qPrintable(m_channel->profile().name));
    QCOMPARE(m_window->connectionStatus()->stateText(), QStringLiteral("Connected")); // not left at "Starting…"
    // The demo's banner offers the shortest way to live data: the form, filled in for an attacked target.
    QToolButton *tryIt = m_window->notice()->actionButton();
    QVERIFY(tryIt->isVisible());
    QCOMPARE(tryIt->text(), QStringLiteral("Protect 203.0.113.0/24…"));
    QTest::mouseClick(tryIt, Qt::LeftButton);
    ui::NewMitigationDialog *form = nullptr;
    QTRY_VERIFY((form = m_window->findChild<ui::NewMitigationDialog *>()) && form->isVisible());
    QCOMPARE(form->request().target.prefixes, QStringList{QStringLiteral("203.0.113.0/24")});
    QVERIFY(form->isValid());
    form->reject();
    // A mitigation on the demo server does not follow the analyst to the next server.
    auto requested = m_channel->requestMitigation(test::sampleRequest(QStringLiteral("203.0.113.0/24")));
    QVERIFY(QCoro::waitFor(requested).ok());
    QCOMPARE(m_mitigations->rowCount(), 1);

    // Connection → Profiles…, choose the lab, Connect: the demo stops, the lab session starts.
    m_connection->profilesAction()->trigger();
    auto *dialog = m_window->findChild<ui::ProfilesDialog *>();
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());
    dialog->selectProfile(labId);
    QTest::mouseClick(dialog->connectButton(), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(m_channel->profile().name, QStringLiteral("Lab simulator"), 5000);
    QTRY_COMPARE_WITH_TIMEOUT(m_channel->state(), State::Connected, 15000);
    QVERIFY(!m_connection->isDemoRunning());
    QCOMPARE(m_store->activeId(), labId);
    QCOMPARE(m_mitigations->rowCount(), 0);

    // And back to the demo the same way.
    m_connection->profilesAction()->trigger();
    QTRY_VERIFY(m_window->findChild<ui::ProfilesDialog *>() && m_window->findChild<ui::ProfilesDialog *>()->isVisible());
    dialog = m_window->findChild<ui::ProfilesDialog *>();
    dialog->selectProfile(profiles::ProfileStore::kDemoId);
    QTest::mouseClick(dialog->connectButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(m_channel->profile().name.startsWith(QStringLiteral("Demo simulator"))
                                 && m_channel->state() == State::Connected, 20000);
    QVERIFY(m_connection->isDemoRunning());
    QVERIFY(m_store->isDemoActive());
}

QTEST_MAIN(ConsoleConnectionTest)
#include "tst_console_connection.moc"

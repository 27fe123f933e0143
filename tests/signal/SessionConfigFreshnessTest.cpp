// SPDX-License-Identifier: GPL-3.0-or-later
// RFC 9132 section 4.5, the configuration kept fresh, against the simulator over real DTLS on
// 127.0.0.1: the client reads config again before the Max-Age of the last answer runs out
// (counted where it matters, on the server), and a change made by another session of the same
// client reaches it through its observation of config, and is applied to its heartbeats, without
// a read of its own.
#include "DemoClientProfile.h"
#include "SimulatorProcess.h"
#include "pki/PkiGenerator.h"
#include "signal/SessionConfigClient.h"
#include "signal/SignalChannel.h"

#include <QCoro/QCoroTask>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace dots;
using namespace dots::signal;

namespace {

// GET config requests the simulator received (not the notifications it sent), from its
// --print-messages lines; from the first client that read config only, with `firstPeerOnly`.
int configReadsReceived(const QString &output, bool firstPeerOnly = false)
{
    int reads = 0;
    QString firstPeer;
    for (const QString &line : output.split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
        const QJsonObject m = QJsonDocument::fromJson(line.toUtf8()).object();
        if (m.value(QStringLiteral("dir")) != QLatin1String("in") || m.value(QStringLiteral("method")) != QLatin1String("GET")
            || !m.value(QStringLiteral("path")).toString().contains(QStringLiteral("/.well-known/dots/config"))
            || m.value(QStringLiteral("notification")).toBool())
            continue;
        const QString peer = m.value(QStringLiteral("peer")).toString();
        if (firstPeer.isEmpty())
            firstPeer = peer;
        if (!firstPeerOnly || peer == firstPeer)
            ++reads;
    }
    return reads;
}

} // namespace

class SessionConfigFreshnessTest : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString pkiDir() const { return m_dir.filePath(QStringLiteral("pki")); }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QCOMPARE(pki::PkiGenerator::ensure(pkiDir()), QString());
    }

    void refreshDelayComesBeforeMaxAge()
    {
        using std::chrono::milliseconds;
        QCOMPARE(SessionConfigClient::refreshDelay(std::nullopt), milliseconds(60000)); // no Max-Age
        QCOMPARE(SessionConfigClient::refreshDelay(60u), milliseconds(54000));
        QCOMPARE(SessionConfigClient::refreshDelay(2u), milliseconds(1800));
        QCOMPARE(SessionConfigClient::refreshDelay(0u), milliseconds(1000)); // never a busy loop
        QCOMPARE(SessionConfigClient::refreshDelay(4294967295u), milliseconds(qint64(4294967295) * 900));
    }

    // The server says its configuration is fresh for 2 s: the client reads it again each 1.8 s.
    void readAgainBeforeMaxAge()
    {
        SimulatorProcess sim;
        const QString started = sim.startWithScenario(pkiDir(), R"({"name": "fresh", "policy": {"config-max-age": 2}})",
                                                      {"--print-messages"});
        QVERIFY2(started.isEmpty(), qPrintable(started));
        SignalChannel channel;
        const auto connected = QCoro::waitFor(channel.connectToServer(test::demoClientProfile(pkiDir(), sim.dtlsPort())));
        QVERIFY2(connected.ok(), qPrintable(connected.error().toString()));
        QElapsedTimer clock;
        clock.start();
        const int atSetUp = configReadsReceived(sim.readOutput());
        QTRY_VERIFY_WITH_TIMEOUT(configReadsReceived(sim.readOutput()) >= atSetUp + 3, 9000);
        qInfo("config read %d times by the server's count, %lld ms after set-up", configReadsReceived(sim.readOutput()),
              clock.elapsed());
        QVERIFY2(clock.elapsed() >= 3000, "read again far sooner than the Max-Age asks");
        QCOMPARE(channel.state(), SignalChannel::State::Connected);
    }

    // Another session of the same client (same certificate, so the same cuid) negotiates a new
    // heartbeat-interval: the first one learns it by its observation, long before any re-read.
    void changeReachesTheObserver()
    {
        if (SimulatorProcess::personality() == QLatin1String("reference"))
            QSKIP("the reference server answers config without sid with its defaults, also in notifications, so "
                  "a change negotiated under another session's sid is not seen there");
        SimulatorProcess sim;
        const QString started = sim.start(pkiDir(), {"--print-messages"});
        QVERIFY2(started.isEmpty(), qPrintable(started));
        SignalChannel watcher;
        const auto connected = QCoro::waitFor(watcher.connectToServer(test::demoClientProfile(pkiDir(), sim.dtlsPort())));
        QVERIFY2(connected.ok(), qPrintable(connected.error().toString()));
        QCOMPARE(watcher.activeConfig().heartbeatInterval.currentValue, std::optional<quint16>(30));
        QTRY_VERIFY_WITH_TIMEOUT(configReadsReceived(sim.readOutput()) >= 2, 5000);
        const int readsBefore = configReadsReceived(sim.readOutput(), true);

        SignalChannel other;
        const auto otherConnected = QCoro::waitFor(other.connectToServer(test::demoClientProfile(pkiDir(), sim.dtlsPort())));
        QVERIFY2(otherConnected.ok(), qPrintable(otherConnected.error().toString()));
        QSignalSpy changed(&watcher, &SignalChannel::sessionConfigChanged);
        SessionConfig proposal;
        ConfigParameters idle;
        idle.heartbeatInterval.currentValue = 45;
        proposal.idleConfig = idle;
        const auto accepted = QCoro::waitFor(other.proposeSessionConfig(proposal));
        QVERIFY2(accepted.ok(), qPrintable(accepted.error().toString()));

        QTRY_COMPARE_WITH_TIMEOUT(watcher.activeConfig().heartbeatInterval.currentValue, std::optional<quint16>(45), 5000);
        QVERIFY(changed.count() >= 1);
        const int readsAfter = configReadsReceived(sim.readOutput(), true);
        qInfo("the watcher's config reads on the server: %d before the change, %d after (all clients: %d)", readsBefore,
              readsAfter, configReadsReceived(sim.readOutput()));
        QVERIFY2(readsAfter == readsBefore, "the watcher read config again instead of being told by its observation");
    }
};

QTEST_MAIN(SessionConfigFreshnessTest)
#include "SessionConfigFreshnessTest.moc"

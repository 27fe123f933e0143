// The signal channel against the simulator over real DTLS and TLS on 127.0.0.1, with
// certificates generated at test time.
#include "SimulatorProcess.h"
#include "pki/PkiGenerator.h"
#include "signal/SignalChannel.h"
#include "store/Database.h"
#include "store/MidAllocator.h"
#include "transport/CoapClient.h"

#include <QCoro/QCoroTask>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace dots;
using namespace dots::signal;

class SignalChannelTest : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString pkiDir() const { return m_dir.filePath(QStringLiteral("pki")); }

    ServerProfile profileFor(const SimulatorProcess &sim, transport::Transport transport) const
    {
        const auto files = pki::PkiFiles::inDirectory(pkiDir());
        ServerProfile profile;
        profile.name = QStringLiteral("simulator");
        profile.host = QStringLiteral("127.0.0.1");
        const bool dtls = transport == transport::Transport::Dtls;
        profile.port = dtls ? sim.dtlsPort() : sim.tlsPort();
        profile.preference = dtls ? transport::TransportPreference::DtlsOnly : transport::TransportPreference::TlsOnly;
        profile.pki = {files.clientCertificate, files.clientKey, files.caCertificate, {}};
        return profile;
    }

    static MitigationRequest requestFor(const QString &prefix)
    {
        MitigationRequest request;
        request.target.prefixes = {prefix};
        request.target.portRanges = {PortRange{443, std::nullopt}};
        request.target.protocols = {6};
        request.lifetime = 600;
        return request;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QCOMPARE(pki::PkiGenerator::ensure(pkiDir()), QString());
    }

    void connectsAndReadsSessionConfig_data()
    {
        QTest::addColumn<transport::Transport>("transport");
        QTest::newRow("DTLS") << transport::Transport::Dtls;
        QTest::newRow("TLS") << transport::Transport::Tls;
    }

    void connectsAndReadsSessionConfig()
    {
        QFETCH(transport::Transport, transport);
        SimulatorProcess sim;
        const QString started = sim.start(pkiDir(), {QStringLiteral("--session-config"), QStringLiteral("heartbeat-interval=5:120:20")});
        QVERIFY2(started.isEmpty(), qPrintable(started));

        SignalChannel channel;
        auto connected = QCoro::waitFor(channel.connectToServer(profileFor(sim, transport)));
        QVERIFY2(connected.ok(), qPrintable(connected.error().toString()));
        QCOMPARE(connected.value().transport, transport);
        QCOMPARE(channel.state(), SignalChannel::State::Connected);
        QCOMPARE(channel.cuid().size(), 22);
        QVERIFY(channel.serverConfig().has_value());
        QCOMPARE(channel.activeConfig().heartbeatInterval.currentValue, std::optional<quint16>(20));
        QCOMPARE(channel.serverConfig()->idleConfig->heartbeatInterval.minValue, std::optional<quint16>(5));

        // A heartbeat goes out at the negotiated interval; force one now.
        QSignalSpy answered(&channel, &SignalChannel::heartbeatAnswered);
        QVERIFY(channel.metaObject()->indexOfSignal("heartbeatAnswered(std::chrono::microseconds)") >= 0);
        SessionConfig proposal;
        ConfigParameters idle;
        idle.heartbeatInterval.currentValue = 1;
        proposal.idleConfig = idle;
        auto outside = QCoro::waitFor(channel.proposeSessionConfig(proposal));
        QVERIFY(!outside.ok());
        QVERIFY2(outside.error().diagnostic.contains(QStringLiteral("idle-config.heartbeat-interval.current-value")),
                 qPrintable(outside.error().toString()));
        idle.heartbeatInterval.currentValue = 5;
        proposal.idleConfig = idle;
        auto accepted = QCoro::waitFor(channel.proposeSessionConfig(proposal));
        QVERIFY2(accepted.ok(), qPrintable(accepted.error().toString()));
        QCOMPARE(channel.activeConfig().heartbeatInterval.currentValue, std::optional<quint16>(5));
        QTRY_VERIFY_WITH_TIMEOUT(answered.count() >= 1, 8000);
        QVERIFY(channel.rtt().hasEstimate());
    }

    void mitigationLifecycle()
    {
        SimulatorProcess sim;
        const QString started = sim.start(pkiDir());
        QVERIFY2(started.isEmpty(), qPrintable(started));
        SignalChannel channel;
        auto connected = QCoro::waitFor(channel.connectToServer(profileFor(sim, transport::Transport::Dtls)));
        QVERIFY2(connected.ok(), qPrintable(connected.error().toString()));

        QSignalSpy changed(&channel, &SignalChannel::mitigationChanged);
        auto created = QCoro::waitFor(channel.requestMitigation(requestFor(QStringLiteral("203.0.113.0/24"))));
        QVERIFY2(created.ok(), qPrintable(created.error().toString()));
        const quint32 mid = created.value().mid;
        QVERIFY(mid > 0);
        QVERIFY(created.value().lifetime.has_value());

        // The server's status arrives through Observe.
        QTRY_VERIFY_WITH_TIMEOUT(channel.mitigation(mid) && channel.mitigation(mid)->status.has_value(), 10000);
        QVERIFY(channel.mitigation(mid)->isActive());
        QVERIFY(channel.isMitigating());
        QCOMPARE(channel.mitigation(mid)->target.prefixes, QStringList{QStringLiteral("203.0.113.0/24")});

        auto efficacy = QCoro::waitFor(channel.sendEfficacyUpdate(mid, AttackStatus::UnderAttack));
        QVERIFY2(efficacy.ok(), qPrintable(efficacy.error().toString()));

        auto listed = QCoro::waitFor(channel.refreshMitigations());
        QVERIFY2(listed.ok(), qPrintable(listed.error().toString()));
        QVERIFY(std::any_of(listed.value().cbegin(), listed.value().cend(),
                            [mid](const MitigationStatus &s) { return s.mid == mid; }));

        QSignalSpy removed(&channel, &SignalChannel::mitigationRemoved);
        auto withdrawn = QCoro::waitFor(channel.withdrawMitigation(mid));
        QVERIFY2(withdrawn.ok(), qPrintable(withdrawn.error().toString()));
        QCOMPARE(removed.count(), 1);
        QVERIFY(!channel.mitigation(mid));
        QVERIFY(!channel.isMitigating());
    }

    void invalidRequestIsRefusedLocally()
    {
        SignalChannel channel; // not even connected: validation comes first
        MitigationRequest request = requestFor(QStringLiteral("203.0.113.0/24"));
        request.target.portRanges = {PortRange{90, quint16(80)}};
        auto result = QCoro::waitFor(channel.requestMitigation(request));
        QVERIFY(!result.ok());
        QCOMPARE(result.error().kind, SignalError::Kind::Invalid);
        QVERIFY2(result.error().diagnostic.contains(QStringLiteral("scope[0].target-port-range[0].upper-port")),
                 qPrintable(result.error().toString()));
    }

    void midSurvivesRestart()
    {
        SimulatorProcess sim;
        const QString started = sim.start(pkiDir());
        QVERIFY2(started.isEmpty(), qPrintable(started));
        const QString dbPath = m_dir.filePath(QStringLiteral("state.db"));
        quint32 first = 0;
        for (int run = 0; run < 2; ++run) {
            auto db = store::Database::open(dbPath, QStringLiteral("mid-run-%1").arg(run));
            QVERIFY2(db.ok(), db.ok() ? "" : qPrintable(db.error().message));
            store::MidAllocator mids(*db.value());
            SignalChannel channel;
            channel.setMidAllocator(&mids);
            auto connected = QCoro::waitFor(channel.connectToServer(profileFor(sim, transport::Transport::Tls)));
            QVERIFY2(connected.ok(), qPrintable(connected.error().toString()));
            auto created = QCoro::waitFor(channel.requestMitigation(requestFor(QStringLiteral("198.51.100.%1/32").arg(10 + run))));
            QVERIFY2(created.ok(), qPrintable(created.error().toString()));
            if (run == 0)
                first = created.value().mid;
            else
                QVERIFY2(created.value().mid > first, qPrintable(QStringLiteral("%1 after %2").arg(created.value().mid).arg(first)));
            channel.disconnectFromServer();
        }
    }

    void untrustedServerIsRefusedWithReason()
    {
        SimulatorProcess sim;
        const QString started = sim.start(pkiDir());
        QVERIFY2(started.isEmpty(), qPrintable(started));
        const QString otherPki = m_dir.filePath(QStringLiteral("other-pki"));
        QCOMPARE(pki::PkiGenerator::ensure(otherPki), QString());
        ServerProfile profile = profileFor(sim, transport::Transport::Dtls);
        profile.pki.caFile = pki::PkiFiles::inDirectory(otherPki).caCertificate;
        SignalChannel channel;
        auto connected = QCoro::waitFor(channel.connectToServer(profile));
        QVERIFY(!connected.ok());
        QCOMPARE(connected.error().transportError.kind, transport::TransportError::Kind::UntrustedServerCertificate);
        QCOMPARE(channel.state(), SignalChannel::State::Disconnected);
        QVERIFY(!channel.stateReason().isEmpty());
    }

    void lostSessionIsDetectedAndRecovered()
    {
        SimulatorProcess sim;
        const QStringList fastHeartbeats{QStringLiteral("--session-config"), QStringLiteral("heartbeat-interval=1:60:1"),
                                         QStringLiteral("--session-config"), QStringLiteral("missing-hb-allowed=1:20:3")};
        QString started = sim.start(pkiDir(), fastHeartbeats);
        QVERIFY2(started.isEmpty(), qPrintable(started));
        SignalChannel channel;
        auto connected = QCoro::waitFor(channel.connectToServer(profileFor(sim, transport::Transport::Dtls)));
        QVERIFY2(connected.ok(), qPrintable(connected.error().toString()));
        auto created = QCoro::waitFor(channel.requestMitigation(requestFor(QStringLiteral("192.0.2.0/28"))));
        QVERIFY2(created.ok(), qPrintable(created.error().toString()));
        const quint32 mid = created.value().mid;

        sim.kill();
        // On loopback the kernel answers with ICMP port unreachable, so libcoap closes the
        // DTLS session at the next heartbeat; silent loss is covered by the loss relay tests.
        QTRY_COMPARE_WITH_TIMEOUT(channel.state(), SignalChannel::State::Lost, 10000);
        QVERIFY(!channel.stateReason().isEmpty());
        // What the analyst knew stays visible.
        QVERIFY(channel.mitigation(mid).has_value());

        started = sim.start(pkiDir(), fastHeartbeats);
        QVERIFY2(started.isEmpty(), qPrintable(started));
        QTRY_COMPARE_WITH_TIMEOUT(channel.state(), SignalChannel::State::Connected, 20000);
    }
};

QTEST_GUILESS_MAIN(SignalChannelTest)
#include "SignalChannelTest.moc"

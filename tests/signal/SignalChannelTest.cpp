// SPDX-License-Identifier: GPL-3.0-or-later
// The signal channel against the simulator over real DTLS and TLS on 127.0.0.1, with
// certificates generated at test time.
#include "DemoClientProfile.h"
#include "SimulatorProcess.h"
#include "pki/PkiGenerator.h"
#include "signal/Heartbeat.h"
#include "signal/ResourcePath.h"
#include "signal/SignalChannel.h"
#include "store/Database.h"
#include "store/MidAllocator.h"
#include "transport/CoapClient.h"
#include "transport/CoapServer.h"

#include <QCoro/QCoroTask>
#include <QElapsedTimer>
#include <QJsonArray>
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
        return test::demoClientProfile(pkiDir(), transport == transport::Transport::Dtls ? sim.dtlsPort() : sim.tlsPort(),
                                       transport);
    }

    static MitigationRequest requestFor(const QString &prefix) { return test::sampleRequest(prefix); }

    // Starts the simulator with a scenario that only sets `policy` (JSON).
    QString startWithPolicy(SimulatorProcess &sim, const char *policy, const QStringList &arguments = {}) const
    {
        return sim.startWithScenario(pkiDir(), QByteArray(R"({"name": "policy", "policy": )") + policy + '}', arguments);
    }

    // A second console with its own client certificate from the same CA, so another cuid.
    ServerProfile secondConsoleProfile(const SimulatorProcess &sim) const
    {
        ServerProfile profile = profileFor(sim, transport::Transport::Dtls);
        const QDir dir(pkiDir());
        profile.pki.certificateFile = dir.filePath(QStringLiteral("second-console.crt"));
        profile.pki.privateKeyFile = dir.filePath(QStringLiteral("second-console.key"));
        return profile;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QCOMPARE(pki::PkiGenerator::ensure(pkiDir()), QString());
        QCOMPARE(pki::PkiGenerator::issueClient(pkiDir(), QStringLiteral("second-console")), QString());
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
        // The server's "withdrawn, terminating" notifications do not bring it back.
        QSignalSpy changedAfter(&channel, &SignalChannel::mitigationChanged);
        QTest::qWait(1500);
        QCOMPARE(changedAfter.count(), 0);
        QVERIFY(!channel.mitigation(mid));
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

    // RFC 9132 section 4.5: what a client negotiated lives under config/sid=N. A second run
    // (dots-cli config get after config set) reads it back, and does so at once while a
    // mitigation is observed (a server that answers Observe registrations Non-confirmable
    // must not hold up the Confirmable configuration requests).
    void negotiatedConfigIsReadBackWhileObserving()
    {
        SimulatorProcess sim;
        const QString started = sim.start(pkiDir());
        QVERIFY2(started.isEmpty(), qPrintable(started));
        const QString dbPath = m_dir.filePath(QStringLiteral("config-state.db"));
        for (int run = 0; run < 2; ++run) {
            auto db = store::Database::open(dbPath, QStringLiteral("config-run-%1").arg(run));
            QVERIFY2(db.ok(), db.ok() ? "" : qPrintable(db.error().message));
            store::MidAllocator mids(*db.value());
            SignalChannel channel;
            channel.setMidAllocator(&mids);
            auto connected = QCoro::waitFor(channel.connectToServer(profileFor(sim, transport::Transport::Dtls)));
            QVERIFY2(connected.ok(), qPrintable(connected.error().toString()));
            if (run == 0) {
                auto created = QCoro::waitFor(channel.requestMitigation(requestFor(QStringLiteral("198.51.100.77/32"))));
                QVERIFY2(created.ok(), qPrintable(created.error().toString()));
                QTRY_VERIFY_WITH_TIMEOUT(channel.mitigation(created.value().mid)->status.has_value(), 10000);
                SessionConfig proposal;
                ConfigParameters idle;
                idle.heartbeatInterval.currentValue = 60;
                proposal.idleConfig = idle;
                QElapsedTimer clock;
                clock.start();
                auto accepted = QCoro::waitFor(channel.proposeSessionConfig(proposal));
                QVERIFY2(accepted.ok(), qPrintable(accepted.error().toString()));
                QVERIFY2(clock.elapsed() < 1000, qPrintable(QStringLiteral("config set took %1 ms").arg(clock.elapsed())));
                QCOMPARE(accepted.value().idleConfig->heartbeatInterval.currentValue, std::optional<quint16>(60));
            } else {
                QElapsedTimer clock;
                clock.start();
                auto read = QCoro::waitFor(channel.fetchSessionConfig());
                QVERIFY2(read.ok(), qPrintable(read.error().toString()));
                QVERIFY2(clock.elapsed() < 1000, qPrintable(QStringLiteral("config get took %1 ms").arg(clock.elapsed())));
                QCOMPARE(read.value().idleConfig->heartbeatInterval.currentValue, std::optional<quint16>(60));
                // A reset brings the server's defaults back, whether or not it still has a
                // configuration resource to show.
                auto reset = QCoro::waitFor(channel.resetSessionConfig());
                QVERIFY2(reset.ok(), qPrintable(reset.error().toString()));
                QCOMPARE(channel.activeConfig().heartbeatInterval.currentValue, std::optional<quint16>(30));
                auto afterReset = QCoro::waitFor(channel.requestMitigation(requestFor(QStringLiteral("198.51.100.78/32"))));
                QVERIFY2(afterReset.ok(), qPrintable(afterReset.error().toString()));
            }
            channel.disconnectFromServer();
        }
    }

    // A withdrawal the server answers 4.04 to at the first copy was of nothing.
    void withdrawingAnUnknownMitigationFails()
    {
        SimulatorProcess sim;
        const QString started = sim.start(pkiDir());
        QVERIFY2(started.isEmpty(), qPrintable(started));
        SignalChannel channel;
        auto connected = QCoro::waitFor(channel.connectToServer(profileFor(sim, transport::Transport::Dtls)));
        QVERIFY2(connected.ok(), qPrintable(connected.error().toString()));
        auto withdrawn = QCoro::waitFor(channel.withdrawMitigation(77));
        if (SimulatorProcess::personality() == QLatin1String("reference")) {
            QVERIFY2(withdrawn.ok(), "the reference server answers 2.02 for any mid"); // nothing to tell apart
            return;
        }
        QVERIFY(!withdrawn.ok());
        QCOMPARE(withdrawn.error().coapCode, transport::CoapCode::NotFound);
    }

    void serverRefusalIsTypedWithItsDiagnostic()
    {
        SimulatorProcess sim;
        const QString started = sim.start(pkiDir());
        QVERIFY2(started.isEmpty(), qPrintable(started));
        SignalChannel channel;
        auto connecting = channel.connectToServer(profileFor(sim, transport::Transport::Dtls));
        auto connected = QCoro::waitFor(connecting);
        QVERIFY2(connected.ok(), qPrintable(connected.error().toString()));
        QList<SignalMessage> log;
        connect(&channel, &SignalChannel::messageExchanged, this, [&log](const SignalMessage &m) { log << m; });
        // RFC 9133 filter control is refused while no mitigation is active (go-dots does the same).
        MitigationRequest request = requestFor(QStringLiteral("203.0.113.64/26"));
        request.aclList = {AclListEntry{QStringLiteral("block-dns"), ActivationType::Immediate}};
        auto refusing = channel.requestMitigation(request);
        auto refused = QCoro::waitFor(refusing);
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().kind, SignalError::Kind::Coap);
        QCOMPARE(refused.error().codeString(), QStringLiteral("4.00"));
        QVERIFY2(refused.error().diagnostic.contains(QStringLiteral("MUST NOT be used in 'idle' time")), qPrintable(refused.error().toString()));
        // The event log shows the diagnostic in words, not as an undecodable body.
        // (Telemetry set-up after connecting may log its own answers around it.)
        const auto found = std::find_if(log.crbegin(), log.crend(), [](const SignalMessage &m) {
            return m.direction == SignalMessage::Direction::Incoming && m.summary.contains(QStringLiteral("/mitigate/"));
        });
        QVERIFY(found != log.crend());
        const SignalMessage &answer = *found;
        QVERIFY2(answer.summary.startsWith(QStringLiteral("4.00")) && answer.summary.contains(QStringLiteral("MUST NOT be used in 'idle' time")),
                 qPrintable(answer.summary));
        QVERIFY2(answer.problem.isEmpty(), qPrintable(answer.problem));
    }

    void filterActivationChangeIsSentDuringAnAttack()
    {
        SimulatorProcess sim;
        const QString started = sim.start(pkiDir());
        QVERIFY2(started.isEmpty(), qPrintable(started));
        SignalChannel channel;
        auto connecting = channel.connectToServer(profileFor(sim, transport::Transport::Dtls));
        auto connected = QCoro::waitFor(connecting);
        QVERIFY2(connected.ok(), qPrintable(connected.error().toString()));
        auto creating = channel.requestMitigation(requestFor(QStringLiteral("203.0.113.32/27")));
        auto created = QCoro::waitFor(creating);
        QVERIFY2(created.ok(), qPrintable(created.error().toString()));
        const quint32 mid = created.value().mid;

        QList<SignalMessage> sent;
        connect(&channel, &SignalChannel::messageExchanged, this, [&sent](const SignalMessage &m) {
            if (m.direction == SignalMessage::Direction::Outgoing && m.summary.startsWith(QStringLiteral("PUT")))
                sent << m;
        });
        auto changing = channel.changeFilterActivation(mid, QStringLiteral("block-dns"), ActivationType::Immediate);
        auto changed = QCoro::waitFor(changing);

        // RFC 9133: the whole request under a new mid, its scope now carrying the acl-list.
        QCOMPARE(sent.size(), 1);
        QVERIFY2(!sent.first().summary.endsWith(QStringLiteral("/mid=%1").arg(mid)), qPrintable(sent.first().summary));
        QVERIFY(sent.first().summary.contains(QStringLiteral("/mid=")));
        const QJsonObject scope = sent.first().body.value(QStringLiteral("ietf-dots-signal-channel:mitigation-scope"))
                                      .toObject().value(QStringLiteral("scope")).toArray().first().toObject();
        const QJsonObject acl = scope.value(QStringLiteral("ietf-dots-signal-control:acl-list")).toArray().first().toObject();
        QCOMPARE(acl.value(QStringLiteral("acl-name")).toString(), QStringLiteral("block-dns"));
        QCOMPARE(acl.value(QStringLiteral("activation-type")).toString(), QStringLiteral("immediate"));
        QCOMPARE(scope.value(QStringLiteral("target-prefix")).toArray().first().toString(), QStringLiteral("203.0.113.32/27"));

        // This client never created an ACL named block-dns over the data channel, so the server
        // answers 4.04 in words (as go-dots does); the request as last accepted is kept.
        // tests/data covers the switch of an existing ACL.
        QVERIFY(!changed.ok());
        QCOMPARE(changed.error().codeString(), QStringLiteral("4.04"));
        QVERIFY2(changed.error().diagnostic.contains(QStringLiteral("no ACL \"block-dns\"")), qPrintable(changed.error().toString()));
        QVERIFY(channel.sentRequest(mid).has_value());
        QVERIFY(channel.sentRequest(mid)->aclList.isEmpty());

        auto unknown = channel.changeFilterActivation(mid + 1000, QStringLiteral("block-dns"), ActivationType::Immediate);
        auto refusedLocally = QCoro::waitFor(unknown);
        QCOMPARE(refusedLocally.error().kind, SignalError::Kind::Invalid);
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

    // An armed mitigation (trigger-mitigation false) still changes on the server: it starts on
    // signal loss, or ends with its lifetime. After a reconnect it is observed again like an
    // active one, or the console shows it armed after the server has ended it.
    void armedMitigationIsObservedAgainAfterReconnect()
    {
        SimulatorProcess sim;
        const QString started = sim.start(pkiDir(), {QStringLiteral("--max-lifetime"), QStringLiteral("8")});
        QVERIFY2(started.isEmpty(), qPrintable(started));
        SignalChannel channel;
        channel.setAutoRenew(false);
        const ServerProfile profile = profileFor(sim, transport::Transport::Dtls);
        auto connected = QCoro::waitFor(channel.connectToServer(profile));
        QVERIFY2(connected.ok(), qPrintable(connected.error().toString()));
        MitigationRequest request = requestFor(QStringLiteral("192.0.2.96/28"));
        request.triggerMitigation = false;
        auto created = QCoro::waitFor(channel.requestMitigation(request));
        QVERIFY2(created.ok(), qPrintable(created.error().toString()));
        const quint32 mid = created.value().mid;
        QTRY_VERIFY_WITH_TIMEOUT(channel.mitigation(mid)
                                     && channel.mitigation(mid)->status == MitigationStatusCode::AttackMitigationSignalLoss,
                                 5000);

        channel.disconnectFromServer();
        connected = QCoro::waitFor(channel.connectToServer(profile));
        QVERIFY2(connected.ok(), qPrintable(connected.error().toString()));
        QVERIFY(channel.mitigation(mid).has_value());
        // Its lifetime ends at the server; only a notification can say so (no GET from here on).
        QTRY_VERIFY_WITH_TIMEOUT(!channel.mitigation(mid)
                                     || channel.mitigation(mid)->status == MitigationStatusCode::AttackMitigationTerminated,
                                 15000);
    }

    // An efficacy update repeats every parameter of the request but lifetime (RFC 9132
    // section 4.4.3). A console that did not send the request (another one, or itself before a
    // restart) takes them from the server's view: an armed mitigation stays armed.
    void efficacyUpdateFromAnotherConsoleKeepsTheRequest()
    {
        SimulatorProcess sim;
        const QString started = sim.start(pkiDir());
        QVERIFY2(started.isEmpty(), qPrintable(started));
        const ServerProfile profile = profileFor(sim, transport::Transport::Dtls);
        SignalChannel sender;
        auto connected = QCoro::waitFor(sender.connectToServer(profile));
        QVERIFY2(connected.ok(), qPrintable(connected.error().toString()));
        MitigationRequest request = requestFor(QStringLiteral("192.0.2.112/28"));
        request.triggerMitigation = false;
        auto created = QCoro::waitFor(sender.requestMitigation(request));
        QVERIFY2(created.ok(), qPrintable(created.error().toString()));
        const quint32 mid = created.value().mid;

        SignalChannel other;
        connected = QCoro::waitFor(other.connectToServer(profile));
        QVERIFY2(connected.ok(), qPrintable(connected.error().toString()));
        QVERIFY(other.mitigation(mid).has_value());
        QVERIFY(!other.sentRequest(mid).has_value());
        auto updated = QCoro::waitFor(other.sendEfficacyUpdate(mid, AttackStatus::UnderAttack));
        QVERIFY2(updated.ok(), qPrintable(updated.error().toString()));
        auto listed = QCoro::waitFor(sender.refreshMitigations());
        QVERIFY2(listed.ok(), qPrintable(listed.error().toString()));
        const auto status = sender.mitigation(mid);
        QVERIFY(status.has_value());
        QCOMPARE(status->triggerMitigation, std::optional<bool>(false));
        QCOMPARE(status->status, std::optional(MitigationStatusCode::AttackMitigationSignalLoss));
    }

    // RFC 9132 section 4.4.1: after a 4.09 with retry-timer the same request is not sent again
    // before the timer ran out (the simulator refuses it again if it is); then it goes through.
    void conflictRefusalIsNotRepeatedBeforeItsRetryTimer()
    {
        SimulatorProcess sim;
        const QString started = startWithPolicy(sim, R"({"conflict-retry-timer": 3, "active-but-terminating": 0})");
        QVERIFY2(started.isEmpty(), qPrintable(started));
        SignalChannel other;
        auto connected = QCoro::waitFor(other.connectToServer(secondConsoleProfile(sim)));
        QVERIFY2(connected.ok(), qPrintable(connected.error().toString()));
        SignalChannel channel;
        connected = QCoro::waitFor(channel.connectToServer(profileFor(sim, transport::Transport::Dtls)));
        QVERIFY2(connected.ok(), qPrintable(connected.error().toString()));
        QVERIFY(other.cuid() != channel.cuid());

        auto held = QCoro::waitFor(other.requestMitigation(requestFor(QStringLiteral("192.0.2.144/28"))));
        QVERIFY2(held.ok(), qPrintable(held.error().toString()));
        auto refused = QCoro::waitFor(channel.requestMitigation(requestFor(QStringLiteral("192.0.2.144/28"))));
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().coapCode, transport::CoapCode::Conflict);
        QCOMPARE(refused.error().retryTimer, std::optional<quint32>(3));
        QElapsedTimer sinceRefusal;
        sinceRefusal.start();
        auto withdrawn = QCoro::waitFor(other.withdrawMitigation(held.value().mid));
        QVERIFY2(withdrawn.ok(), qPrintable(withdrawn.error().toString()));

        auto early = QCoro::waitFor(channel.requestMitigation(requestFor(QStringLiteral("192.0.2.144/28"))));
        QVERIFY(!early.ok());
        QVERIFY2(early.error().kind == SignalError::Kind::Invalid, qPrintable(early.error().toString()));
        QVERIFY2(early.error().message.contains(QStringLiteral("retry-timer")), qPrintable(early.error().toString()));
        QVERIFY(early.error().retryTimer.value_or(0) >= 1);
        // Another scope is not held back.
        auto elsewhere = QCoro::waitFor(channel.requestMitigation(requestFor(QStringLiteral("198.51.100.144/28"))));
        QVERIFY2(elsewhere.ok(), qPrintable(elsewhere.error().toString()));

        QTest::qWait(int(std::max<qint64>(0, 3100 - sinceRefusal.elapsed())));
        auto later = QCoro::waitFor(channel.requestMitigation(requestFor(QStringLiteral("192.0.2.144/28"))));
        QVERIFY2(later.ok(), qPrintable(later.error().toString()));
    }

    // A renewal refused for a conflict with another client's mitigation is sent again once the
    // retry-timer has run out, so the mitigation does not lapse when the conflict ends.
    void renewalRefusedForAConflictIsTriedAfterItsRetryTimer()
    {
        SimulatorProcess sim;
        const QString started = startWithPolicy(sim, R"({"conflict-retry-timer": 2, "active-but-terminating": 0})",
                                                {QStringLiteral("--max-lifetime"), QStringLiteral("6")});
        QVERIFY2(started.isEmpty(), qPrintable(started));
        SignalChannel channel;
        auto connected = QCoro::waitFor(channel.connectToServer(profileFor(sim, transport::Transport::Dtls)));
        QVERIFY2(connected.ok(), qPrintable(connected.error().toString()));
        MitigationRequest armed = requestFor(QStringLiteral("192.0.2.160/28"));
        armed.triggerMitigation = false; // armed, not active: another client's request is accepted
        auto created = QCoro::waitFor(channel.requestMitigation(armed));
        QVERIFY2(created.ok(), qPrintable(created.error().toString()));
        const quint32 mid = created.value().mid;

        SignalChannel other;
        connected = QCoro::waitFor(other.connectToServer(secondConsoleProfile(sim)));
        QVERIFY2(connected.ok(), qPrintable(connected.error().toString()));
        auto active = QCoro::waitFor(other.requestMitigation(requestFor(QStringLiteral("192.0.2.160/28"))));
        QVERIFY2(active.ok(), qPrintable(active.error().toString()));
        QTest::qWait(1500); // the next renewal (every second with a 6 s lifetime) is refused with 4.09
        auto withdrawn = QCoro::waitFor(other.withdrawMitigation(active.value().mid));
        QVERIFY2(withdrawn.ok(), qPrintable(withdrawn.error().toString()));

        QTest::qWait(8000); // past the granted lifetime of the last renewal that went through
        auto listed = QCoro::waitFor(channel.refreshMitigations());
        QVERIFY2(listed.ok(), qPrintable(listed.error().toString()));
        const auto found = std::find_if(listed.value().cbegin(), listed.value().cend(),
                                        [mid](const MitigationStatus &m) { return m.mid == mid; });
        QVERIFY2(found != listed.value().cend(), "the armed mitigation lapsed at the server");
        QCOMPARE(found->status, std::optional(MitigationStatusCode::AttackMitigationSignalLoss));
    }

    // RFC 9132 section 4.4.1: the server may grant less than the requested lifetime; renewal is
    // timed from what it granted, or the mitigation lapses during the attack.
    void renewalFollowsTheGrantedLifetime()
    {
        SimulatorProcess sim;
        const QString started = sim.start(pkiDir(), {QStringLiteral("--max-lifetime"), QStringLiteral("6")});
        QVERIFY2(started.isEmpty(), qPrintable(started));
        SignalChannel channel;
        auto connected = QCoro::waitFor(channel.connectToServer(profileFor(sim, transport::Transport::Dtls)));
        QVERIFY2(connected.ok(), qPrintable(connected.error().toString()));
        MitigationRequest request = requestFor(QStringLiteral("192.0.2.64/28"));
        request.lifetime = 3600;
        auto created = QCoro::waitFor(channel.requestMitigation(request));
        QVERIFY2(created.ok(), qPrintable(created.error().toString()));
        QCOMPARE(created.value().lifetime, qint64(6));
        const quint32 mid = created.value().mid;

        QTest::qWait(9000); // past the granted lifetime
        auto refreshed = QCoro::waitFor(channel.refreshMitigations());
        QVERIFY2(refreshed.ok(), qPrintable(refreshed.error().toString()));
        const auto status = channel.mitigation(mid);
        QVERIFY(status.has_value());
        QVERIFY2(status->isActive(), qPrintable(QStringLiteral("status %1").arg(status->status ? int(*status->status) : -1)));
        QCOMPARE(channel.sentRequest(mid)->lifetime, qint64(3600)); // what the analyst asked for stays
    }

    // A renewal that gets no answer is tried again, so that the mitigation comes back as soon
    // as a server can be reached (here: one that restarted without the mitigation).
    void failedRenewalIsRetried()
    {
        SimulatorProcess sim;
        const QStringList args{QStringLiteral("--max-lifetime"), QStringLiteral("6"),
                               QStringLiteral("--session-config"), QStringLiteral("heartbeat-interval=1:60:1"),
                               QStringLiteral("--session-config"), QStringLiteral("missing-hb-allowed=1:20:3")};
        QString started = sim.start(pkiDir(), args);
        QVERIFY2(started.isEmpty(), qPrintable(started));
        SignalChannel channel;
        auto connected = QCoro::waitFor(channel.connectToServer(profileFor(sim, transport::Transport::Dtls)));
        QVERIFY2(connected.ok(), qPrintable(connected.error().toString()));
        auto created = QCoro::waitFor(channel.requestMitigation(requestFor(QStringLiteral("192.0.2.80/28"))));
        QVERIFY2(created.ok(), qPrintable(created.error().toString()));
        const quint32 mid = created.value().mid;

        sim.kill();
        QTRY_COMPARE_WITH_TIMEOUT(channel.state(), SignalChannel::State::Lost, 10000);
        QTest::qWait(2000); // the renewal due now fails
        started = sim.start(pkiDir(), args);
        QVERIFY2(started.isEmpty(), qPrintable(started));
        QTRY_COMPARE_WITH_TIMEOUT(channel.state(), SignalChannel::State::Connected, 20000);
        // The restarted server knows nothing until the renewal is sent again.
        bool known = false;
        for (int i = 0; i < 20 && !known; ++i) {
            QTest::qWait(500);
            auto listed = QCoro::waitFor(channel.refreshMitigations());
            if (listed.ok()) {
                for (const auto &m : listed.value())
                    known = known || (m.mid == mid && m.isActive());
            }
        }
        QVERIFY2(known, "the mitigation was not renewed at the restarted server");
    }

    // The client's side of the server's heartbeat against an in-process server that can
    // send anything: 2.04 for a good one, 4.00 with a reason for a malformed one.
    void serverHeartbeatBodyIsChecked()
    {
        // QCoro::waitFor needs a default-constructible result.
        using Answer = std::optional<transport::Result<transport::CoapResponse>>;
        const auto ask = [](transport::CoapServer *server, quint64 peer, transport::CoapRequest request) -> QCoro::Task<Answer> {
            auto sent = server->request(peer, std::move(request));
            auto result = co_await sent;
            co_return Answer(std::move(result));
        };
        const auto files = pki::PkiFiles::inDirectory(pkiDir());
        transport::CoapServer server;
        server.setPki({files.serverCertificate, files.serverKey, files.caCertificate, {}});
        QVERIFY2(server.listen(QHostAddress::LocalHost, 0, transport::Transport::Dtls), qPrintable(server.errorString()));
        QSignalSpy peers(&server, &transport::CoapServer::peerConnected);

        SignalChannel channel;
        QSignalSpy fromServer(&channel, &SignalChannel::serverHeartbeatReceived);
        QList<SignalMessage> log;
        connect(&channel, &SignalChannel::messageExchanged, this, [&log](const SignalMessage &m) { log << m; });
        ServerProfile profile;
        profile.host = QStringLiteral("127.0.0.1");
        profile.port = server.serverPort(transport::Transport::Dtls);
        profile.preference = transport::TransportPreference::DtlsOnly;
        profile.pki = {files.clientCertificate, files.clientKey, files.caCertificate, {}};
        auto connected = QCoro::waitFor(channel.connectToServer(profile));
        QVERIFY2(connected.ok(), qPrintable(connected.error().toString()));
        QTRY_COMPARE_WITH_TIMEOUT(peers.size(), 1, 5000);
        const quint64 peerId = peers.first().first().value<transport::ServerPeer>().id;

        transport::CoapRequest hb;
        hb.method = transport::Method::Put;
        hb.uriPath = resource::heartbeat();
        hb.confirmable = false;
        hb.timeout = std::chrono::seconds(3);
        hb.payload = QByteArray::fromHex("a11831a11833f5"); // {49: {51: true}}
        Answer answer = QCoro::waitFor(ask(&server, peerId, hb));
        QVERIFY2(answer->ok(), qPrintable(answer->error().toString()));
        QCOMPARE(answer->value().code, transport::CoapCode::Changed);
        QTRY_COMPARE_WITH_TIMEOUT(fromServer.size(), 1, 2000);
        QCOMPARE(fromServer.first().first().toBool(), true);
        QVERIFY(channel.lastServerHeartbeat().isValid());
        const auto incoming = std::find_if(log.cbegin(), log.cend(), [](const SignalMessage &m) {
            return m.direction == SignalMessage::Direction::Incoming && m.summary.startsWith(QLatin1String("PUT /.well-known/dots/hb"));
        });
        QVERIFY(incoming != log.cend());
        QCOMPARE(incoming->body, Heartbeat{true}.toJson());

        for (const QByteArray &bad : {QByteArray::fromHex("a11831a0"), QByteArray::fromHex("ff00"), QByteArray()}) {
            hb.payload = bad;
            answer = QCoro::waitFor(ask(&server, peerId, hb));
            QVERIFY2(answer->ok(), qPrintable(answer->error().toString()));
            QCOMPARE(answer->value().code, transport::CoapCode::BadRequest);
            QVERIFY2(answer->value().payload.startsWith("malformed heartbeat: "), answer->value().payload.constData());
        }
        QCOMPARE(fromServer.size(), 1);
    }

    void serverHeartbeatsAreAnswered_data()
    {
        QTest::addColumn<transport::Transport>("transport");
        QTest::newRow("DTLS") << transport::Transport::Dtls;
        QTest::newRow("TLS") << transport::Transport::Tls;
    }

    // RFC 9132 section 4.7: heartbeats go both ways, and each side reports in
    // peer-hb-status whether the other's arrive.
    void serverHeartbeatsAreAnswered()
    {
        QFETCH(transport::Transport, transport);
        SimulatorProcess sim;
        const QString started = sim.start(pkiDir(), {QStringLiteral("--session-config"), QStringLiteral("heartbeat-interval=1:60:1")});
        QVERIFY2(started.isEmpty(), qPrintable(started));

        SignalChannel channel;
        QSignalSpy fromServer(&channel, &SignalChannel::serverHeartbeatReceived);
        bool clientSaidReceiving = false;
        connect(&channel, &SignalChannel::messageExchanged, this, [&](const SignalMessage &m) {
            if (m.direction != SignalMessage::Direction::Outgoing || !m.summary.startsWith(QLatin1String("PUT /.well-known/dots/hb")))
                return;
            const QJsonValue status = m.body.value(heartbeatMemberName()).toObject().value(QStringLiteral("peer-hb-status"));
            if (status.toBool(false))
                clientSaidReceiving = true;
        });
        auto connected = QCoro::waitFor(channel.connectToServer(profileFor(sim, transport)));
        QVERIFY2(connected.ok(), qPrintable(connected.error().toString()));
        QCOMPARE(channel.activeConfig().heartbeatInterval.currentValue, std::optional<quint16>(1));

        QTRY_VERIFY_WITH_TIMEOUT(fromServer.count() >= 2, 5000);
        QVERIFY(channel.lastServerHeartbeat().isValid());
        // Once the client's heartbeats have been answered, the server says it hears them.
        auto serverSaidReceiving = [&fromServer] {
            for (const auto &args : fromServer)
                if (args.first().toBool())
                    return true;
            return false;
        };
        QTRY_VERIFY_WITH_TIMEOUT(serverSaidReceiving(), 5000);
        QTRY_VERIFY_WITH_TIMEOUT(clientSaidReceiving, 5000);
        QCOMPARE(channel.state(), SignalChannel::State::Connected);
    }
};

QTEST_GUILESS_MAIN(SignalChannelTest)
#include "SignalChannelTest.moc"

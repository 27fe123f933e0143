// SPDX-License-Identifier: GPL-3.0-or-later
#include "Scenario.h"
#include "SessionConfig.h"

#include <QtTest>

using namespace dots::simulator;

class TestSimulatorScenario : public QObject {
    Q_OBJECT

private slots:
    void demoScenarioLoads()
    {
        Scenario s;
        QString error;
        QVERIFY2(Scenario::fromFile(QStringLiteral(DOTS_SIMULATOR_SCENARIO_DIR "/demo.json"), s, error), qPrintable(error));
        QVERIFY(s.loop);
        QCOMPARE(s.periodMs, 300000);
        QCOMPARE(s.attacks.size(), 3);
        TargetScope web;
        QVERIFY(TargetScope::parse(QJsonObject{{"target-prefix", QJsonArray{"203.0.113.10"}}}, web).isEmpty());
        QVERIFY(!s.loadAt(1000, web).active()); // the first attack starts after 3 s
        QVERIFY(s.loadAt(10000, web).active());
        QVERIFY(s.loadAt(60000, web).bps > 0);
        QVERIFY(s.loadAt(360000, web).bps > 0); // looped
    }

    void ramp()
    {
        ScenarioAttack a;
        a.startMs = 1000;
        a.durationMs = 10000;
        a.rampUpMs = 4000;
        a.rampDownMs = 2000;
        QCOMPARE(a.intensityAt(500), 0.0);
        QCOMPARE(a.intensityAt(3000), 0.5);
        QCOMPARE(a.intensityAt(6000), 1.0);
        QCOMPARE(a.intensityAt(10000), 0.5);
        QCOMPARE(a.intensityAt(11000), 0.0);
    }

    void errorsAreReportedInWords_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("expected");
        QTest::newRow("not json") << QByteArray("{\n\"attacks\": [\n}") << "not valid JSON at line 3";
        QTest::newRow("not an object") << QByteArray("[]") << "must be a JSON object";
        QTest::newRow("typo") << QByteArray(R"({"atacks": []})") << "atacks: unknown member";
        QTest::newRow("no target") << QByteArray(R"({"attacks": [{"start": 1, "duration": 5, "bps": 1}]})") << "attacks[0].target: missing";
        QTest::newRow("bad prefix") << QByteArray(R"({"attacks": [{"target": {"target-prefix": ["10.0.0.0/33"]}, "start": 1, "duration": 5, "bps": 1}]})")
                                    << "attacks[0].target: target-prefix[0]";
        QTest::newRow("no start") << QByteArray(R"({"attacks": [{"target": {"target-prefix": ["10.0.0.0/8"]}, "duration": 5, "bps": 1}]})")
                                  << "attacks[0].start: missing";
        QTest::newRow("ramps too long") << QByteArray(R"({"attacks": [{"target": {"target-prefix": ["10.0.0.0/8"]}, "start": 0, "duration": 5, "ramp-up": 4, "ramp-down": 4, "bps": 1}]})")
                                        << "longer than duration";
        QTest::newRow("no traffic") << QByteArray(R"({"attacks": [{"target": {"target-prefix": ["10.0.0.0/8"]}, "start": 0, "duration": 5}]})")
                                    << "needs bps or pps";
        QTest::newRow("bad talker") << QByteArray(R"({"attacks": [{"target": {"target-prefix": ["10.0.0.0/8"]}, "start": 0, "duration": 5, "bps": 1, "top-talkers": [{"source-prefix": "300.1.1.1/32", "share": 0.5}]}]})")
                                    << "attacks[0].top-talkers[0].source-prefix";
        QTest::newRow("talker shares") << QByteArray(R"({"attacks": [{"target": {"target-prefix": ["10.0.0.0/8"]}, "start": 0, "duration": 5, "bps": 1, "top-talkers": [{"source-prefix": "192.0.2.1", "share": 0.7}, {"source-prefix": "192.0.2.2", "share": 0.7}]}]})")
                                       << "more than 1";
        QTest::newRow("bad severity") << QByteArray(R"({"attacks": [{"target": {"target-prefix": ["10.0.0.0/8"]}, "start": 0, "duration": 5, "bps": 1, "severity": "dire"}]})")
                                      << "attacks[0].severity";
        QTest::newRow("telemetry interval") << QByteArray(R"({"policy": {"telemetry-notify-interval": 0}})") << "policy.telemetry-notify-interval";
        QTest::newRow("bad policy") << QByteArray(R"({"policy": {"conflict-policy": "maybe"}})") << "policy.conflict-policy";
        QTest::newRow("negative number") << QByteArray(R"({"policy": {"notify-interval": -3}})") << "policy.notify-interval";
        QTest::newRow("config default outside range")
            << QByteArray(R"({"policy": {"session-config": {"all": {"heartbeat-interval": {"min": 15, "max": 60, "default": 90}}}}})")
            << "default 90 is outside 15..60";
        QTest::newRow("unknown config parameter")
            << QByteArray(R"({"policy": {"session-config": {"idle-config": {"heartbeat": {"min": 1}}}}})") << "unknown parameter \"heartbeat\"";
        QTest::newRow("period too short")
            << QByteArray(R"({"period": 3, "attacks": [{"target": {"target-prefix": ["10.0.0.0/8"]}, "start": 0, "duration": 5, "bps": 1}]})")
            << "shorter than the last attack";
    }

    void errorsAreReportedInWords()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, expected);
        Scenario s;
        QString error;
        QVERIFY(!Scenario::fromJson(json, s, error));
        QVERIFY2(error.contains(expected), qPrintable(error));
    }

    void missingFile()
    {
        Scenario s;
        QString error;
        QVERIFY(!Scenario::fromFile(QStringLiteral("/nonexistent/scenario.json"), s, error));
        QVERIFY2(error.contains("cannot read"), qPrintable(error));
    }

    void policyOverridesConfigRanges()
    {
        Scenario s;
        QString error;
        QVERIFY(Scenario::fromJson(R"({"policy": {"session-config": {"idle-config": {"ack-timeout": {"min": 1.5, "max": 10, "default": 3}}}}})", s, error));
        const std::size_t ack = *configParameterIndex(u"ack-timeout");
        QCOMPARE(s.policy.sessionConfig.range(ConfigKind::Idle, ack).min, 150);
        QCOMPARE(s.policy.sessionConfig.range(ConfigKind::Idle, ack).defaultValue, 300);
        QCOMPARE(s.policy.sessionConfig.range(ConfigKind::Mitigating, ack).min, 100);
    }

    void commandLineConfigSpec()
    {
        SessionConfigPolicy p = SessionConfigPolicy::standard();
        QVERIFY(p.applySpec("heartbeat-interval=20:120:40").isEmpty());
        QCOMPARE(p.defaults().idle[0], 40);
        QVERIFY(p.applySpec("ack-random-factor=1.2:3.5:2.25").isEmpty());
        QCOMPARE(p.defaults().mitigating[4], 225);
        QVERIFY(p.applySpec("heartbeat-interval=20:120").contains("NAME=MIN:MAX:DEFAULT"));
        QVERIFY(p.applySpec("bogus=1:2:1").contains("unknown"));
        QVERIFY(p.applySpec("heartbeat-interval=50:20:30").contains("greater than max"));
    }
};

QTEST_GUILESS_MAIN(TestSimulatorScenario)
#include "tst_simulator_scenario.moc"

// SPDX-License-Identifier: GPL-3.0-or-later
// The models the console's views bind to, checked by QAbstractItemModelTester while they change.
#include "models/AclTableModel.h"
#include "models/AliasTableModel.h"
#include "models/FilterRuleText.h"
#include "models/MitigationTableModel.h"
#include "models/SignalEventLogModel.h"
#include "models/TrafficUnits.h"
#include "signal/MitigationRequest.h"

#include <QAbstractItemModelTester>
#include <QJsonObject>
#include <QtTest>

using namespace dots;
using namespace dots::models;
using signal::MitigationStatus;
using signal::MitigationStatusCode;

namespace {

MitigationStatus status(quint32 mid, std::optional<MitigationStatusCode> code, qint64 lifetime = 600)
{
    MitigationStatus s;
    s.mid = mid;
    s.status = code;
    s.lifetime = lifetime;
    s.target.prefixes = {QStringLiteral("203.0.113.%1/32").arg(mid)};
    s.target.protocols = {6};
    return s;
}

} // namespace

class ModelsTest : public QObject
{
    Q_OBJECT

private slots:
    void unitsScale()
    {
        QCOMPARE(formatBitRate(0), QStringLiteral("0 bit/s"));
        QCOMPARE(formatBitRate(999), QStringLiteral("999 bit/s"));
        QCOMPARE(formatBitRate(12500), QStringLiteral("12.5 kbit/s"));
        QCOMPARE(formatBitRate(1.2e9), QStringLiteral("1.20 Gbit/s"));
        QCOMPARE(formatBitRate(999.6e6), QStringLiteral("1.00 Gbit/s"));
        QCOMPARE(formatPacketRate(850), QStringLiteral("850 pps"));
        QCOMPARE(formatPacketRate(3.4e6), QStringLiteral("3.40 Mpps"));
        QCOMPARE(formatBytes(1.5e6), QStringLiteral("1.50 MB"));
        QCOMPARE(formatPackets(950), QStringLiteral("950 packets"));
        QCOMPARE(formatPackets(1.2e6), QStringLiteral("1.20 M packets"));
        QCOMPARE(formatBitRate(-1), QStringLiteral("-"));
        QCOMPARE(formatDuration(std::chrono::seconds(45)), QStringLiteral("45 s"));
        QCOMPARE(formatDuration(std::chrono::seconds(725)), QStringLiteral("12 min 5 s"));
        QCOMPARE(formatDuration(std::chrono::seconds(12000)), QStringLiteral("3 h 20 min"));
        QCOMPARE(formatRoundTrip(std::chrono::microseconds(420)), QStringLiteral("0.42 ms"));
        QCOMPARE(formatRoundTrip(std::chrono::microseconds(38'400)), QStringLiteral("38 ms"));
        QCOMPARE(formatRoundTrip(std::chrono::microseconds(16'671'000)), QStringLiteral("16.7 s"));
        QCOMPARE(formatDuration(std::chrono::seconds(2 * 86400 + 4 * 3600)), QStringLiteral("2 d 4 h"));
    }

    void mitigationRowsFollowChanges()
    {
        MitigationTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 0);

        model.upsert(status(1, std::nullopt));
        model.upsert(status(2, MitigationStatusCode::AttackMitigationInProgress));
        QCOMPARE(model.rowCount(), 2);
        const QModelIndex first = model.index(0, MitigationTableModel::StatusColumn);
        QCOMPARE(first.data().toString(), QStringLiteral("Requested"));
        QCOMPARE(first.data(MitigationTableModel::SeverityRole).toInt(), -1);

        MitigationStatus mitigated = status(1, MitigationStatusCode::AttackSuccessfullyMitigated);
        mitigated.bpsDropped = 312'500'000ULL; // bytes per second (RFC 9132 YANG units): 2.5 Gbit/s
        mitigated.ppsDropped = 1'200'000;
        mitigated.bytesDropped = 7'000'000'000ULL;
        mitigated.pktsDropped = 42;
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.upsert(mitigated);
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(model.index(0, MitigationTableModel::StatusColumn).data().toString(), signal::label(MitigationStatusCode::AttackSuccessfullyMitigated));
        QCOMPARE(model.index(0, MitigationTableModel::StatusColumn).data(MitigationTableModel::StatusNameRole).toString(),
                 QStringLiteral("attack-successfully-mitigated"));
        QVERIFY(model.index(0, MitigationTableModel::StatusColumn).data(Qt::ToolTipRole).toString()
                    .contains(QStringLiteral("attack-successfully-mitigated")));
        QCOMPARE(model.index(0, MitigationTableModel::BitRateColumn).data().toString(), QStringLiteral("2.50 Gbit/s"));
        QCOMPARE(model.index(0, MitigationTableModel::PacketRateColumn).data().toString(), QStringLiteral("1.20 Mpps"));
        QCOMPARE(model.index(0, MitigationTableModel::BytesColumn).data().toString(), QStringLiteral("7.00 GB"));
        QCOMPARE(model.index(0, MitigationTableModel::PacketsColumn).data().toString(), QStringLiteral("42 packets"));
        QVERIFY(model.index(0, MitigationTableModel::BitRateColumn).data(Qt::ToolTipRole).toString()
                    .contains(QStringLiteral("312500000 bytes per second")));
        QCOMPARE(model.index(0, MitigationTableModel::BitRateColumn).data(MitigationTableModel::SortRole).toULongLong(),
                 312'500'000ULL);
        QCOMPARE(model.index(0, MitigationTableModel::TargetColumn).data().toString(), QStringLiteral("203.0.113.1/32 proto tcp"));
        QCOMPARE(model.index(1, MitigationTableModel::BitRateColumn).data().toString(), QStringLiteral("-"));

        model.remove(1);
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.index(0, MitigationTableModel::MidColumn).data().toUInt(), 2u);
        model.remove(99); // unknown: nothing happens
        QCOMPARE(model.rowCount(), 1);
        model.clear();
        QCOMPARE(model.rowCount(), 0);
    }

    void lifetimeCountsDown()
    {
        MitigationTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QDateTime now = QDateTime::currentDateTimeUtc();
        model.setClock([&now] { return now; });
        model.upsert(status(1, MitigationStatusCode::AttackMitigationInProgress, 3600));
        model.upsert(status(2, MitigationStatusCode::AttackMitigationInProgress, signal::kIndefiniteLifetime));
        QCOMPARE(model.lifetimeLeft(0), std::optional<qint64>(3600));
        now = now.addSecs(725);
        QCOMPARE(model.lifetimeLeft(0), std::optional<qint64>(2875));
        QCOMPARE(model.index(0, MitigationTableModel::LifetimeColumn).data().toString(), QStringLiteral("47 min 55 s"));
        QCOMPARE(model.index(1, MitigationTableModel::LifetimeColumn).data().toString(), QStringLiteral("indefinite"));
        // Indefinite sorts after any finite lifetime.
        QVERIFY(model.index(1, MitigationTableModel::LifetimeColumn).data(MitigationTableModel::SortRole).toLongLong()
                > model.index(0, MitigationTableModel::LifetimeColumn).data(MitigationTableModel::SortRole).toLongLong());
        now = now.addSecs(4000);
        QCOMPARE(model.index(0, MitigationTableModel::LifetimeColumn).data().toString(), QStringLiteral("expired"));
        // The countdown repaints the lifetime column once a second.
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QVERIFY(changed.wait(2000));
        QCOMPARE(changed.first().at(0).toModelIndex().column(), int(MitigationTableModel::LifetimeColumn));
    }

    void staleRowsSayWhy()
    {
        MitigationTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.upsert(status(1, MitigationStatusCode::AttackMitigationInProgress));
        QVERIFY(!model.index(0, 0).data(MitigationTableModel::StaleRole).toBool());
        model.setStale(true);
        QVERIFY(model.index(0, 0).data(MitigationTableModel::StaleRole).toBool());
        QVERIFY(model.index(0, MitigationTableModel::StatusColumn).data(Qt::ToolTipRole).toString()
                    .contains(QStringLiteral("session to the server is lost")));
    }

    void statusHistoryKeepsEachChangeOnce()
    {
        MitigationTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QDateTime now = QDateTime(QDate(2026, 11, 22), QTime(10, 0), Qt::UTC);
        model.setClock([&] { return now; });
        QSignalSpy changed(&model, &MitigationTableModel::statusChanged);

        model.upsert(status(7, std::nullopt)); // the PUT answer: no status yet
        QVERIFY(model.statusHistory(0).isEmpty());
        model.upsert(status(7, MitigationStatusCode::AttackMitigationInProgress));
        now = now.addSecs(5);
        model.upsert(status(7, MitigationStatusCode::AttackMitigationInProgress)); // same status: no new step
        now = now.addSecs(30);
        model.upsert(status(7, MitigationStatusCode::AttackSuccessfullyMitigated));

        const QList<StatusChange> history = model.statusHistory(model.rowOfMid(7));
        QCOMPARE(history.size(), 2);
        QCOMPARE(history[0].status, MitigationStatusCode::AttackMitigationInProgress);
        QCOMPARE(history[0].at, QDateTime(QDate(2026, 11, 22), QTime(10, 0), Qt::UTC));
        QCOMPARE(history[1].status, MitigationStatusCode::AttackSuccessfullyMitigated);
        QCOMPARE(history[1].at, QDateTime(QDate(2026, 11, 22), QTime(10, 0, 35), Qt::UTC));

        // Only a change between two known statuses is news; the first status is not.
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed[0][0].toUInt(), 7u);
        QCOMPARE(changed[0][1].value<MitigationStatusCode>(), MitigationStatusCode::AttackMitigationInProgress);
        QCOMPARE(changed[0][2].value<MitigationStatusCode>(), MitigationStatusCode::AttackSuccessfullyMitigated);

        // Bounded: a mitigation flapping for days does not grow without end.
        for (int i = 0; i < MitigationTableModel::kMaxHistory + 50; ++i)
            model.upsert(status(7, i % 2 ? MitigationStatusCode::AttackMitigationInProgress
                                         : MitigationStatusCode::AttackSuccessfullyMitigated));
        QCOMPARE(model.statusHistory(0).size(), MitigationTableModel::kMaxHistory);
        QVERIFY(model.statusHistory(99).isEmpty());
    }

    void eventLogIsBounded()
    {
        SignalEventLogModel model(nullptr, 3);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        for (int i = 0; i < 5; ++i) {
            signal::SignalMessage m;
            m.direction = i % 2 ? signal::SignalMessage::Direction::Incoming : signal::SignalMessage::Direction::Outgoing;
            m.time = QDateTime::currentDateTimeUtc();
            m.summary = QStringLiteral("message %1").arg(i);
            if (i == 4)
                m.body = QJsonObject{{QStringLiteral("ietf-dots-signal-channel:heartbeat"),
                                      QJsonObject{{QStringLiteral("peer-hb-status"), true}}}};
            model.append(m);
        }
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.index(0, SignalEventLogModel::SummaryColumn).data().toString(), QStringLiteral("message 2"));
        QCOMPARE(model.index(2, SignalEventLogModel::DirectionColumn).data().toString(), QStringLiteral("sent"));
        QVERIFY(model.index(2, 0).data(SignalEventLogModel::JsonRole).toString().contains(QStringLiteral("\"peer-hb-status\": true")));
        QVERIFY(model.index(1, 0).data(SignalEventLogModel::JsonRole).toString().isEmpty());
    }

    // Bit fields read as what they pick, not as YANG bit names or hex.
    void filterRulesSayFlagsAndFragmentsInWords()
    {
        data::Ace syn;
        syn.tcp = data::TcpMatch{};
        syn.tcp->flagsBitmask = data::TcpFlagsBitmask{{QStringLiteral("match")}, 0x002};
        QCOMPARE(describeAce(syn), QStringLiteral("drop TCP, TCP flags SYN set"));
        syn.tcp->flagsBitmask = data::TcpFlagsBitmask{{QStringLiteral("not"), QStringLiteral("any")}, 0x012};
        QCOMPARE(describeAce(syn), QStringLiteral("drop TCP, none of TCP flags SYN, ACK"));

        data::Ace fragments;
        fragments.ip = data::IpMatch{};
        fragments.ip->fragment = data::FragmentMatch{{QStringLiteral("match")}, {QStringLiteral("isf")}};
        QCOMPARE(describeAce(fragments), QStringLiteral("drop IPv4 traffic, only fragments"));
        fragments.ip->fragment = data::FragmentMatch{{QStringLiteral("not"), QStringLiteral("any")},
                                                     {QStringLiteral("ff"), QStringLiteral("lf")}};
        QCOMPARE(describeAce(fragments), QStringLiteral("drop IPv4 traffic, except first fragments or last fragments"));
    }

    void aliasAndAclRowsAreTheirLists()
    {
        AliasTableModel aliases;
        QAbstractItemModelTester aliasTester(&aliases, QAbstractItemModelTester::FailureReportingMode::QtTest);
        data::Alias web;
        web.name = QStringLiteral("web-front");
        web.targets.prefixes = {QStringLiteral("203.0.113.0/24")};
        web.pendingLifetime = 90;
        data::Alias dns;
        dns.name = QStringLiteral("dns");
        dns.targets.fqdns = {QStringLiteral("ns.example.com")};
        aliases.setAliases({web, dns});
        QCOMPARE(aliases.rowCount(), 2);
        QCOMPARE(aliases.columnCount(), int(AliasTableModel::ColumnCount));
        QCOMPARE(aliases.names(), (QStringList{QStringLiteral("web-front"), QStringLiteral("dns")}));
        QCOMPARE(aliases.aliasAt(1), std::optional<data::Alias>(dns));
        QVERIFY(!aliases.aliasAt(2));
        QVERIFY(!aliases.aliasAt(-1));
        QCOMPARE(aliases.index(0, AliasTableModel::TargetsColumn).data().toString(), QStringLiteral("203.0.113.0/24"));
        QCOMPARE(aliases.index(1, 0).data(AliasTableModel::NameRole).toString(), QStringLiteral("dns"));
        QCOMPARE(aliases.index(0, AliasTableModel::ExpiresColumn).data(AliasTableModel::SortRole).toLongLong(), 90);
        QCOMPARE(aliases.index(1, AliasTableModel::ExpiresColumn).data(AliasTableModel::SortRole).toLongLong(), -1);
        aliases.setAliases({});
        QCOMPARE(aliases.rowCount(), 0);

        AclTableModel acls;
        QAbstractItemModelTester aclTester(&acls, QAbstractItemModelTester::FailureReportingMode::QtTest);
        data::Acl acl;
        acl.name = QStringLiteral("drop-syn");
        acl.activationType = data::ActivationType::Immediate;
        data::Ace ace;
        ace.name = QStringLiteral("syn");
        ace.matchedPackets = 5;
        acl.aces = {ace, ace};
        acls.setAcls({acl});
        QCOMPARE(acls.rowCount(), 1);
        QCOMPARE(acls.columnCount(), int(AclTableModel::ColumnCount));
        QCOMPARE(acls.names(), QStringList{QStringLiteral("drop-syn")});
        QCOMPARE(acls.aclAt(0)->name, QStringLiteral("drop-syn"));
        QVERIFY(!acls.aclAt(1));
        QCOMPARE(acls.index(0, AclTableModel::MatchedColumn).data(AclTableModel::SortRole).toULongLong(), 10u);
        QCOMPARE(acls.index(0, 0).data(AclTableModel::ActivationRole).toInt(), int(data::ActivationType::Immediate));
    }
};

QTEST_GUILESS_MAIN(ModelsTest)
#include "tst_models.moc"

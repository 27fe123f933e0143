// SPDX-License-Identifier: GPL-3.0-or-later
// The Aliases and Filters pages and the rule editor against the real simulator (HTTPS data
// channel, DTLS signal channel) on the offscreen platform.
#include "AliasDialog.h"
#include "AliasesPage.h"
#include "AuditLogDock.h"
#include "DemoClientProfile.h"
#include "FilterRuleDialog.h"
#include "FiltersPage.h"
#include "MainWindow.h"
#include "NewMitigationDialog.h"
#include "SimulatorProcess.h"
#include "data/DataChannel.h"
#include "models/AclTableModel.h"
#include "models/AliasTableModel.h"
#include "models/AuditLogModel.h"
#include "models/MitigationTableModel.h"
#include "models/SignalEventLogModel.h"
#include "pki/PkiGenerator.h"
#include "signal/SignalChannel.h"
#include "store/AuditLog.h"
#include "store/Database.h"

#include <QComboBox>
#include <QCoro/QCoroTask>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>

using namespace dots;

namespace {
QPushButton *saveButton(QDialog *dialog)
{
    return dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Save);
}

// The dialog a page has just opened (earlier ones close on accept and go later).
template<typename Dialog>
Dialog *openDialog(QWidget *page)
{
    const auto dialogs = page->findChildren<Dialog *>();
    for (auto it = dialogs.rbegin(); it != dialogs.rend(); ++it) {
        if ((*it)->isVisible())
            return *it;
    }
    return nullptr;
}
} // namespace

class DataPagesTest : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    SimulatorProcess m_sim;
    QString pkiDir() const { return m_dir.filePath(QStringLiteral("pki")); }

    void connectData(data::DataChannel &channel)
    {
        const auto files = pki::PkiFiles::inDirectory(pkiDir());
        QCOMPARE(channel.configure(QUrl(QStringLiteral("https://127.0.0.1:%1").arg(m_sim.httpsPort())),
                                   {files.clientCertificate, files.clientKey, files.caCertificate, {}}),
                 QString());
        auto connecting = channel.connectToServer();
        const auto connected = QCoro::waitFor(connecting);
        QVERIFY2(connected.ok(), qPrintable(connected.error().toString()));
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QCOMPARE(pki::PkiGenerator::ensure(pkiDir()), QString());
        const QString started = m_sim.start(pkiDir(), {QStringLiteral("--scenario"), QStringLiteral(DOTS_DEMO_SCENARIO),
                                                       QStringLiteral("--speed"), QStringLiteral("10")});
        QVERIFY2(started.isEmpty(), qPrintable(started));
    }

    void aliasDialogChecksFields()
    {
        ui::AliasDialog dialog(std::nullopt);
        QVERIFY(!saveButton(&dialog)->isEnabled());
        dialog.nameEdit()->setText(QStringLiteral("dns"));
        dialog.prefixesEdit()->setText(QStringLiteral("203.0.113.0/33"));
        auto *prefixError = dialog.findChild<QLabel *>(QStringLiteral("prefixError"));
        QVERIFY(!prefixError->isHidden());
        QVERIFY(!saveButton(&dialog)->isEnabled());
        dialog.prefixesEdit()->setText(QStringLiteral("203.0.113.0/24"));
        QVERIFY(prefixError->isHidden());
        dialog.portsEdit()->setText(QStringLiteral("90-80"));
        QVERIFY(!dialog.findChild<QLabel *>(QStringLiteral("portError"))->isHidden());
        QVERIFY(!saveButton(&dialog)->isEnabled());
        dialog.portsEdit()->setText(QStringLiteral("53"));
        dialog.protocolsEdit()->setText(QStringLiteral("udp, bogus"));
        QVERIFY(!dialog.findChild<QLabel *>(QStringLiteral("protocolError"))->isHidden());
        dialog.protocolsEdit()->setText(QStringLiteral("udp"));
        QVERIFY(saveButton(&dialog)->isEnabled());
        QCOMPARE(dialog.alias().targets.protocols, QList<quint8>{17});
    }

    void aliasesPageShowsScenarioAndSavesNew()
    {
        data::DataChannel channel;
        connectData(channel);
        models::AliasTableModel model;
        ui::AliasesPage page(&model);
        page.setChannel(&channel);
        page.resize(1100, 500);
        page.show();
        auto refreshing = page.refresh();
        QCoro::waitFor(refreshing);
        // The demo scenario prepares three aliases for every client.
        QCOMPARE(model.rowCount(), 3);
        QVERIFY(model.names().contains(QStringLiteral("web-front")));
        page.searchEdit()->setText(QStringLiteral("mx.example"));
        QCOMPARE(page.view()->model()->rowCount(), 1);
        page.searchEdit()->clear();

        page.openNewDialog();
        auto *dialog = page.findChild<ui::AliasDialog *>();
        QVERIFY(dialog);
        dialog->nameEdit()->setText(QStringLiteral("vpn"));
        dialog->prefixesEdit()->setText(QStringLiteral("192.0.2.0/28"));
        dialog->portsEdit()->setText(QStringLiteral("443, 1194"));
        QVERIFY(saveButton(dialog)->isEnabled());
        QSignalSpy saved(&page, &ui::AliasesPage::succeeded);
        saveButton(dialog)->click();
        QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 4, 5000);
        QTRY_COMPARE_WITH_TIMEOUT(saved.size(), 1, 5000);
        QVERIFY2(saved.first().first().toString().contains(QStringLiteral("vpn")), qPrintable(saved.first().first().toString()));
        QVERIFY2(page.statusLabel()->text().contains(QStringLiteral("vpn")), qPrintable(page.statusLabel()->text()));
    }

    void aProfileSwitchDropsTheRefreshOfThePreviousServer()
    {
        data::DataChannel channel;
        connectData(channel);
        models::AliasTableModel aliasModel;
        ui::AliasesPage aliases(&aliasModel);
        aliases.setChannel(&channel);
        models::AclTableModel aclModel;
        ui::FiltersPage filters(&aclModel);
        filters.setChannel(&channel);
        auto readingAliases = aliases.refresh();
        auto readingFilters = filters.refresh();
        QVERIFY(!aliases.statusLabel()->text().isEmpty());
        // The analyst chooses a profile without a data channel before the server answered.
        QVERIFY(!channel.configure(QUrl(), {}).isEmpty());
        QCoro::waitFor(readingAliases);
        QCoro::waitFor(readingFilters);
        // Nothing of the previous server is shown, and no error about an answer nobody waits for.
        QCOMPARE(aliasModel.rowCount(), 0);
        QCOMPARE(aclModel.rowCount(), 0);
        QVERIFY2(aliases.statusLabel()->text().isEmpty(), qPrintable(aliases.statusLabel()->text()));
        QVERIFY2(filters.statusLabel()->text().isEmpty(), qPrintable(filters.statusLabel()->text()));

        // Back on a server, a refresh reads its lists again.
        connectData(channel);
        auto readingAgain = aliases.refresh();
        QCoro::waitFor(readingAgain);
        QVERIFY(aliasModel.names().contains(QStringLiteral("web-front")));
        QVERIFY2(aliases.statusLabel()->text().contains(QString::number(aliasModel.rowCount())), qPrintable(aliases.statusLabel()->text()));
    }

    void ruleEditorReadsLikeAFirewallRule()
    {
        data::Capabilities caps;
        caps.forwardingActions = {QStringLiteral("accept"), QStringLiteral("drop")};
        caps.rateLimit = false;
        ui::FilterRuleDialog dialog(std::nullopt, caps);
        dialog.nameEdit()->setText(QStringLiteral("dns-drop"));
        dialog.protocolCombo()->setCurrentIndex(dialog.protocolCombo()->findText(QStringLiteral("UDP")));
        dialog.sourceEdit()->setText(QStringLiteral("203.0.113.0/24"));
        dialog.destinationPortEdit()->setText(QStringLiteral("53"));
        QCOMPARE(dialog.sentenceLabel()->text(), QStringLiteral("drop UDP from 203.0.113.0/24 to any port 53"));
        QVERIFY(saveButton(&dialog)->isEnabled());
        QVERIFY(dialog.jsonView()->toPlainText().contains(QStringLiteral("\"destination-port-range-or-operator\"")));
        // A rate limit this server cannot enforce is said before anything is sent.
        dialog.actionCombo()->setCurrentIndex(2);
        dialog.rateSpin()->setValue(10);
        QVERIFY2(dialog.sentenceLabel()->text().endsWith(QStringLiteral("rate 10.0 Mbit/s")), qPrintable(dialog.sentenceLabel()->text()));
        QVERIFY(!saveButton(&dialog)->isEnabled());
        QVERIFY2(dialog.problemLabel()->text().contains(QStringLiteral("rate-limit")), qPrintable(dialog.problemLabel()->text()));
        dialog.actionCombo()->setCurrentIndex(0);
        // Mixed address families and ports without TCP/UDP are refused in words.
        dialog.destinationEdit()->setText(QStringLiteral("2001:db8::/32"));
        QVERIFY(!saveButton(&dialog)->isEnabled());
        QVERIFY(dialog.problemLabel()->text().contains(QStringLiteral("IPv4")));
        dialog.destinationEdit()->clear();
        dialog.protocolCombo()->setCurrentIndex(0);
        QVERIFY(dialog.problemLabel()->text().contains(QStringLiteral("TCP or UDP")));
    }

    void editingAFilterKeepsWhatTheFormDoesNotShow()
    {
        // Shaped like go-dots' sample request (dots_client/data/sampleAcl.json): ttl, protocol,
        // flags and dscp are not on the form and must survive an edit.
        const auto sample = data::parseAcls(QJsonDocument::fromJson(R"({"ietf-dots-data-channel:acls":{"acl":[
            {"name":"sample-ipv4-acl","type":"ipv4-acl-type","activation-type":"immediate","aces":{"ace":[
             {"name":"rule1","matches":{"ipv4":{"source-ipv4-network":"192.168.17.0/24",
              "destination-ipv4-network":"1.1.2.0/24","ttl":10,"protocol":6,"flags":"more","dscp":3},
              "tcp":{"destination-port-range-or-operator":{"lower-port":443,"upper-port":445}}},
              "actions":{"forwarding":"accept"}}]}}]}})").object(), data::DecodeMode::Strict);
        QVERIFY2(sample.ok(), qPrintable(sample.errorString()));
        const data::Acl acl = sample.value.first();
        {
            ui::FilterRuleDialog dialog(acl, std::nullopt);
            QVERIFY2(saveButton(&dialog)->isEnabled(), qPrintable(dialog.problemLabel()->text()));
            QCOMPARE(dialog.acl(), acl);
            dialog.destinationPortEdit()->setText(QStringLiteral("443"));
            data::Acl expected = acl;
            expected.aces.first().tcp->destinationPort = data::PortMatch::single(443);
            QCOMPARE(dialog.acl(), expected);
            QVERIFY(dialog.jsonView()->toPlainText().contains(QStringLiteral("\"ttl\": 10")));
        }

        // Reject stays reject; ICMP code, fragment operators and types, TCP-less IPv6 type stay.
        const auto other = data::parseAcls(QJsonDocument::fromJson(R"({"ietf-dots-data-channel:acls":{"acl":[
            {"name":"icmp6-reject","type":"ipv6-acl-type","activation-type":"deactivate","aces":{"ace":[
             {"name":"unreach","matches":{"ipv6":{"protocol":58,"ttl":64,"fragment":{"operator":"not match","type":"lf"}},
              "icmp":{"type":1,"code":4}},"actions":{"forwarding":"reject"}}]}}]}})").object(), data::DecodeMode::Strict);
        QVERIFY2(other.ok(), qPrintable(other.errorString()));
        const data::Acl rejecting = other.value.first();
        ui::FilterRuleDialog dialog(rejecting, std::nullopt);
        QVERIFY2(saveButton(&dialog)->isEnabled(), qPrintable(dialog.problemLabel()->text()));
        QCOMPARE(dialog.acl(), rejecting);
        QVERIFY2(dialog.actionCombo()->currentText().contains(QStringLiteral("Reject")), qPrintable(dialog.actionCombo()->currentText()));
    }

    // Every alias and filter change from the pages lands in the audit log, done or refused,
    // against the server profile the way the signal channel's actions do.
    void changesLandInTheAuditLog()
    {
        data::DataChannel data;
        connectData(data);
        signal::SignalChannel signalChannel;
        signal::ServerProfile profile = test::demoClientProfile(pkiDir(), m_sim.dtlsPort());
        profile.name = QStringLiteral("lab simulator");
        auto connecting = signalChannel.connectToServer(profile);
        const auto connected = QCoro::waitFor(connecting);
        QVERIFY2(connected.ok(), qPrintable(connected.error().toString()));

        auto opened = store::Database::open(m_dir.filePath(QStringLiteral("audit.sqlite")), QStringLiteral("data-pages-audit"));
        QVERIFY2(opened.ok(), opened.ok() ? "" : qPrintable(opened.error().toString()));
        const std::unique_ptr<store::Database> db = std::move(opened).value();
        store::AuditLog log(*db);
        models::AuditLogModel audit(&log);
        models::MitigationTableModel mitigations;
        models::SignalEventLogModel events;
        ui::MainWindow window(&mitigations, &events);
        window.setChannel(&signalChannel);
        window.setAuditLog(&audit);

        models::AliasTableModel aliasModel;
        auto *aliases = new ui::AliasesPage(&aliasModel);
        aliases->setChannel(&data);
        aliases->setConfirmation([](const QString &) { return true; });
        models::AclTableModel aclModel;
        auto *filters = new ui::FiltersPage(&aclModel);
        filters->setChannel(&data);
        filters->setConfirmation([](const QString &) { return true; });
        window.addPage(aliases, QStringLiteral("Aliases"));
        window.addPage(filters, QStringLiteral("Filters"));
        connect(aliases, &ui::DataListPage::changeAttempted, &window, &ui::MainWindow::audit);
        connect(filters, &ui::DataListPage::changeAttempted, &window, &ui::MainWindow::audit);
        window.show();
        auto readingAliases = aliases->refresh();
        QCoro::waitFor(readingAliases);
        auto readingFilters = filters->refresh();
        QCoro::waitFor(readingFilters);
        QSignalSpy aliasChanges(aliases, &ui::DataListPage::changeAttempted);
        QSignalSpy filterChanges(filters, &ui::DataListPage::changeAttempted);

        // Aliases: create, the same name again (the server refuses), edit, delete.
        const auto newAlias = [&](const QString &prefix) {
            aliases->openNewDialog();
            auto *dialog = openDialog<ui::AliasDialog>(aliases);
            QVERIFY(dialog);
            dialog->nameEdit()->setText(QStringLiteral("audit-dns"));
            dialog->prefixesEdit()->setText(prefix);
            dialog->portsEdit()->setText(QStringLiteral("53"));
            dialog->protocolsEdit()->setText(QStringLiteral("udp"));
            QVERIFY(saveButton(dialog)->isEnabled());
            saveButton(dialog)->click();
        };
        newAlias(QStringLiteral("198.51.100.53/32"));
        QTRY_COMPARE_WITH_TIMEOUT(aliasChanges.size(), 1, 5000);
        QTRY_VERIFY_WITH_TIMEOUT(aliasModel.names().contains(QStringLiteral("audit-dns")), 5000);
        newAlias(QStringLiteral("198.51.100.99/32"));
        QTRY_COMPARE_WITH_TIMEOUT(aliasChanges.size(), 2, 5000);
        aliases->selectAlias(QStringLiteral("audit-dns"));
        aliases->openEditDialog();
        auto *aliasEditor = openDialog<ui::AliasDialog>(aliases);
        QVERIFY(aliasEditor);
        aliasEditor->prefixesEdit()->setText(QStringLiteral("198.51.100.54/32"));
        saveButton(aliasEditor)->click();
        QTRY_COMPARE_WITH_TIMEOUT(aliasChanges.size(), 3, 5000);
        QTRY_VERIFY_WITH_TIMEOUT(aliasModel.aliasAt(aliasModel.names().indexOf(QStringLiteral("audit-dns")))->targets.prefixes
                                     == QStringList{QStringLiteral("198.51.100.54/32")}, 5000);
        aliases->selectAlias(QStringLiteral("audit-dns"));
        auto deletingAlias = aliases->deleteSelected();
        QCoro::waitFor(deletingAlias);
        QCOMPARE(aliasChanges.size(), 4);

        // Filters: create, a name the server already holds (refused), edit, activate, delete.
        const auto newFilter = [&](const QString &name) {
            filters->openNewDialog();
            auto *dialog = openDialog<ui::FilterRuleDialog>(filters);
            QVERIFY(dialog);
            dialog->nameEdit()->setText(name);
            dialog->protocolCombo()->setCurrentIndex(dialog->protocolCombo()->findText(QStringLiteral("UDP")));
            dialog->sourceEdit()->setText(QStringLiteral("203.0.113.0/24"));
            dialog->destinationPortEdit()->setText(QStringLiteral("53"));
            QVERIFY2(saveButton(dialog)->isEnabled(), qPrintable(dialog->problemLabel()->text()));
            saveButton(dialog)->click();
        };
        newFilter(QStringLiteral("audit-drop"));
        QTRY_COMPARE_WITH_TIMEOUT(filterChanges.size(), 1, 5000);
        QTRY_VERIFY_WITH_TIMEOUT(aclModel.names().contains(QStringLiteral("audit-drop")), 5000);
        newFilter(QStringLiteral("drop-syn-to-mail")); // prepared by the demo scenario
        QTRY_COMPARE_WITH_TIMEOUT(filterChanges.size(), 2, 5000);
        filters->selectFilter(QStringLiteral("audit-drop"));
        filters->openEditDialog();
        auto *filterEditor = openDialog<ui::FilterRuleDialog>(filters);
        QVERIFY(filterEditor);
        filterEditor->destinationPortEdit()->setText(QStringLiteral("5353"));
        saveButton(filterEditor)->click();
        QTRY_COMPARE_WITH_TIMEOUT(filterChanges.size(), 3, 5000);
        QTRY_VERIFY_WITH_TIMEOUT(aclModel.aclAt(aclModel.names().indexOf(QStringLiteral("audit-drop")))->aces.first().udp->destinationPort
                                     == data::PortMatch::single(5353), 5000);
        filters->selectFilter(QStringLiteral("audit-drop"));
        auto activating = filters->setSelectedActivation(data::ActivationType::Immediate); // no attack: data channel
        QCoro::waitFor(activating);
        QCOMPARE(filterChanges.size(), 4);
        QTRY_VERIFY_WITH_TIMEOUT(aclModel.aclAt(aclModel.names().indexOf(QStringLiteral("audit-drop")))->effectiveActivationType()
                                     == data::ActivationType::Immediate, 5000);
        filters->selectFilter(QStringLiteral("audit-drop"));
        auto deletingFilter = filters->deleteSelected();
        QCoro::waitFor(deletingFilter);
        QCOMPARE(filterChanges.size(), 5);

        // What the store holds, oldest first.
        const auto stored = log.query();
        QVERIFY(stored.ok());
        QList<store::AuditEntry> entries = stored.value();
        std::reverse(entries.begin(), entries.end());
        QStringList lines;
        for (const auto &e : entries) {
            QCOMPARE(e.server, QStringLiteral("lab simulator"));
            QCOMPARE(e.operatorName, store::AuditLog::currentOperator());
            QCOMPARE(e.mid, std::nullopt);
            lines << store::actionName(e.action) + QLatin1Char(' ') + e.summary;
        }
        QCOMPARE(lines.size(), 9);
        const QString udp53 = QStringLiteral("198.51.100.53/32 ports 53 proto udp");
        const QString udp54 = QStringLiteral("198.51.100.54/32 ports 53 proto udp");
        QCOMPARE(lines[0], QStringLiteral("alias-create create alias audit-dns (%1)").arg(udp53));
        QVERIFY2(lines[1].startsWith(QStringLiteral("alias-create create alias audit-dns (198.51.100.99/32 ports 53 proto udp) failed: ")),
                 qPrintable(lines[1]));
        QVERIFY2(lines[1].contains(QStringLiteral("HTTP 409")), qPrintable(lines[1]));
        QCOMPARE(lines[2], QStringLiteral("alias-replace replace alias audit-dns (%1)").arg(udp54));
        QCOMPARE(lines[3], QStringLiteral("alias-delete delete alias audit-dns (%1)").arg(udp54));
        QCOMPARE(lines[4], QStringLiteral("acl-create create filter audit-drop (on during a mitigation: drop UDP from 203.0.113.0/24 to any port 53)"));
        QVERIFY2(lines[5].startsWith(QStringLiteral("acl-create create filter drop-syn-to-mail (on during a mitigation: drop UDP from "
                                                    "203.0.113.0/24 to any port 53) failed: ")),
                 qPrintable(lines[5]));
        QVERIFY2(lines[5].contains(QStringLiteral("HTTP 409")), qPrintable(lines[5]));
        QCOMPARE(lines[6], QStringLiteral("acl-replace replace filter audit-drop (on during a mitigation: drop UDP from 203.0.113.0/24 to any port 5353)"));
        QCOMPARE(lines[7], QStringLiteral("filter-control set filter audit-drop to \"active now\""));
        QCOMPARE(lines[8], QStringLiteral("acl-delete delete filter audit-drop (active now: drop UDP from 203.0.113.0/24 to any port 5353)"));

        // The detail is the RFC 8783 document: what was sent, or what was deleted.
        const auto aliasDoc = data::parseAliases(entries[3].detail, data::DecodeMode::Strict);
        QVERIFY2(aliasDoc.ok() && aliasDoc.value.size() == 1, qPrintable(aliasDoc.errorString()));
        QCOMPARE(aliasDoc.value.first().targets.prefixes, QStringList{QStringLiteral("198.51.100.54/32")});
        const auto aclDoc = data::parseAcls(entries[8].detail, data::DecodeMode::Strict);
        QVERIFY2(aclDoc.ok() && aclDoc.value.size() == 1, qPrintable(aclDoc.errorString()));
        QCOMPARE(aclDoc.value.first().name, QStringLiteral("audit-drop"));
        QCOMPARE(entries[7].detail.value(QStringLiteral("activation-type")).toString(), QStringLiteral("immediate"));

        // The dock shows them, and its action filter finds one kind.
        auto *actionFilter = window.auditLog()->findChild<QComboBox *>(QStringLiteral("auditActionFilter"));
        QVERIFY(actionFilter);
        QCOMPARE(audit.rowCount(), 9);
        actionFilter->setCurrentIndex(actionFilter->findText(models::AuditLogModel::actionLabel(store::AuditAction::AliasCreate)));
        QCOMPARE(audit.rowCount(), 2);
        actionFilter->setCurrentIndex(0);
        QCOMPARE(audit.rowCount(), 9);

        const QString shot = qEnvironmentVariable("DOTS_SCREENSHOT_DIR");
        if (!shot.isEmpty()) {
            window.resize(1280, 800);
            window.pages()->setCurrentWidget(filters);
            window.auditLog()->raise();
            window.resizeDocks({window.auditLog()}, {330}, Qt::Vertical);
            QTest::qWait(300);
            window.grab().save(shot + QStringLiteral("/audit-data-changes.png"));
        }
    }

    void filterActivatedWithOneClickDuringAnAttack()
    {
        data::DataChannel data;
        connectData(data);
        signal::SignalChannel signalChannel;
        auto connecting = signalChannel.connectToServer(test::demoClientProfile(pkiDir(), m_sim.dtlsPort()));
        const auto connected = QCoro::waitFor(connecting);
        QVERIFY2(connected.ok(), qPrintable(connected.error().toString()));

        models::AclTableModel model;
        ui::FiltersPage page(&model);
        page.setChannel(&data);
        page.setSignalChannel(&signalChannel);
        page.setConfirmation([](const QString &) { return true; });
        page.resize(1280, 700);
        page.show();
        auto refreshing = page.refresh();
        QCoro::waitFor(refreshing);
        QVERIFY(model.names().contains(QStringLiteral("drop-syn-to-mail")));
        QVERIFY2(page.capabilitiesLabel()->text().contains(QStringLiteral("rate limits</b> yes")), qPrintable(page.capabilitiesLabel()->text()));

        // The mitigation form offers the data channel's aliases; a request by alias goes through.
        ui::NewMitigationDialog form;
        form.setDataChoices({QStringLiteral("web-front"), QStringLiteral("mail-relay")}, model.names(), false);
        auto *aliases = form.findChild<QListWidget *>(QStringLiteral("aliasPicker"));
        QVERIFY(!form.isValid());
        aliases->item(1)->setCheckState(Qt::Checked);
        QVERIFY(form.isValid());
        QVERIFY(!form.findChild<QListWidget *>(QStringLiteral("aclPicker"))->isEnabled());
        auto requesting = signalChannel.requestMitigation(form.request());
        const auto mitigation = QCoro::waitFor(requesting);
        QVERIFY2(mitigation.ok(), qPrintable(mitigation.error().toString()));

        page.selectFilter(QStringLiteral("drop-syn-to-mail"));
        QVERIFY(page.activateButton()->isEnabled());
        // Once the server reports the mitigation active, the button says it goes with it.
        QTRY_VERIFY2_WITH_TIMEOUT(page.activateButton()->text().contains(QString::number(mitigation.value().mid)),
                                  qPrintable(page.activateButton()->text()), 5000);
        QVERIFY(page.jsonView()->toPlainText().contains(QStringLiteral("\"deactivate\"")));
        page.activateButton()->click();
        QTRY_VERIFY_WITH_TIMEOUT(page.statusLabel()->text().contains(QStringLiteral("active now")), 5000);
        QTRY_VERIFY_WITH_TIMEOUT(model.aclAt(model.names().indexOf(QStringLiteral("drop-syn-to-mail")))->effectiveActivationType()
                                     == data::ActivationType::Immediate, 5000);
        // RFC 9133: the change went under a new mid, which replaces the old one.
        const auto mitigations = signalChannel.mitigations();
        QCOMPARE(mitigations.size(), 1);
        const quint32 replacingMid = mitigations.first().mid;
        QVERIFY(replacingMid > mitigation.value().mid);
        QCOMPARE(mitigations.first().aclList.size(), 1);
        QVERIFY2(page.statusLabel()->text().contains(QString::number(replacingMid)), qPrintable(page.statusLabel()->text()));

        const QString shot = qEnvironmentVariable("DOTS_SCREENSHOT_DIR");
        if (!shot.isEmpty()) {
            QTest::qWait(1500);
            page.refresh();
            QTest::qWait(500);
            page.grab().save(shot + QStringLiteral("/filters-page.png"));
        }
        auto withdrawing = signalChannel.withdrawMitigation(replacingMid);
        QCoro::waitFor(withdrawing);
    }
};

QTEST_MAIN(DataPagesTest)
#include "tst_data_pages.moc"

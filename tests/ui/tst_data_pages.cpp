// The Aliases and Filters pages and the rule editor against the real simulator (HTTPS data
// channel, DTLS signal channel) on the offscreen platform.
#include "AliasDialog.h"
#include "AliasesPage.h"
#include "DemoClientProfile.h"
#include "FilterRuleDialog.h"
#include "FiltersPage.h"
#include "NewMitigationDialog.h"
#include "SimulatorProcess.h"
#include "data/DataChannel.h"
#include "models/AclTableModel.h"
#include "models/AliasTableModel.h"
#include "pki/PkiGenerator.h"
#include "signal/SignalChannel.h"

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

using namespace dots;

namespace {
QPushButton *saveButton(QDialog *dialog)
{
    return dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Save);
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
        QVERIFY(signalChannel.mitigation(mitigation.value().mid)->aclList.size() == 1);

        const QString shot = qEnvironmentVariable("DOTS_SCREENSHOT_DIR");
        if (!shot.isEmpty()) {
            QTest::qWait(1500);
            page.refresh();
            QTest::qWait(500);
            page.grab().save(shot + QStringLiteral("/filters-page.png"));
        }
        auto withdrawing = signalChannel.withdrawMitigation(mitigation.value().mid);
        QCoro::waitFor(withdrawing);
    }
};

QTEST_MAIN(DataPagesTest)
#include "tst_data_pages.moc"

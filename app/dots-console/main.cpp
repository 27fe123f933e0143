// SPDX-License-Identifier: GPL-3.0-or-later
// dots-console: the operator console. It connects to the active server profile (Connection →
// Profiles…); while none is chosen it runs in demo mode: it starts the bundled dots-simulator on
// 127.0.0.1 with a generated PKI and connects to it, so a fresh machine shows a working console.
#include "AliasesPage.h"
#include "BuildInfo.h"
#include "ConsoleConnection.h"
#include "ConsoleStore.h"
#include "DemoServer.h"
#include "FiltersPage.h"
#include "MainWindow.h"
#include "MitigationDashboard.h"
#include "NoticeBar.h"
#include "ScreenshotTimer.h"
#include "SessionDock.h"
#include "SessionView.h"
#include "UiLanguage.h"
#include "data/DataChannel.h"
#include "models/AclTableModel.h"
#include "models/AliasTableModel.h"
#include "models/AuditLogModel.h"
#include "models/MitigationTableModel.h"
#include "models/SessionTableModel.h"
#include "models/SignalEventLogModel.h"
#include "profiles/ProfileStore.h"
#include "store/AuditLog.h"
#include "models/TelemetryModel.h"
#include "TelemetryPage.h"
#include "signal/SignalChannel.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QCoro/QCoroTask>
#include <QDir>
#include <QIcon>
#include <QPointer>
#include <QSettings>
#include <QStandardPaths>
#include <QTabWidget>

using namespace dots;

namespace {

// --help and --version print and quit: they should work over ssh too, where there is no screen.
bool asksOnlyForHelpOrVersion(int argc, char *argv[])
{
    for (int i = 1; i < argc; ++i) {
        const QByteArray arg(argv[i]);
        if (arg == "-h" || arg == "--help" || arg == "-?" || arg == "--help-all" || arg == "-v" || arg == "--version")
            return true;
    }
    return false;
}

// The data channel of `profile`, if it has one: discovery, registration, capabilities, then
// the pages show what the server holds.
QCoro::Task<> connectData(data::DataChannel *channel, QPointer<ui::MainWindow> window, signal::ServerProfile profile,
                          QPointer<ui::AliasesPage> aliases, QPointer<ui::FiltersPage> filters)
{
    if (profile.dataChannelUrl.isEmpty()) {
        channel->configure(QUrl(), {}); // this server has none: the pages say so
        if (aliases)
            aliases->setChannel(channel);
        if (filters)
            filters->setChannel(channel);
        co_return;
    }
    if (const QString problem = channel->configure(profile.dataChannelUrl, profile.pki); !problem.isEmpty()) {
        if (window)
            window->showProblem(QObject::tr("Data channel of %1: %2").arg(profile.label(), problem));
        co_return;
    }
    if (aliases)
        aliases->setChannel(channel);
    if (filters)
        filters->setChannel(channel);
    const quint64 generation = channel->generation();
    auto task = channel->connectToServer();
    const auto result = co_await task;
    if (channel->generation() != generation)
        co_return; // another profile was chosen meanwhile; its own connectData reports
    if (!result.ok()) {
        if (window)
            window->showProblem(QObject::tr("Data channel of %1: %2").arg(profile.label(), result.error().toString()));
        co_return;
    }
    if (aliases)
        aliases->refresh();
    if (filters)
        filters->refresh();
}

} // namespace

int main(int argc, char *argv[])
{
    if (asksOnlyForHelpOrVersion(argc, argv) && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("dots-console"));
    QApplication::setApplicationName(QStringLiteral("dots-console"));
    // Matches the installed .desktop entry and the icon of the hicolor theme.
    QGuiApplication::setDesktopFileName(QStringLiteral(DOTS_APP_ID));
    QApplication::setWindowIcon(QIcon::fromTheme(QStringLiteral(DOTS_APP_ID)));
    // The language chosen in View > Language, else the system's; numbers and dates follow a chosen one too.
    const QLocale locale = translations::UiLanguage::effectiveLocale();
    if (!translations::UiLanguage::chosen().isEmpty())
        QLocale::setDefault(locale);
    translations::UiLanguage::install(&app, locale);
    QApplication::setApplicationDisplayName(QObject::tr("DOTS Console"));
    QApplication::setApplicationVersion(BuildInfo::summary());

    QCommandLineParser parser;
    parser.setApplicationDescription(QObject::tr("Operator console for DDoS Open Threat Signaling (DOTS, RFC 9132)."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption demoOption(QStringLiteral("demo"),
        QObject::tr("Start the bundled DOTS server simulator and connect to it (the default while no server profile is configured)."));
    const QCommandLineOption simulatorOption(QStringLiteral("simulator"),
        QObject::tr("The dots-simulator executable for demo mode (default: next to this build, else on PATH)."),
        QObject::tr("path"));
    const QCommandLineOption screenshotOption(QStringLiteral("screenshot"),
        QObject::tr("Save a PNG of the main window to <file> after --screenshot-delay seconds, then quit."),
        QObject::tr("file"));
    const QCommandLineOption delayOption(QStringLiteral("screenshot-delay"),
        QObject::tr("Seconds to wait before --screenshot (default 5)."), QObject::tr("seconds"), QStringLiteral("5"));
    const QCommandLineOption pageOption(QStringLiteral("page"),
        QObject::tr("Show this page first: mitigations, aliases, filters or telemetry."), QObject::tr("page"));
    parser.addOptions({demoOption, simulatorOption, screenshotOption, delayOption, pageOption});
    parser.process(app);

    // Long-lived objects, wired here and nowhere else.
    signal::SignalChannel channel;
    models::MitigationTableModel mitigations;
    models::SignalEventLogModel log;
    mitigations.attach(&channel);
    log.attach(&channel);
    models::TelemetryModel telemetry;
    telemetry.attach(&channel);
    ui::MainWindow window(&mitigations, &log);

    // The mid counter and the audit log survive restarts in one SQLite file.
    ConsoleStore consoleStore(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/console.sqlite"),
                              &channel);
    models::AuditLogModel audit(consoleStore.auditLog());
    audit.reload();
    window.setAuditLog(&audit);

    // Data channel (RFC 8783): aliases and filters, prepared in peacetime.
    data::DataChannel dataChannel;
    models::AliasTableModel aliasModel;
    models::AclTableModel aclModel;
    auto *aliasesPage = new ui::AliasesPage(&aliasModel);
    auto *filtersPage = new ui::FiltersPage(&aclModel);
    filtersPage->setSignalChannel(&channel);
    filtersPage->setPreferredMitigation([&window] { return window.dashboard()->selectedMid(); });
    window.addPage(aliasesPage, QObject::tr("Aliases"));
    window.addPage(filtersPage, QObject::tr("Filters"));
    window.setDataChoices([&] { return std::pair{aliasModel.names(), aclModel.names()}; });
    const auto info = [&window](const QString &text) { window.notice()->showInfo(text); };
    const auto showProblem = [&window](const QString &text) { window.notice()->showProblem(text); };
    QObject::connect(aliasesPage, &ui::AliasesPage::succeeded, &window, info);
    QObject::connect(aliasesPage, &ui::AliasesPage::failed, &window, showProblem);
    QObject::connect(filtersPage, &ui::FiltersPage::succeeded, &window, info);
    QObject::connect(filtersPage, &ui::FiltersPage::failed, &window, showProblem);
    QObject::connect(aliasesPage, &ui::DataListPage::changeAttempted, &window, &ui::MainWindow::audit);
    QObject::connect(filtersPage, &ui::DataListPage::changeAttempted, &window, &ui::MainWindow::audit);

    // Telemetry (RFC 9244): live attack charts per target.
    auto *telemetryPage = new ui::TelemetryPage(&telemetry);
    telemetryPage->setChannel(&channel);
    window.addPage(telemetryPage, QObject::tr("Telemetry"));
    QObject::connect(telemetryPage, &ui::TelemetryPage::message, &window, [&window](const QString &text, bool problem) {
        if (problem)
            window.notice()->showProblem(text);
        else
            window.notice()->showInfo(text);
    });
    if (parser.isSet(pageOption)) {
        const QString page = parser.value(pageOption);
        window.pages()->setCurrentIndex(page == QLatin1String("aliases")     ? 1
                                        : page == QLatin1String("filters")   ? 2
                                        : page == QLatin1String("telemetry") ? 3
                                                                             : 0);
    }
    window.show();
    if (!consoleStore.problem().isEmpty())
        window.notice()->showProblem(QObject::tr("The audit log and mid counter cannot be kept in %1: %2. Actions are "
                                                 "shown for this run only.")
                                         .arg(QDir::toNativeSeparators(consoleStore.path()), consoleStore.problem()));

    std::unique_ptr<ScreenshotTimer> screenshot;
    if (parser.isSet(screenshotOption))
        screenshot = std::make_unique<ScreenshotTimer>(&window, parser.value(screenshotOption),
                                                       int(parser.value(delayOption).toDouble() * 1000));

    // The active server profile, or the demo simulator while none is chosen.
    QSettings settings;
    profiles::ProfileStore profileStore(settings);
    ConsoleConnection::DemoSetup demo;
    demo.pkiDirectory = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/demo-pki");
    demo.simulator = parser.isSet(simulatorOption) ? parser.value(simulatorOption) : DemoServer::findSimulator();
    demo.scenario = DemoServer::findDemoScenario();
    ConsoleConnection connection(&channel, &window, &profileStore, demo);
    QObject::connect(&connection, &ConsoleConnection::connecting, &window, [&](const signal::ServerProfile &profile) {
        // The previous server's aliases and filters must neither be shown nor offered for this one.
        aliasModel.setAliases({});
        aclModel.setAcls({});
        connectData(&dataChannel, QPointer<ui::MainWindow>(&window), profile, aliasesPage, filtersPage);
    });
    models::SessionTableModel sessions;
    sessions.attach(&channel);
    auto *sessionDock = new ui::SessionDock(&sessions, &channel, &window);
    QObject::connect(sessionDock->view(), &ui::SessionView::configChangeSent, &window,
                     [&window](bool reset, bool, const QString &summary) {
                         window.audit(reset ? store::AuditAction::ConfigReset : store::AuditAction::ConfigChange,
                                      std::nullopt, summary);
                     });
    connection.addSessionDock(sessionDock);
    window.restoreLayout();
    if (parser.isSet(demoOption))
        connection.connectDemo();
    else
        connection.connectActive();

    // Closing the console ends the session first, then (with `connection`) the demo server.
    QObject::connect(&app, &QCoreApplication::aboutToQuit, &app, [&] {
        channel.disconnectFromServer();
    });
    return app.exec();
}

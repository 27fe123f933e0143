// dots-console: the operator console. It connects to the active server profile (Connection →
// Profiles…); while none is chosen it runs in demo mode: it starts the bundled dots-simulator on
// 127.0.0.1 with a generated PKI and connects to it, so a fresh machine shows a working console.
#include "BuildInfo.h"
#include "ConsoleConnection.h"
#include "DemoServer.h"
#include "MainWindow.h"
#include "NoticeBar.h"
#include "ScreenshotTimer.h"
#include "UiLanguage.h"
#include "models/AuditLogModel.h"
#include "models/MitigationTableModel.h"
#include "models/SignalEventLogModel.h"
#include "profiles/ProfileStore.h"
#include "signal/SignalChannel.h"
#include "store/AuditLog.h"
#include "store/Database.h"
#include "store/MidAllocator.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QIcon>
#include <QSettings>
#include <QStandardPaths>

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
    parser.addOptions({demoOption, simulatorOption, screenshotOption, delayOption});
    parser.process(app);

    // Long-lived objects, wired here and nowhere else.
    signal::SignalChannel channel;
    models::MitigationTableModel mitigations;
    models::SignalEventLogModel log;
    mitigations.attach(&channel);
    log.attach(&channel);
    ui::MainWindow window(&mitigations, &log);

    // The mid counter and the audit log survive restarts in one SQLite file. Without it the
    // console still works, but says that nothing is being recorded.
    const QString dataDir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    QDir().mkpath(dataDir);
    const QString dbPath = dataDir + QStringLiteral("/console.sqlite");
    auto opened = store::Database::open(dbPath, QStringLiteral("dots-console"));
    std::unique_ptr<store::Database> db;
    std::unique_ptr<store::MidAllocator> mids;
    std::unique_ptr<store::AuditLog> auditLog;
    if (opened) {
        db = std::move(opened).value();
        mids = std::make_unique<store::MidAllocator>(*db);
        auditLog = std::make_unique<store::AuditLog>(*db);
        channel.setMidAllocator(mids.get());
    }
    models::AuditLogModel audit(auditLog.get());
    audit.reload();
    window.setAuditLog(&audit);
    window.show();
    if (!opened)
        window.notice()->showProblem(QObject::tr("The audit log and mid counter cannot be kept in %1: %2. Actions are "
                                                 "shown for this run only.")
                                         .arg(QDir::toNativeSeparators(dbPath), opened.error().toString()));

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
    if (parser.isSet(demoOption))
        connection.connectDemo();
    else
        connection.connectActive();

    // Closing the console ends the session first, then (with `connection`) the demo server.
    QObject::connect(&app, &QCoreApplication::aboutToQuit, &app, [&] {
        channel.disconnectFromServer();
        channel.setMidAllocator(nullptr);
    });
    return app.exec();
}

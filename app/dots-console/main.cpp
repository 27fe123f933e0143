// dots-console: the operator console. Without a configured server profile it runs in demo
// mode: it starts the bundled dots-simulator on 127.0.0.1 with a generated PKI and
// connects to it, so a fresh machine shows a working console.
#include "BuildInfo.h"
#include "DemoServer.h"
#include "MainWindow.h"
#include "NoticeBar.h"
#include "ScreenshotTimer.h"
#include "models/AuditLogModel.h"
#include "models/MitigationTableModel.h"
#include "models/SignalEventLogModel.h"
#include "pki/PkiGenerator.h"
#include "signal/SignalChannel.h"
#include "store/AuditLog.h"
#include "store/Database.h"
#include "store/MidAllocator.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QCoro/QCoroTask>
#include <QDir>
#include <QPointer>
#include <QStandardPaths>

using namespace dots;

namespace {

QCoro::Task<> connectTo(signal::SignalChannel *channel, QPointer<ui::MainWindow> window, signal::ServerProfile profile)
{
    auto task = channel->connectToServer(profile);
    const auto result = co_await task;
    if (!result.ok() && window)
        window->showProblem(QObject::tr("Could not connect to %1: %2").arg(profile.label(), result.error().toString()));
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("dots-console"));
    QApplication::setApplicationName(QStringLiteral("dots-console"));
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

    // No server profiles exist yet, so demo mode is the only mode for now.
    DemoServer demo;
    const QString pkiDir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/demo-pki");
    const QString simulator = parser.isSet(simulatorOption) ? parser.value(simulatorOption) : DemoServer::findSimulator();
    if (const QString problem = pki::PkiGenerator::ensure(pkiDir); !problem.isEmpty()) {
        window.showProblem(QObject::tr("Demo mode: the demo certificates could not be created in %1: %2")
                               .arg(QDir::toNativeSeparators(pkiDir), problem));
    } else if (simulator.isEmpty()) {
        window.showProblem(QObject::tr("Demo mode needs dots-simulator, which was found neither next to this program nor on "
                                       "PATH. Give its location with --simulator PATH."));
    } else {
        QPointer<ui::MainWindow> windowRef(&window);
        QObject::connect(&demo, &DemoServer::ready, &window, [&, windowRef](quint16 port) {
            const auto files = pki::PkiFiles::inDirectory(pkiDir);
            signal::ServerProfile profile;
            profile.name = QObject::tr("Demo simulator (127.0.0.1:%1)").arg(port);
            profile.host = QStringLiteral("127.0.0.1");
            profile.port = port;
            profile.preference = transport::TransportPreference::DtlsOnly;
            profile.pki = {files.clientCertificate, files.clientKey, files.caCertificate, {}};
            window.setChannel(&channel);
            connectTo(&channel, windowRef, profile);
        });
        QObject::connect(&demo, &DemoServer::failed, &window,
                         [&](const QString &reason) { window.showProblem(QObject::tr("Demo mode: %1").arg(reason)); });
        const QString scenario = DemoServer::findDemoScenario();
        window.showStarting(QObject::tr("Starting the demo server…"));
        demo.start(simulator, pkiDir, scenario);
        const QStringList attacked = DemoServer::attackedPrefixes(scenario);
        if (scenario.isEmpty())
            window.notice()->showInfo(QObject::tr("Demo mode without attacks: the demo scenario (demo.json) was not found."), 0);
        else if (!attacked.isEmpty())
            window.notice()->showInfo(QObject::tr("Demo mode: a simulated DOTS server on this computer plays attacks on %1, "
                                                  "in turn, over and over. Request a mitigation for one of them "
                                                  "(Ctrl+N) to watch it work.").arg(attacked.join(QStringLiteral(", "))), 0);
    }

    // Closing the console ends the session first, then the demo server.
    QObject::connect(&app, &QCoreApplication::aboutToQuit, &app, [&] {
        channel.disconnectFromServer();
        channel.setMidAllocator(nullptr);
        demo.stop();
    });
    return app.exec();
}

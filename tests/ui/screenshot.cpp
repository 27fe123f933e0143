// SPDX-License-Identifier: GPL-3.0-or-later
// Takes docs/screenshots/main-window.png: the main window on the real simulator playing
// the demo scenario (10x fast), with a mitigation for each demo target, after a few seconds
// of traffic. Run it under QT_QPA_PLATFORM=offscreen: ui-screenshot [output.png] [seconds] [mode] [language].
// Modes: "main" (default); "lost": the server killed, the session lost; "dialog": the New
// mitigation dialog with a wrong prefix; "about", "language": those dialogs.
#include "MainWindow.h"
#include "AboutDialog.h"
#include "LanguageDialog.h"
#include "EventLogDock.h"
#include "MitigationDashboard.h"
#include "AuditLogDock.h"
#include "MitigationDetailDock.h"
#include "NewMitigationDialog.h"
#include "SessionDock.h"
#include "DemoClientProfile.h"
#include "SimulatorProcess.h"
#include "UiLanguage.h"
#include "models/AuditLogModel.h"
#include "models/MitigationTableModel.h"
#include "models/SessionTableModel.h"
#include "models/SignalEventLogModel.h"
#include "pki/PkiGenerator.h"
#include "signal/SignalChannel.h"

#include <QAction>
#include <QApplication>
#include <QCoro/QCoroTask>
#include <QDockWidget>
#include <QLineEdit>
#include <QTableView>
#include <QTemporaryDir>
#include <QTabWidget>
#include <QTimer>

#include <cstdio>

using namespace dots;

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    const QStringList args = app.arguments();
    const QString output = args.value(1, QStringLiteral("main-window.png"));
    const int seconds = args.value(2, QStringLiteral("12")).toInt();
    const QString mode = args.value(3, QStringLiteral("main"));
    // The language as the console would load it, e.g. "de"; English by default.
    translations::UiLanguage::install(&app, QLocale(args.value(4, QStringLiteral("en"))));

    QTemporaryDir dir;
    const QString pkiDir = dir.filePath(QStringLiteral("pki"));
    if (const QString problem = pki::PkiGenerator::ensure(pkiDir); !problem.isEmpty()) {
        std::fprintf(stderr, "%s\n", qPrintable(problem));
        return 1;
    }
    SimulatorProcess sim;
    // flooded: the link towards the console flooded (RFC 9132 section 4.7); frozen: the server
    // stops (SIGSTOP) a few seconds before the picture. Both with the session dock in front and
    // one heartbeat a second, so the status bar and the session row have something to say.
    const bool liveness = mode == QLatin1String("flooded") || mode == QLatin1String("frozen");
    QStringList simArguments{QStringLiteral("--scenario"), QStringLiteral(DOTS_DEMO_SCENARIO),
                             QStringLiteral("--speed"), QStringLiteral("10")};
    if (liveness)
        simArguments << QStringLiteral("--session-config") << QStringLiteral("heartbeat-interval=1:60:1")
                     << QStringLiteral("--session-config") << QStringLiteral("missing-hb-allowed=1:60:30");
    if (mode == QLatin1String("flooded"))
        simArguments << QStringLiteral("--hostile") << QStringLiteral("inbound-flood");
    const QString started = sim.start(pkiDir, simArguments);
    if (!started.isEmpty()) {
        std::fprintf(stderr, "%s\n", qPrintable(started));
        return 1;
    }

    signal::SignalChannel channel;
    models::MitigationTableModel mitigations;
    models::SignalEventLogModel log;
    mitigations.attach(&channel);
    log.attach(&channel);
    ui::MainWindow window(&mitigations, &log);
    window.setChannel(&channel);
    models::AuditLogModel audit(nullptr); // this run's actions only
    window.setAuditLog(&audit);
    models::SessionTableModel sessions;
    sessions.attach(&channel);
    auto *sessionDock = new ui::SessionDock(&sessions, &channel, &window);
    window.addDockWidget(Qt::BottomDockWidgetArea, sessionDock);
    window.tabifyDockWidget(window.eventLog(), sessionDock);
    (liveness ? static_cast<QDockWidget *>(sessionDock) : window.eventLog())->raise();
    // An optional size, e.g. 1024x700; 1280x800 by default.
    const QStringList size = args.value(5, QStringLiteral("1280x800")).split(QLatin1Char('x'));
    window.resize(size.value(0).toInt() > 0 ? size.value(0).toInt() : 1280, size.value(1).toInt() > 0 ? size.value(1).toInt() : 800);
    window.show();

    signal::ServerProfile profile = test::demoClientProfile(pkiDir, sim.dtlsPort());
    profile.name = QStringLiteral("Demo simulator (127.0.0.1:%1)").arg(sim.dtlsPort());
    auto connecting = channel.connectToServer(profile);
    const auto connected = QCoro::waitFor(connecting);
    if (!connected.ok()) {
        std::fprintf(stderr, "%s\n", qPrintable(connected.error().toString()));
        return 1;
    }
    // The demo scenario's targets, as an analyst would request them.
    const QList<QPair<QString, quint8>> targets{{QStringLiteral("203.0.113.0/24"), 17},
                                                 {QStringLiteral("198.51.100.25/32"), 6},
                                                 {QStringLiteral("2001:db8:6401::/96"), 0}};
    for (const auto &[prefix, protocol] : targets) {
        signal::MitigationRequest request;
        request.target.prefixes = {prefix};
        if (protocol)
            request.target.protocols = {protocol};
        request.lifetime = 3600;
        window.submitMitigation(request);
    }

    if (mode == QLatin1String("frozen"))
        QTimer::singleShot(qMax(1, seconds - 4) * 1000, &app, [&] { sim.pause(); });
    if (mode == QLatin1String("lost"))
        QTimer::singleShot(qMax(1, seconds - 8) * 1000, &app, [&] {
            sim.kill();
            window.renewAction()->setEnabled(true);
            window.dashboard()->selectMid(1);
            window.renewSelected(); // traffic, so the closed session is noticed
        });
    QTimer::singleShot(seconds * 1000, &app, [&] {
        if (mode == QLatin1String("about") || mode == QLatin1String("language")) {
            QDialog *dialog = nullptr;
            if (mode == QLatin1String("about")) {
                window.openAboutDialog();
                dialog = window.findChild<ui::AboutDialog *>();
            } else {
                window.openLanguageDialog();
                dialog = window.findChild<ui::LanguageDialog *>();
            }
            QApplication::processEvents();
            const bool saved = dialog->grab().save(output);
            std::fprintf(stderr, saved ? "saved %s\n" : "could not save %s\n", qPrintable(output));
            app.exit(saved ? 0 : 1);
            return;
        }
        if (mode == QLatin1String("dialog")) {
            window.openNewMitigationDialog();
            auto *dialog = window.findChild<ui::NewMitigationDialog *>();
            dialog->findChild<QLineEdit *>(QStringLiteral("prefixEdit"))->setText(QStringLiteral("203.0.113.0/33"));
            dialog->findChild<QLineEdit *>(QStringLiteral("portsEdit"))->setText(QStringLiteral("53, 8080-80"));
            QApplication::processEvents();
            const bool saved = dialog->grab().save(output);
            std::fprintf(stderr, saved ? "saved %s\n" : "could not save %s\n", qPrintable(output));
            app.exit(saved ? 0 : 1);
            return;
        }
        // A message selected, so the JSON pane shows what it is for, and a mitigation, so the
        // detail pane shows its scope and history.
        auto *logView = window.eventLog()->view();
        if (!liveness)
            logView->selectRow(qMax(0, logView->model()->rowCount() - 1));
        window.dashboard()->selectMid(1);
        if (mode == QLatin1String("audit"))
            window.auditLog()->raise();
        else if (mode == QLatin1String("history"))
            window.details()->tabs()->setCurrentIndex(1);
        QApplication::processEvents();
        const bool saved = window.grab().save(output);
        std::fprintf(stderr, saved ? "saved %s\n" : "could not save %s\n", qPrintable(output));
        if (mode == QLatin1String("frozen"))
            sim.resume();
        channel.disconnectFromServer();
        app.exit(saved ? 0 : 1);
    });
    return app.exec();
}

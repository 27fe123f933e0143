// SPDX-License-Identifier: GPL-3.0-or-later
// Not a test by itself: the console's write path in a process of its own, for tst_console_kill
// to kill with SIGKILL. The console's store (ConsoleStore) and main window, wired as
// app/dots-console/main.cpp wires them, connect to a simulator and send mitigation requests
// through the window one after another, as an analyst clicking fast would, until killed.
// Each request goes through MainWindow::submitMitigation: mid stored, audit entry "sent",
// request on the wire, audit entry settled.
//
// Usage: console-burst DATABASE PKI_DIRECTORY DTLS_PORT ROUND
// Prints "connected" once the session is up, then "answered N" after each request.
#include "ConsoleStore.h"
#include "DemoClientProfile.h"
#include "MainWindow.h"
#include "models/AuditLogModel.h"
#include "models/MitigationTableModel.h"
#include "models/SignalEventLogModel.h"
#include "signal/SignalChannel.h"

#include <QApplication>
#include <QCoro/QCoroTask>

#include <cstdio>

using namespace dots;

namespace {

QCoro::Task<> requestUntilKilled(signal::SignalChannel *channel, ui::MainWindow *window, signal::ServerProfile profile,
                                 int round)
{
    auto connecting = channel->connectToServer(profile);
    const auto connected = co_await connecting;
    if (!connected.ok()) {
        std::fprintf(stderr, "cannot connect: %s\n", qPrintable(connected.error().toString()));
        QCoreApplication::exit(3);
        co_return;
    }
    std::printf("connected\n");
    std::fflush(stdout);
    for (int n = 0;; ++n) {
        // Each request its own target, so that none conflicts with another.
        auto submitting = window->submitMitigation(
            test::sampleRequest(QStringLiteral("10.%1.%2.%3/32").arg(round).arg(n / 250).arg(n % 250 + 1)));
        co_await submitting;
        std::printf("answered %d\n", n);
        std::fflush(stdout);
    }
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    if (args.size() != 5) {
        std::fprintf(stderr, "usage: console-burst DATABASE PKI_DIRECTORY DTLS_PORT ROUND\n");
        return 2;
    }
    signal::SignalChannel channel;
    models::MitigationTableModel mitigations;
    models::SignalEventLogModel log;
    mitigations.attach(&channel);
    log.attach(&channel);
    ui::MainWindow window(&mitigations, &log);
    ConsoleStore store(args.at(1), &channel);
    if (!store.problem().isEmpty()) {
        std::fprintf(stderr, "store: %s\n", qPrintable(store.problem()));
        return 2;
    }
    models::AuditLogModel audit(store.auditLog());
    audit.reload();
    window.setAuditLog(&audit);
    window.setChannel(&channel);
    window.show();
    requestUntilKilled(&channel, &window, test::demoClientProfile(args.at(2), args.at(3).toUShort()), args.at(4).toInt());
    return app.exec();
}

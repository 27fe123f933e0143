// SPDX-License-Identifier: GPL-3.0-or-later
#include "CommandLine.h"
#include "DataServer.h"
#include "Scenario.h"
#include "SignalServer.h"

#include "BuildInfo.h"
#include "pki/PkiGenerator.h"

#include <QCoreApplication>
#include <QDir>
#include <QJsonDocument>
#include <QSocketNotifier>

#include <csignal>
#include <cstdio>
#include <sys/socket.h>
#include <unistd.h>

using namespace dots;
using namespace dots::simulator;

namespace {

int g_signalFd[2] = {-1, -1};

void onSignal(int)
{
    const char c = 1;
    // Only async-signal-safe work here; the event loop does the rest.
    [[maybe_unused]] const auto n = ::write(g_signalFd[0], &c, 1);
}

int fail(const QString &message)
{
    std::fprintf(stderr, "dots-simulator: %s\n", qPrintable(message));
    return 2;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("dots-simulator"));
    QCoreApplication::setApplicationVersion(BuildInfo::consoleVersion());

    CommandLine cl;
    if (const QString e = cl.parse(QCoreApplication::arguments()); !e.isEmpty())
        return fail(e + QStringLiteral(" (see --help)"));

    transport::PkiConfig pki{cl.certificate, cl.key, cl.ca, {}};
    if (!cl.demoPki.isEmpty()) {
        if (const QString e = pki::PkiGenerator::ensure(cl.demoPki); !e.isEmpty())
            return fail(QStringLiteral("cannot create the demo PKI in %1: %2").arg(cl.demoPki, e));
        const auto files = pki::PkiFiles::inDirectory(cl.demoPki);
        pki = {files.serverCertificate, files.serverKey, files.caCertificate, {}};
    }
    if (const QString e = pki.problem(); !e.isEmpty())
        return fail(e);

    Scenario scenario;
    if (!cl.scenario.isEmpty()) {
        QString error;
        if (!Scenario::fromFile(cl.scenario, scenario, error))
            return fail(QStringLiteral("scenario ") + error);
    }
    for (const QString &spec : cl.sessionConfigSpecs) {
        if (const QString e = scenario.policy.sessionConfig.applySpec(spec); !e.isEmpty())
            return fail(QStringLiteral("--session-config ") + e);
    }
    if (cl.maxLifetime) {
        scenario.policy.maxLifetime = *cl.maxLifetime;
        scenario.policy.allowIndefinite = false;
    }
    if (!cl.conflictPolicy.isEmpty())
        scenario.policy.conflictPolicy = cl.conflictPolicy == QLatin1String("accept") ? ConflictPolicy::Accept : ConflictPolicy::Reject;
    scenario.policy.personality = parsePersonality(cl.personality).value_or(Personality::Rfc);
    const QString scenarioName = scenario.name;

    SignalServer server(std::move(scenario));
    server.setSpeed(cl.speed);
    server.setPki(pki);
    if (!cl.hostile.isEmpty())
        server.setHostility(*hostilityFromName(cl.hostile));
    server.setGateway(cl.gateway);
    if (cl.printMessages) {
        server.setMessageSink([](const QJsonObject &line) {
            std::fputs(QJsonDocument(line).toJson(QJsonDocument::Compact).constData(), stdout);
            std::fputc('\n', stdout);
            std::fflush(stdout);
        });
    }

    const auto listen = [&server](const std::optional<ListenAddress> &where, transport::Transport t) -> QString {
        if (!where)
            return {};
        if (!server.listen(where->address, where->port, t))
            return QStringLiteral("cannot listen on %1 %2:%3: %4")
                .arg(transport::uriScheme(t), where->address.toString()).arg(where->port).arg(server.errorString());
        const QString host = where->address.protocol() == QAbstractSocket::IPv6Protocol
            ? QLatin1Char('[') + where->address.toString() + QLatin1Char(']') : where->address.toString();
        std::fprintf(stderr, "dots-simulator: listening on %s://%s:%u\n", qPrintable(transport::uriScheme(t)),
                     qPrintable(host), unsigned(server.serverPort(t)));
        return {};
    };
    if (QString e = listen(cl.coaps, transport::Transport::Dtls); !e.isEmpty())
        return fail(e);
    if (QString e = listen(cl.coapsTcp, transport::Transport::Tls); !e.isEmpty())
        return fail(e);
    DataServer dataServer(server.core().data());
    if (cl.https) {
        if (const QString e = dataServer.setPki(pki); !e.isEmpty())
            return fail(QStringLiteral("data channel: ") + e);
        if (cl.printMessages) {
            dataServer.setMessageSink([](const QJsonObject &line) {
                std::fputs(QJsonDocument(line).toJson(QJsonDocument::Compact).constData(), stdout);
                std::fputc('\n', stdout);
                std::fflush(stdout);
            });
        }
        const quint16 port = dataServer.listenOn(cl.https->address, cl.https->port);
        if (port == 0)
            return fail(QStringLiteral("cannot listen on https %1:%2 (address in use or not available)")
                            .arg(cl.https->address.toString()).arg(cl.https->port));
        const QString host = cl.https->address.protocol() == QAbstractSocket::IPv6Protocol
            ? QLatin1Char('[') + cl.https->address.toString() + QLatin1Char(']') : cl.https->address.toString();
        std::fprintf(stderr, "dots-simulator: listening on https://%s:%u\n", qPrintable(host), unsigned(port));
    }
    if (!cl.hostile.isEmpty())
        std::fprintf(stderr, "dots-simulator: hostile (%s): not an honest DOTS server\n", qPrintable(cl.hostile));
    std::fprintf(stderr, "dots-simulator: scenario %s, speed %g\n",
                 cl.scenario.isEmpty() ? "none (no attacks)" : qPrintable(scenarioName.isEmpty() ? cl.scenario : scenarioName),
                 cl.speed);
    std::fflush(stderr);

    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, g_signalFd) != 0)
        return fail(QStringLiteral("cannot set up signal handling"));
    QSocketNotifier signalNotifier(g_signalFd[1], QSocketNotifier::Read);
    QObject::connect(&signalNotifier, &QSocketNotifier::activated, &app, [&] {
        char c;
        [[maybe_unused]] const auto n = ::read(g_signalFd[1], &c, 1);
        std::fprintf(stderr, "dots-simulator: shutting down\n");
        server.close();
        QCoreApplication::quit();
    });
    std::signal(SIGINT, onSignal);
    std::signal(SIGTERM, onSignal);

    server.start();
    return QCoreApplication::exec();
}

// SPDX-License-Identifier: GPL-3.0-or-later
#include "CommandLine.h"

#include "Hostility.h"

#include <QCommandLineParser>
#include <QCoreApplication>

namespace dots::simulator {

QString CommandLine::parseListen(const QString &text, std::optional<ListenAddress> &out)
{
    if (text == QLatin1String("off")) {
        out.reset();
        return {};
    }
    QString host = QStringLiteral("127.0.0.1");
    QString port = text;
    if (text.startsWith(QLatin1Char('['))) {
        const auto close = text.indexOf(QLatin1String("]:"));
        if (close < 0)
            return QStringLiteral("\"%1\": expected [IPv6]:PORT").arg(text);
        host = text.mid(1, close - 1);
        port = text.mid(close + 2);
    } else if (text.count(QLatin1Char(':')) == 1) {
        host = text.section(QLatin1Char(':'), 0, 0);
        port = text.section(QLatin1Char(':'), 1);
    }
    ListenAddress a;
    if (!a.address.setAddress(host))
        return QStringLiteral("\"%1\": \"%2\" is not an IP address").arg(text, host);
    bool ok = false;
    const uint p = port.toUInt(&ok);
    if (!ok || p > 65535)
        return QStringLiteral("\"%1\": \"%2\" is not a port number (0 picks a free one)").arg(text, port);
    a.port = quint16(p);
    out = a;
    return {};
}

QString CommandLine::parse(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "DOTS server simulator (RFC 9132 signal channel, RFC 8783 data channel) with scripted attacks.\n"
        "Clients must present a certificate issued by the CA given with --ca (or the demo PKI)."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption coapsOpt(QStringLiteral("coaps"),
        QStringLiteral("DTLS listen address ADDR:PORT, or off (default 127.0.0.1:4646)."), QStringLiteral("addr:port"),
        QStringLiteral("127.0.0.1:4646"));
    const QCommandLineOption tcpOpt(QStringLiteral("coaps-tcp"),
        QStringLiteral("TLS listen address ADDR:PORT, or off (default 127.0.0.1:4646)."), QStringLiteral("addr:port"),
        QStringLiteral("127.0.0.1:4646"));
    const QCommandLineOption httpsOpt(QStringLiteral("https"),
        QStringLiteral("Data channel (RFC 8783 RESTCONF over HTTPS) listen address ADDR:PORT, or off (default off)."),
        QStringLiteral("addr:port"), QStringLiteral("off"));
    const QCommandLineOption certOpt(QStringLiteral("cert"), QStringLiteral("Server certificate (PEM)."), QStringLiteral("file"));
    const QCommandLineOption keyOpt(QStringLiteral("key"), QStringLiteral("Server private key (PEM)."), QStringLiteral("file"));
    const QCommandLineOption caOpt(QStringLiteral("ca"), QStringLiteral("CA that client certificates must chain to (PEM)."),
                                   QStringLiteral("file"));
    const QCommandLineOption pkiOpt(QStringLiteral("demo-pki"),
        QStringLiteral("Use the demo PKI in DIR, generating it first if it is missing."), QStringLiteral("dir"));
    const QCommandLineOption scenarioOpt(QStringLiteral("scenario"), QStringLiteral("Scenario file (JSON, see README.md)."),
                                         QStringLiteral("file"));
    const QCommandLineOption speedOpt(QStringLiteral("speed"),
        QStringLiteral("Scenario seconds per real second (default 1)."), QStringLiteral("factor"), QStringLiteral("1"));
    const QCommandLineOption printOpt(QStringLiteral("print-messages"),
        QStringLiteral("Print every message received and sent as one JSON object per line on stdout."));
    const QCommandLineOption configOpt(QStringLiteral("session-config"),
        QStringLiteral("Range and default of a session-config parameter for both sets, e.g. heartbeat-interval=15:240:30 "
                       "(repeatable; overrides the scenario)."),
        QStringLiteral("name=min:max:default"));
    const QCommandLineOption conflictOpt(QStringLiteral("conflict-policy"),
        QStringLiteral("reject (4.09) or accept (2.01 with conflict-information) overlapping requests of different clients."),
        QStringLiteral("policy"));
    const QCommandLineOption personalityOpt(QStringLiteral("personality"),
        QStringLiteral("rfc (default): a strict RFC 9132 server; reference: also behave on the wire as the reference "
                       "server go-dots does (Non-confirmable answers, no Observe option in the first answer, Uri-Path "
                       "echoed, defaults for GET config without sid, 4.04 for tm until there is telemetry)."),
        QStringLiteral("name"), QStringLiteral("rfc"));
    const QCommandLineOption maxLifetimeOpt(QStringLiteral("max-lifetime"),
        QStringLiteral("Longest mitigation lifetime granted, in seconds; longer and indefinite requests get this "
                       "(overrides the scenario)."),
        QStringLiteral("seconds"));
    const QCommandLineOption hostileOpt(QStringLiteral("hostile"),
        QStringLiteral("Be a server a client must survive: %1. Sessions come up honestly; what the server says about "
                       "mitigations is spoiled (see README.md).").arg(hostilityNames().join(QStringLiteral(", "))),
        QStringLiteral("mode"));
    const QCommandLineOption gatewayOpt(QStringLiteral("gateway"),
        QStringLiteral("Behave as a DOTS gateway in front of the server (RFC 8768): add Hop-Limit to everything sent to "
                       "the client. (A request that arrives with Hop-Limit 1 is answered 5.08 Hop Limit Reached by "
                       "libcoap, gateway or not.)"));
    parser.addOptions({coapsOpt, tcpOpt, httpsOpt, certOpt, keyOpt, caOpt, pkiOpt, scenarioOpt, speedOpt, printOpt, configOpt,
                       conflictOpt, personalityOpt, maxLifetimeOpt, hostileOpt, gatewayOpt});
    parser.process(arguments); // exits for --help, --version and unknown options

    if (!parser.positionalArguments().isEmpty())
        return QStringLiteral("unexpected argument \"%1\"").arg(parser.positionalArguments().first());
    if (QString e = parseListen(parser.value(coapsOpt), coaps); !e.isEmpty())
        return QStringLiteral("--coaps ") + e;
    if (QString e = parseListen(parser.value(tcpOpt), coapsTcp); !e.isEmpty())
        return QStringLiteral("--coaps-tcp ") + e;
    if (QString e = parseListen(parser.value(httpsOpt), https); !e.isEmpty())
        return QStringLiteral("--https ") + e;
    if (!coaps && !coapsTcp)
        return QStringLiteral("both --coaps and --coaps-tcp are off: nothing to listen on");
    certificate = parser.value(certOpt);
    key = parser.value(keyOpt);
    ca = parser.value(caOpt);
    demoPki = parser.value(pkiOpt);
    const bool anyFile = !certificate.isEmpty() || !key.isEmpty() || !ca.isEmpty();
    if (demoPki.isEmpty() && (certificate.isEmpty() || key.isEmpty() || ca.isEmpty()))
        return QStringLiteral("give --cert, --key and --ca, or --demo-pki DIR");
    if (!demoPki.isEmpty() && anyFile)
        return QStringLiteral("--demo-pki cannot be combined with --cert, --key or --ca");
    scenario = parser.value(scenarioOpt);
    bool ok = false;
    speed = parser.value(speedOpt).toDouble(&ok);
    if (!ok || speed <= 0 || speed > 10000)
        return QStringLiteral("--speed \"%1\": expected a number above 0 (at most 10000)").arg(parser.value(speedOpt));
    printMessages = parser.isSet(printOpt);
    sessionConfigSpecs = parser.values(configOpt);
    conflictPolicy = parser.value(conflictOpt);
    if (!conflictPolicy.isEmpty() && conflictPolicy != QLatin1String("reject") && conflictPolicy != QLatin1String("accept"))
        return QStringLiteral("--conflict-policy \"%1\": expected reject or accept").arg(conflictPolicy);
    if (parser.isSet(maxLifetimeOpt)) {
        const qint64 seconds = parser.value(maxLifetimeOpt).toLongLong(&ok);
        if (!ok || seconds < 1 || seconds > 4294967295LL)
            return QStringLiteral("--max-lifetime \"%1\": expected whole seconds from 1 to 4294967295").arg(parser.value(maxLifetimeOpt));
        maxLifetime = seconds;
    }
    hostile = parser.value(hostileOpt);
    if (!hostile.isEmpty() && !hostilityFromName(hostile))
        return QStringLiteral("--hostile \"%1\": expected one of %2").arg(hostile, hostilityNames().join(QStringLiteral(", ")));
    gateway = parser.isSet(gatewayOpt);
    personality = parser.value(personalityOpt);
    if (personality != QLatin1String("rfc") && personality != QLatin1String("reference"))
        return QStringLiteral("--personality \"%1\": expected rfc or reference").arg(personality);
    return {};
}

} // namespace dots::simulator

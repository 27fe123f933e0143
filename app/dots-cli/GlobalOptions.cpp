#include "GlobalOptions.h"

#include "ExitCode.h"

#include <QDir>
#include <QSettings>
#include <QStandardPaths>

namespace dots::cli {

namespace {

const QString kServer = QStringLiteral("server");
const QString kPort = QStringLiteral("port");
const QString kTransport = QStringLiteral("transport");
const QString kCert = QStringLiteral("cert");
const QString kKey = QStringLiteral("key");
const QString kCa = QStringLiteral("ca");
const QString kServerName = QStringLiteral("server-name");
const QString kProfile = QStringLiteral("profile");
const QString kStateDb = QStringLiteral("state-db");
const QString kJson = QStringLiteral("json");
const QString kVerbose = QStringLiteral("verbose");
const QString kTimeout = QStringLiteral("timeout");
const QString kHelp = QStringLiteral("help");
const QString kVersion = QStringLiteral("version");

} // namespace

std::optional<transport::TransportPreference> transportFromName(const QString &name)
{
    using P = transport::TransportPreference;
    if (name == QLatin1String("dtls"))
        return P::DtlsOnly;
    if (name == QLatin1String("tls"))
        return P::TlsOnly;
    if (name == QLatin1String("prefer-dtls"))
        return P::PreferDtls;
    if (name == QLatin1String("prefer-tls"))
        return P::PreferTls;
    return std::nullopt;
}

void GlobalOptions::addOptions(QCommandLineParser &parser) const
{
    parser.addOptions({
        {kServer, QStringLiteral("DOTS server host name or address."), QStringLiteral("HOST")},
        {kPort, QStringLiteral("Server port (default 4646)."), QStringLiteral("N")},
        {kTransport, QStringLiteral("dtls, tls, prefer-dtls (default) or prefer-tls."), QStringLiteral("T")},
        {kCert, QStringLiteral("Client certificate (PEM)."), QStringLiteral("FILE")},
        {kKey, QStringLiteral("Client private key (PEM)."), QStringLiteral("FILE")},
        {kCa, QStringLiteral("CA certificate(s) the server's chain must lead to (PEM)."), QStringLiteral("FILE")},
        {kServerName, QStringLiteral("Name the server certificate must carry (default: HOST)."), QStringLiteral("NAME")},
        {kProfile, QStringLiteral("Read the settings above from the console's saved profile NAME "
                                  "(QSettings dots-console/dots-console, group profiles/NAME: host, port, "
                                  "transport, certificate, key, ca, serverName). Options given here win."),
         QStringLiteral("NAME")},
        {kStateDb, QStringLiteral("SQLite file for the mid counter and the audit log (default: %1).")
                       .arg(QDir::toNativeSeparators(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)
                                                     + QStringLiteral("/state.sqlite"))),
         QStringLiteral("PATH")},
        {kJson, QStringLiteral("Machine-readable output: one JSON object per line.")},
        {kVerbose, QStringLiteral("Log the protocol steps (handshake, session state) on stderr.")},
        {kTimeout, QStringLiteral("Give up after SECONDS overall (exit 5). Default 60, none for watch."),
         QStringLiteral("SECONDS")},
        {{QStringLiteral("h"), kHelp}, QStringLiteral("Show this help; COMMAND --help shows a command's options.")},
        {{QStringLiteral("v"), kVersion}, QStringLiteral("Show version information.")},
    });
    parser.addPositionalArgument(QStringLiteral("command"), QStringLiteral("What to do (see below)."));
}

QString GlobalOptions::helpText(const QString &commandList) const
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Talks to a DOTS server's signal channel (RFC 9132)."));
    addOptions(parser);
    QString text = parser.helpText();
    // Qt names argv[0] and [options]; show the shape of the call instead.
    text = QStringLiteral("Usage: dots-cli [global options] <command> [command options]\n")
        + text.mid(text.indexOf(QLatin1Char('\n')) + 1);
    return text + QStringLiteral("\nCommands:\n") + commandList + QLatin1Char('\n') + QLatin1String(exitCodeHelp());
}

QString GlobalOptions::parse(const QStringList &arguments)
{
    QCommandLineParser parser;
    addOptions(parser);
    // Everything from the command on belongs to the command's own parser.
    parser.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsPositionalArguments);
    if (!parser.parse(arguments))
        return parser.errorText();
    help = parser.isSet(kHelp);
    version = parser.isSet(kVersion);
    json = parser.isSet(kJson);
    verbose = parser.isSet(kVerbose);
    const QStringList positional = parser.positionalArguments();
    if (!positional.isEmpty()) {
        command = positional.first();
        commandArguments = positional.mid(1);
    }

    // The profile first, then the options on top of it.
    QString host, port, transport, cert, key, ca, serverName;
    if (parser.isSet(kProfile)) {
        profileName = parser.value(kProfile);
        QSettings settings(QStringLiteral("dots-console"), QStringLiteral("dots-console"));
        const QString group = QStringLiteral("profiles/") + profileName;
        settings.beginGroup(group);
        if (!settings.contains(QStringLiteral("host")))
            return QStringLiteral("--profile %1: no such profile in %2 (group %3 has no host)")
                .arg(profileName, settings.fileName(), group);
        host = settings.value(QStringLiteral("host")).toString();
        port = settings.value(QStringLiteral("port")).toString();
        transport = settings.value(QStringLiteral("transport")).toString();
        cert = settings.value(QStringLiteral("certificate")).toString();
        key = settings.value(QStringLiteral("key")).toString();
        ca = settings.value(QStringLiteral("ca")).toString();
        serverName = settings.value(QStringLiteral("serverName")).toString();
    }
    const auto take = [&parser](const QString &name, QString &into) {
        if (parser.isSet(name))
            into = parser.value(name);
    };
    take(kServer, host);
    take(kPort, port);
    take(kTransport, transport);
    take(kCert, cert);
    take(kKey, key);
    take(kCa, ca);
    take(kServerName, serverName);

    profile.name = profileName;
    profile.host = host;
    if (!port.isEmpty()) {
        bool ok = false;
        const uint p = port.toUInt(&ok);
        if (!ok || p == 0 || p > 65535)
            return QStringLiteral("--port: \"%1\" is not a port number (1..65535)").arg(port);
        profile.port = quint16(p);
    }
    if (!transport.isEmpty()) {
        const auto preference = transportFromName(transport);
        if (!preference)
            return QStringLiteral("--transport: \"%1\" is not one of dtls, tls, prefer-dtls, prefer-tls").arg(transport);
        profile.preference = *preference;
    }
    profile.pki.certificateFile = cert;
    profile.pki.privateKeyFile = key;
    profile.pki.caFile = ca;
    profile.pki.peerName = serverName;

    stateDb = parser.isSet(kStateDb)
        ? parser.value(kStateDb)
        : QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/state.sqlite");
    if (parser.isSet(kTimeout)) {
        bool ok = false;
        const int seconds = parser.value(kTimeout).toInt(&ok);
        if (!ok || seconds <= 0)
            return QStringLiteral("--timeout: \"%1\" is not a positive number of seconds").arg(parser.value(kTimeout));
        timeoutSeconds = seconds;
    }
    return {};
}

} // namespace dots::cli

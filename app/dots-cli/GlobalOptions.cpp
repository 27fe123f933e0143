// SPDX-License-Identifier: GPL-3.0-or-later
#include "GlobalOptions.h"

#include "ExitCode.h"

#include "profiles/ProfileChecks.h"
#include "profiles/ProfileStore.h"

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
const QString kDataUrl = QStringLiteral("data-url");
const QString kProfile = QStringLiteral("profile");
const QString kStateDb = QStringLiteral("state-db");
const QString kJson = QStringLiteral("json");
const QString kVerbose = QStringLiteral("verbose");
const QString kTimeout = QStringLiteral("timeout");
const QString kHelp = QStringLiteral("help");
const QString kVersion = QStringLiteral("version");

// A saved profile by its name as the console shows it (case does not matter), or by its key.
std::optional<profiles::StoredProfile> savedProfile(QSettings &settings, const QString &nameOrId)
{
    const profiles::ProfileStore store(settings);
    const QList<profiles::StoredProfile> all = store.profiles();
    for (const auto &stored : all) {
        if (stored.profile.name == nameOrId)
            return stored;
    }
    for (const auto &stored : all) {
        if (stored.profile.name.compare(nameOrId, Qt::CaseInsensitive) == 0)
            return stored;
    }
    return store.profile(nameOrId);
}

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
        {kDataUrl, QStringLiteral("Data channel (RFC 8783) of the server for alias, acl and capabilities: its "
                                  "https:// base URL, e.g. https://dots.example.net:8443; the RESTCONF root is "
                                  "found below it through /.well-known/host-meta."),
         QStringLiteral("URL")},
        {kProfile, QStringLiteral("Take the settings above from the console's saved connection profile NAME "
                                  "(File > Connection profiles; QSettings dots-console/dots-console): server, port, "
                                  "transport, certificates, server name and data channel URL. Options given here win."),
         QStringLiteral("NAME")},
        {kStateDb, QStringLiteral("SQLite file for the mid counter, the telemetry tsid and tmid counter and the audit log (default: %1).")
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
    parser.setApplicationDescription(
        QStringLiteral("Talks to a DOTS server's signal channel (RFC 9132, with RFC 9244 telemetry) and data channel (RFC 8783)."));
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
    if (parser.isSet(kProfile)) {
        profileName = parser.value(kProfile);
        QSettings settings(QStringLiteral("dots-console"), QStringLiteral("dots-console"));
        const auto stored = savedProfile(settings, profileName);
        if (!stored) {
            const QStringList names = profiles::ProfileStore(settings).names();
            return QStringLiteral("--profile %1: no such profile in %2 (%3)")
                .arg(profileName, settings.fileName(),
                     names.isEmpty() ? QStringLiteral("it has none")
                                     : QStringLiteral("it has %1").arg(names.join(QStringLiteral(", "))));
        }
        profile = stored->profile;
        // The name keys the mid counter: the same one whichever way the profile was named.
        if (profile.name.isEmpty())
            profile.name = profileName;
        profileName = profile.name;
    }
    if (parser.isSet(kServer))
        profile.host = parser.value(kServer);
    if (parser.isSet(kPort)) {
        const QString port = parser.value(kPort);
        bool ok = false;
        const uint p = port.toUInt(&ok);
        if (!ok || p == 0 || p > 65535)
            return QStringLiteral("--port: \"%1\" is not a port number (1..65535)").arg(port);
        profile.port = quint16(p);
    } else if (profile.port == 0) {
        return QStringLiteral("--profile %1: the saved port is not a port number; give --port").arg(profileName);
    }
    if (parser.isSet(kTransport)) {
        const QString transport = parser.value(kTransport);
        const auto preference = transportFromName(transport);
        if (!preference)
            return QStringLiteral("--transport: \"%1\" is not one of dtls, tls, prefer-dtls, prefer-tls").arg(transport);
        profile.preference = *preference;
    }
    const auto take = [&parser](const QString &name, QString &into) {
        if (parser.isSet(name))
            into = parser.value(name);
    };
    take(kCert, profile.pki.certificateFile);
    take(kKey, profile.pki.privateKeyFile);
    take(kCa, profile.pki.caFile);
    take(kServerName, profile.pki.peerName);
    if (parser.isSet(kDataUrl)) {
        const QString url = parser.value(kDataUrl);
        if (const auto problem = profiles::checkDataChannelUrl(url))
            return QStringLiteral("--data-url: \"%1\": %2").arg(url, *problem);
        profile.dataChannelUrl = QUrl(url);
    }

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

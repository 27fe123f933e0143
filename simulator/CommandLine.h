// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHostAddress>
#include <QString>
#include <QStringList>

#include <optional>

namespace dots::simulator {

struct ListenAddress {
    QHostAddress address;
    quint16 port = 0;
};

// Everything the command line says, checked. The main function turns it into objects.
struct CommandLine {
    std::optional<ListenAddress> coaps;    // DTLS; nullopt: off
    std::optional<ListenAddress> coapsTcp; // TLS; nullopt: off
    std::optional<ListenAddress> https;    // data channel (RESTCONF); nullopt: off
    QString certificate;
    QString key;
    QString ca;
    QString demoPki;
    QString scenario;
    double speed = 1.0;
    bool printMessages = false;
    QStringList sessionConfigSpecs;
    QString conflictPolicy;
    std::optional<qint64> maxLifetime; // seconds; longer requests (and -1) are granted this
    QString personality; // rfc (default) or reference
    QString hostile;     // a Hostility name, or empty for the honest server
    bool gateway = false; // RFC 8768: relay as a DOTS gateway would (Hop-Limit)

    // Parses `arguments` (argv, program name first). --help and --version print and exit
    // through QCommandLineParser. Returns the problem in words, or empty.
    QString parse(const QStringList &arguments);
    // "127.0.0.1:4646", "[::1]:4646", "4646", "off".
    static QString parseListen(const QString &text, std::optional<ListenAddress> &out);
};

} // namespace dots::simulator

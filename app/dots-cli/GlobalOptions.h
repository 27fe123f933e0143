// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "signal/ServerProfile.h"

#include <QCommandLineParser>
#include <QStringList>

#include <optional>

namespace dots::cli {

// The options that come before the command: where the server is, how to authenticate,
// where state lives and how to print. Saved console profiles fill in what is not given.
struct GlobalOptions
{
    signal::ServerProfile profile;
    QString profileName;     // --profile: the saved profile's name, also the key of the mid counter; empty: host:port
    QString stateDb;         // SQLite file of the mid counter and audit log
    bool json = false;
    bool verbose = false;    // keep the core's informational logging on stderr
    std::optional<int> timeoutSeconds; // overall deadline
    bool help = false;
    bool version = false;
    QString command;         // first positional argument
    QStringList commandArguments; // everything after it

    // Parses argv (program name first). Returns the problem in words, or empty.
    QString parse(const QStringList &arguments);
    // Usage of the global options and the command list, for --help.
    QString helpText(const QString &commandList) const;

private:
    void addOptions(QCommandLineParser &parser) const;
};

// "dtls", "tls", "prefer-dtls", "prefer-tls".
std::optional<transport::TransportPreference> transportFromName(const QString &name);

} // namespace dots::cli

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace dots::cli {

// One verb of a command with words after it, e.g. "show NAME" of `alias`.
struct SubcommandSpec
{
    QString name;
    int minArguments = 0;
    int maxArguments = 0;
    QString usage; // "show NAME"
};

// The verb and its arguments, read from the positional arguments of `command`.
struct Subcommand
{
    QString name;
    QStringList arguments;
};

// Checks that the first word is one of `specs` and that the number of words after it fits.
// Sets *error in words (naming the command and the valid shapes) when not.
std::optional<Subcommand> readSubcommand(const QString &command, const QStringList &positional,
                                         const QList<SubcommandSpec> &specs, QString *error);
// "list | show NAME | delete NAME" for usage lines.
QString subcommandUsage(const QList<SubcommandSpec> &specs);

} // namespace dots::cli

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCommandLineParser>
#include <QCoro/QCoroTask>
#include <QString>

#include <optional>

namespace dots::cli {

class CommandContext;

// One verb of dots-cli: its options, their checks, and the work against a connected channel.
class Command
{
public:
    virtual ~Command() = default;

    virtual QString name() const = 0;
    virtual QString summary() const = 0;
    // Extra line for "dots-cli COMMAND --help", e.g. "config get|set|reset".
    virtual QString usage() const { return name() + QStringLiteral(" [options]"); }
    virtual void addOptions(QCommandLineParser &parser) const = 0;
    // Whether words after the command are its arguments ("config get", "alias show NAME").
    virtual bool takesArguments() const { return false; }
    // Reads and checks the parsed options; returns the problem in words (exit 2) or empty.
    virtual QString readOptions(const QCommandLineParser &parser) = 0;
    // watch runs until stopped, so it has no default deadline.
    virtual bool runsUntilStopped() const { return false; }
    // Runs against a connected context; returns an ExitCode.
    virtual QCoro::Task<int> run(CommandContext &context) = 0;
};

// "--mid N": a mitigation identifier, 1..2^32-1. Empty optional and `error` set when not.
inline std::optional<quint32> parseMid(const QCommandLineParser &parser, QString *error)
{
    if (!parser.isSet(QStringLiteral("mid"))) {
        *error = QStringLiteral("--mid N is required");
        return std::nullopt;
    }
    bool ok = false;
    const QString text = parser.value(QStringLiteral("mid"));
    const qulonglong mid = text.toULongLong(&ok);
    if (!ok || mid == 0 || mid > 0xFFFFFFFFull) {
        *error = QStringLiteral("--mid: \"%1\" is not a mitigation identifier (1..4294967295)").arg(text);
        return std::nullopt;
    }
    return quint32(mid);
}

} // namespace dots::cli

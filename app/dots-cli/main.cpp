// SPDX-License-Identifier: GPL-3.0-or-later
// dots-cli: the signal and data channels of a DOTS client on the command line.
// Parses the command line, wires the objects and runs one command as a coroutine.

#include "CommandContext.h"
#include "Commands.h"
#include "ExitCode.h"
#include "GlobalOptions.h"
#include "Interrupt.h"
#include "Output.h"

#include "BuildInfo.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QTimer>

#include <cstdio>

using namespace dots;
using namespace dots::cli;

namespace {

constexpr int kDefaultTimeoutSeconds = 60;

void printOut(const QString &text)
{
    std::fputs(text.toUtf8().constData(), stdout);
    std::fflush(stdout);
}

int usageError(const QString &problem, const QString &command = {})
{
    Output::error(QStringLiteral("%1 (see dots-cli %2--help)").arg(problem, command.isEmpty() ? QString() : command + QLatin1Char(' ')));
    return UsageError;
}

QString commandHelp(const Command &command, const QCommandLineParser &parser)
{
    QString text = parser.helpText();
    // Replace Qt's "Usage: <argv0> [options]" line with the real shape of the call.
    text = text.mid(text.indexOf(QLatin1Char('\n')) + 1);
    return QStringLiteral("Usage: dots-cli [global options] %1\n%2\n%3").arg(command.usage(), text,
                                                                               QLatin1String(exitCodeHelp()));
}

QCoro::Task<> runAndQuit(Command &command, CommandContext &context)
{
    auto codeTask = command.run(context);
    const int code = co_await codeTask;
    QCoreApplication::exit(code);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("dots-console"));
    QCoreApplication::setApplicationName(QStringLiteral("dots-cli"));
    QCoreApplication::setApplicationVersion(BuildInfo::consoleVersion());

    GlobalOptions options;
    const auto commands = allCommands();
    if (const QString problem = options.parse(QCoreApplication::arguments()); !problem.isEmpty())
        return usageError(problem);
    if (options.version) {
        printOut(QStringLiteral("dots-cli %1\n%2\n").arg(BuildInfo::consoleVersion(), BuildInfo::summary()));
        return Success;
    }
    if (options.command.isEmpty()) {
        if (options.help) {
            printOut(options.helpText(commandList(commands)));
            return Success;
        }
        return usageError(QStringLiteral("no command given"));
    }

    Command *command = nullptr;
    for (const auto &c : commands) {
        if (c->name() == options.command)
            command = c.get();
    }
    if (!command)
        return usageError(QStringLiteral("unknown command \"%1\"").arg(options.command));

    QCommandLineParser parser;
    parser.setApplicationDescription(command->summary());
    command->addOptions(parser);
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")}, QStringLiteral("Show this command's help."));
    parser.addOption(help);
    if (!parser.parse(QStringList{QStringLiteral("dots-cli")} + options.commandArguments))
        return usageError(parser.errorText(), command->name());
    if (options.help || parser.isSet(help)) {
        printOut(commandHelp(*command, parser));
        return Success;
    }
    if (!command->takesArguments() && !parser.positionalArguments().isEmpty())
        return usageError(QStringLiteral("unexpected argument \"%1\"").arg(parser.positionalArguments().first()),
                          command->name());
    if (const QString problem = command->readOptions(parser); !problem.isEmpty()) {
        for (const QString &line : problem.split(QLatin1Char('\n')))
            Output::error(line);
        return usageError(QStringLiteral("invalid input, nothing was sent"), command->name());
    }

    // stderr is for errors a script acts on; the protocol narrative only on request.
    if (!options.verbose)
        QLoggingCategory::setFilterRules(QStringLiteral("dots.*.info=false\ndots.*.debug=false"));

    Interrupt interrupt;
    const Output output(options.json);
    const std::optional<int> timeout =
        options.timeoutSeconds ? options.timeoutSeconds
                               : (command->runsUntilStopped() ? std::nullopt : std::optional<int>(kDefaultTimeoutSeconds));
    CommandContext context(options, output, interrupt);

    QTimer deadline;
    deadline.setSingleShot(true);
    QObject::connect(&deadline, &QTimer::timeout, &app, [&] {
        Output::error(QStringLiteral("timed out after %1 s").arg(*timeout));
        QCoreApplication::exit(TimedOut);
    });
    if (timeout)
        deadline.start(*timeout * 1000);
    // Started from the loop so that QCoreApplication::exit() is never called before exec().
    QTimer::singleShot(0, &app, [&] { runAndQuit(*command, context); });
    return QCoreApplication::exec();
}

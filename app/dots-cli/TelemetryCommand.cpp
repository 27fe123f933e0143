// SPDX-License-Identifier: GPL-3.0-or-later
#include "TelemetryCommand.h"

#include "CommandContext.h"
#include "ExitCode.h"
#include "JsonFile.h"
#include "Subcommand.h"
#include "TargetOptions.h"
#include "TelemetryFormat.h"
#include "TelemetryReportOptions.h"
#include "TelemetrySetupOptions.h"

#include <algorithm>

namespace dots::cli {

namespace {

const QString kTsid = QStringLiteral("tsid");
const QString kTmid = QStringLiteral("tmid");
const QString kFile = QStringLiteral("file");
const QStringList kTargetOptions{QStringLiteral("prefix"), QStringLiteral("port-range"), QStringLiteral("protocol"),
                                 QStringLiteral("fqdn"), QStringLiteral("uri")};

using Kind = store::TelemetryIdCounter::Kind;

const QList<SubcommandSpec> &subcommands()
{
    static const QList<SubcommandSpec> specs{
        {QStringLiteral("setup"), 1, 1, QStringLiteral("setup get|set|delete")},
        {QStringLiteral("report"), 0, 0, QStringLiteral("report --prefix ... | report --file FILE")},
    };
    return specs;
}

// "--tsid N" / "--tmid N": 1..2^32-1.
std::optional<quint32> readId(const QCommandLineParser &parser, const QString &option, QString *error)
{
    bool ok = false;
    const qulonglong id = parser.value(option).toULongLong(&ok);
    if (!ok || id == 0 || id > 0xFFFFFFFFull) {
        *error = QStringLiteral("--%1: \"%2\" is not a number 1..4294967295").arg(option, parser.value(option));
        return std::nullopt;
    }
    return quint32(id);
}

// Only the values given change; the rest stay as in the configuration in force.
signal::TelemetryConfiguration overlay(signal::TelemetryConfiguration into, const signal::TelemetryConfiguration &changes)
{
    const auto take = [](auto &target, const auto &change) {
        if (change)
            target = change;
    };
    take(into.measurementInterval, changes.measurementInterval);
    take(into.measurementSample, changes.measurementSample);
    take(into.lowPercentile, changes.lowPercentile);
    take(into.midPercentile, changes.midPercentile);
    take(into.highPercentile, changes.highPercentile);
    take(into.serverOriginatedTelemetry, changes.serverOriginatedTelemetry);
    take(into.notifyInterval, changes.notifyInterval);
    if (!changes.unitConfig.isEmpty())
        into.unitConfig = changes.unitConfig;
    return into;
}

// "--file f.json, entry 2: ..." for the problems of one entry of a document (the core's
// paths always say [0], as it checks one entry at a time).
QStringList prefixed(const QString &prefix, const QStringList &lines)
{
    QStringList out;
    for (const QString &line : lines)
        out << prefix + line;
    return out;
}

} // namespace

QString TelemetryCommand::usage() const
{
    return QStringLiteral("telemetry setup get | setup set [--tsid N] OPTIONS | setup set --file FILE | "
                          "setup delete [--tsid N] | report [--tmid N] --prefix ... | report --file FILE");
}

void TelemetryCommand::addOptions(QCommandLineParser &parser) const
{
    parser.addPositionalArgument(QStringLiteral("action"), QStringLiteral("setup get, setup set, setup delete or report."));
    parser.addOptions({
        {kTsid, QStringLiteral("setup set: the tsid to PUT (default: one above any used before); setup delete: the setup "
                               "to delete (default: all of them)."),
         QStringLiteral("N")},
        {kTmid, QStringLiteral("report: the tmid to PUT (default: one above any used before with this server and certificate)."),
         QStringLiteral("N")},
        {kFile, QStringLiteral("setup set: the setups of a document {\"ietf-dots-telemetry:telemetry-setup\":{\"telemetry\":"
                               "[...]}}, as setup get --json prints it; report: the entries of {\"ietf-dots-telemetry:telemetry\":"
                               "{\"pre-or-ongoing-mitigation\":[...]}} (- reads standard input)."),
         QStringLiteral("FILE")},
    });
    TelemetrySetupOptions::addOptions(parser);
    TargetOptions::addOptions(parser);
    TelemetryReportOptions::addOptions(parser);
}

QString TelemetryCommand::readOptions(const QCommandLineParser &parser)
{
    QString error;
    const auto sub = readSubcommand(name(), parser.positionalArguments(), subcommands(), &error);
    if (!sub)
        return error;
    QString shape = sub->name;
    if (sub->name == QLatin1String("setup")) {
        const QString verb = sub->arguments.first();
        if (verb == QLatin1String("get"))
            m_action = Action::SetupGet;
        else if (verb == QLatin1String("set"))
            m_action = Action::SetupSet;
        else if (verb == QLatin1String("delete"))
            m_action = Action::SetupDelete;
        else
            return QStringLiteral("telemetry setup: \"%1\" is not get, set or delete").arg(verb);
        shape += QLatin1Char(' ') + verb;
    } else {
        m_action = Action::Report;
    }

    // Every option belongs to some of the verbs; refuse the rest rather than ignore them.
    QStringList allowed;
    switch (m_action) {
    case Action::SetupGet: break;
    case Action::SetupSet: allowed << kTsid << kFile << TelemetrySetupOptions::names() << kTargetOptions; break;
    case Action::SetupDelete: allowed << kTsid; break;
    case Action::Report: allowed << kTmid << kFile << TelemetryReportOptions::names() << kTargetOptions; break;
    }
    const QStringList every = QStringList{kTsid, kTmid, kFile} + TelemetrySetupOptions::names() + kTargetOptions
        + TelemetryReportOptions::names();
    for (const QString &option : every) {
        if (parser.isSet(option) && !allowed.contains(option))
            return QStringLiteral("telemetry %1 takes no --%2").arg(shape, option);
    }

    m_tsid.reset();
    if (parser.isSet(kTsid) && !(m_tsid = readId(parser, kTsid, &error)))
        return error;
    std::optional<quint32> tmid;
    if (parser.isSet(kTmid) && !(tmid = readId(parser, kTmid, &error)))
        return error;
    m_fromFile = parser.isSet(kFile);
    m_setups.clear();
    m_reports.clear();

    if (m_action == Action::SetupSet) {
        if (!m_fromFile) {
            signal::TelemetrySetup setup;
            const QStringList problems = TelemetrySetupOptions::read(parser, setup);
            setup.tsid = m_tsid.value_or(0);
            m_setups = {setup};
            return problems.join(QLatin1Char('\n'));
        }
        const QStringList others = TelemetrySetupOptions::names() + kTargetOptions + QStringList{kTsid};
        if (std::any_of(others.begin(), others.end(), [&parser](const QString &o) { return parser.isSet(o); }))
            return QStringLiteral("telemetry setup set --file takes the setups (and their tsid) from the file: give no other options");
        const auto document = readJsonObjectFile(parser.value(kFile), &error);
        if (!document)
            return QStringLiteral("--file: %1").arg(error);
        // What only the server sets (its ranges, unit classes, query types) is left out.
        const auto parsed = signal::TelemetrySetupInfo::fromJson(*document);
        if (!parsed)
            return QStringLiteral("--file %1: not a valid telemetry setup document:\n%2").arg(parser.value(kFile), parsed.errorString());
        if (parsed.value.setups.isEmpty())
            return QStringLiteral("--file %1 holds no telemetry setup").arg(parser.value(kFile));
        QStringList problems;
        for (qsizetype i = 0; i < parsed.value.setups.size(); ++i)
            problems += prefixed(QStringLiteral("--file %1, entry %2: ").arg(parser.value(kFile)).arg(i + 1),
                                 TelemetrySetupOptions::describe(parsed.value.setups[i].validate()));
        m_setups = parsed.value.setups;
        return problems.join(QLatin1Char('\n'));
    }

    if (m_action == Action::Report) {
        if (!m_fromFile) {
            signal::TelemetryReport report;
            const QStringList problems = TelemetryReportOptions::read(parser, report);
            report.tmid = tmid;
            m_reports = {report};
            return problems.join(QLatin1Char('\n'));
        }
        const QStringList others = TelemetryReportOptions::names() + kTargetOptions + QStringList{kTmid};
        if (std::any_of(others.begin(), others.end(), [&parser](const QString &o) { return parser.isSet(o); }))
            return QStringLiteral("telemetry report --file takes the telemetry (and its tmid) from the file: give no other options");
        const auto document = readJsonObjectFile(parser.value(kFile), &error);
        if (!document)
            return QStringLiteral("--file: %1").arg(error);
        const auto parsed = signal::parseTelemetryReports(*document);
        if (!parsed)
            return QStringLiteral("--file %1: not a valid telemetry document:\n%2").arg(parser.value(kFile), parsed.errorString());
        if (parsed.value.isEmpty())
            return QStringLiteral("--file %1 holds no pre-or-ongoing-mitigation entry").arg(parser.value(kFile));
        QStringList problems;
        for (qsizetype i = 0; i < parsed.value.size(); ++i)
            problems += prefixed(QStringLiteral("--file %1, entry %2: ").arg(parser.value(kFile)).arg(i + 1),
                                 TelemetryReportOptions::describe(parsed.value[i].validate()));
        m_reports = parsed.value;
        return problems.join(QLatin1Char('\n'));
    }
    return {};
}

QCoro::Task<int> TelemetryCommand::run(CommandContext &context)
{
    auto connecting = context.connect();
    if (const int code = co_await connecting; code != Success)
        co_return code;
    signal::SignalChannel &channel = context.channel();
    const Output &out = context.out();

    switch (m_action) {
    case Action::SetupGet: {
        auto reading = channel.fetchTelemetrySetup();
        const auto info = co_await reading;
        if (!info.ok())
            co_return context.fail(info.error(), QStringLiteral("reading the telemetry setup"));
        for (const QString &line : describeTelemetrySetupInfo(info.value()))
            out.text(line);
        out.json(info.value().toJson()); // the RFC 9244 document, as setup set --file reads it
        co_return Success;
    }
    case Action::SetupSet: {
        auto setting = setupSet(context);
        co_return co_await setting;
    }
    case Action::SetupDelete: {
        auto deleting = channel.deleteTelemetrySetup(m_tsid);
        const auto deleted = co_await deleting;
        const QString what = m_tsid ? QStringLiteral("deleting telemetry setup %1").arg(*m_tsid)
                                    : QStringLiteral("deleting the telemetry setups");
        if (!deleted.ok())
            co_return context.fail(deleted.error(), what);
        out.text(m_tsid ? QStringLiteral("telemetry setup %1 deleted").arg(*m_tsid) : QStringLiteral("all telemetry setups deleted"));
        QJsonObject json{{QStringLiteral("command"), QStringLiteral("telemetry setup delete")}, {QStringLiteral("deleted"), true}};
        if (m_tsid)
            json.insert(kTsid, qint64(*m_tsid));
        out.json(json);
        co_return Success;
    }
    case Action::Report: {
        auto reporting = report(context);
        co_return co_await reporting;
    }
    }
    co_return Success;
}

QCoro::Task<int> TelemetryCommand::setupSet(CommandContext &context)
{
    signal::SignalChannel &channel = context.channel();
    // The server's ranges and the tsids it holds, read now rather than left to the
    // channel's own read after connecting, which may still be under way.
    auto reading = channel.fetchTelemetrySetup();
    const auto info = co_await reading;
    if (!info.ok())
        co_return context.fail(info.error(), QStringLiteral("reading the telemetry setup"));
    quint32 highestListed = 0;
    for (const auto &s : info.value().setups)
        highestListed = std::max(highestListed, s.tsid);

    for (signal::TelemetrySetup setup : m_setups) {
        if (setup.currentConfig) {
            if (!m_fromFile)
                setup.currentConfig = overlay(info.value().currentConfig().value_or(signal::TelemetryConfiguration{}),
                                              *setup.currentConfig);
            const auto problems = setup.currentConfig->checkRanges(info.value().minConfig, info.value().maxConfig,
                                                                   QStringLiteral("telemetry[0].current-config"));
            if (!problems.isEmpty()) {
                for (const QString &line : TelemetrySetupOptions::describe(problems))
                    Output::error(line);
                Output::error(QStringLiteral("nothing was sent: the configuration, with the values in force for those not "
                                             "given, breaks the YANG rules or the server's ranges (see telemetry setup get)"));
                co_return UsageError;
            }
        }
        // tsids grow across runs (the store), and above what the server lists.
        const QString server = context.serverLabel();
        if (setup.tsid == 0) {
            const auto tsid = context.telemetryIds()->allocate(server, channel.cuid(), Kind::Tsid, highestListed);
            if (!tsid.ok()) {
                Output::error(QStringLiteral("--state-db: no tsid: %1").arg(tsid.error().toString()));
                co_return UsageError;
            }
            setup.tsid = tsid.value();
        } else if (auto noted = context.telemetryIds()->noteUsed(server, channel.cuid(), Kind::Tsid, setup.tsid); !noted) {
            Output::error(QStringLiteral("warning: tsid %1 not noted in --state-db: %2").arg(setup.tsid).arg(noted.error().toString()));
        }
        highestListed = std::max(highestListed, setup.tsid);

        auto sending = channel.sendTelemetrySetup(setup);
        const auto sent = co_await sending;
        if (!sent.ok())
            co_return context.fail(sent.error(), QStringLiteral("telemetry setup %1").arg(setup.tsid));
        context.out().text(QStringLiteral("telemetry setup %1 accepted").arg(sent.value().tsid));
        context.out().json({{QStringLiteral("command"), QStringLiteral("telemetry setup set")},
                            {kTsid, qint64(sent.value().tsid)}});
    }
    co_return Success;
}

QCoro::Task<int> TelemetryCommand::report(CommandContext &context)
{
    signal::SignalChannel &channel = context.channel();
    const QString server = context.serverLabel();
    for (signal::TelemetryReport report : m_reports) {
        // Every run starts afresh: only the store knows the tmids used before.
        if (!report.tmid) {
            const auto tmid = context.telemetryIds()->allocate(server, channel.cuid(), Kind::Tmid);
            if (!tmid.ok()) {
                Output::error(QStringLiteral("--state-db: no tmid: %1").arg(tmid.error().toString()));
                co_return UsageError;
            }
            report.tmid = tmid.value();
        } else if (auto noted = context.telemetryIds()->noteUsed(server, channel.cuid(), Kind::Tmid, *report.tmid); !noted) {
            Output::error(QStringLiteral("warning: tmid %1 not noted in --state-db: %2").arg(*report.tmid).arg(noted.error().toString()));
        }
        auto sending = channel.sendTelemetryReport(report);
        const auto sent = co_await sending;
        if (!sent.ok())
            co_return context.fail(sent.error(), QStringLiteral("telemetry %1").arg(*report.tmid));
        context.out().text(QStringLiteral("telemetry %1 accepted").arg(sent.value()));
        context.out().json({{QStringLiteral("command"), QStringLiteral("telemetry report")}, {kTmid, qint64(sent.value())}});
    }
    co_return Success;
}

} // namespace dots::cli

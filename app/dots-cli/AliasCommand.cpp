// SPDX-License-Identifier: GPL-3.0-or-later
#include "AliasCommand.h"

#include "CommandContext.h"
#include "DataFormat.h"
#include "ExitCode.h"
#include "JsonFile.h"
#include "Subcommand.h"
#include "TargetOptions.h"

#include "signal/TargetText.h"

#include <algorithm>

namespace dots::cli {

namespace {

const QString kFile = QStringLiteral("file");
const QString kReplace = QStringLiteral("replace");
const QStringList kTargetOptions{QStringLiteral("prefix"), QStringLiteral("port-range"), QStringLiteral("protocol"),
                                 QStringLiteral("fqdn"), QStringLiteral("uri")};

const QList<SubcommandSpec> &subcommands()
{
    static const QList<SubcommandSpec> specs{
        {QStringLiteral("list"), 0, 0, QStringLiteral("list")},
        {QStringLiteral("show"), 1, 1, QStringLiteral("show NAME")},
        {QStringLiteral("create"), 0, 1, QStringLiteral("create NAME --prefix|--fqdn|--uri ... | create --file FILE")},
        {QStringLiteral("delete"), 1, 1, QStringLiteral("delete NAME")},
    };
    return specs;
}

// The core's checks of an alias, each problem named by its option where there is one.
QStringList aliasProblems(const data::Alias &alias)
{
    dots::ValidationErrors errors;
    alias.validate(data::JsonReader(errors));
    QStringList problems;
    for (const auto &e : errors) {
        const QString option = TargetOptions::optionForPath(e.path);
        problems << (option.isEmpty() ? e.toString() : QStringLiteral("%1: %2").arg(option, e.message));
    }
    return problems;
}

} // namespace

QString AliasCommand::usage() const
{
    return QStringLiteral("alias %1").arg(subcommandUsage(subcommands()));
}

void AliasCommand::addOptions(QCommandLineParser &parser) const
{
    parser.addPositionalArgument(QStringLiteral("action"), QStringLiteral("list, show NAME, create NAME or delete NAME."));
    TargetOptions::addOptions(parser);
    parser.addOptions({
        {kFile, QStringLiteral("create: the aliases of an RFC 8783 document {\"ietf-dots-data-channel:aliases\":"
                               "{\"alias\":[...]}} (- reads standard input), instead of NAME and the target options."),
         QStringLiteral("FILE")},
        {kReplace, QStringLiteral("create: replace an alias of the same name (PUT) instead of failing (POST).")},
    });
}

QString AliasCommand::readOptions(const QCommandLineParser &parser)
{
    QString error;
    const auto sub = readSubcommand(name(), parser.positionalArguments(), subcommands(), &error);
    if (!sub)
        return error;
    m_name = sub->arguments.value(0);
    m_replace = parser.isSet(kReplace);
    const bool anyTarget = std::any_of(kTargetOptions.begin(), kTargetOptions.end(),
                                       [&parser](const QString &o) { return parser.isSet(o); });
    if (sub->name != QLatin1String("create")) {
        m_action = sub->name == QLatin1String("list") ? Action::List
                 : sub->name == QLatin1String("show") ? Action::Show
                                                      : Action::Delete;
        if (anyTarget || parser.isSet(kFile) || m_replace)
            return QStringLiteral("alias %1 takes no options; they belong to alias create").arg(sub->name);
        return {};
    }

    m_action = Action::Create;
    m_aliases.clear();
    if (parser.isSet(kFile)) {
        if (!m_name.isEmpty() || anyTarget)
            return QStringLiteral("alias create --file takes the aliases from the file: give no NAME and no target options");
        const auto document = readJsonObjectFile(parser.value(kFile), &error);
        if (!document)
            return QStringLiteral("--file: %1").arg(error);
        const auto parsed = data::parseAliases(*document, data::DecodeMode::Strict);
        if (!parsed)
            return QStringLiteral("--file %1: not a valid aliases document:\n%2").arg(parser.value(kFile), parsed.errorString());
        if (parsed.value.isEmpty())
            return QStringLiteral("--file %1 holds no alias").arg(parser.value(kFile));
        m_aliases = parsed.value;
        return {};
    }
    if (m_name.isEmpty())
        return QStringLiteral("usage: alias create NAME --prefix|--fqdn|--uri ... (or alias create --file FILE)");
    data::Alias alias;
    alias.name = m_name;
    QStringList problems;
    TargetOptions::read(parser, alias.targets, problems);
    if (problems.isEmpty())
        problems = aliasProblems(alias);
    m_aliases = {alias};
    return problems.join(QLatin1Char('\n'));
}

QCoro::Task<int> AliasCommand::run(CommandContext &context)
{
    if (m_action == Action::Create || m_action == Action::Delete) {
        if (const int code = context.openStore(); code != Success)
            co_return code;
    }
    auto connecting = context.connectData();
    if (const int code = co_await connecting; code != Success)
        co_return code;
    data::DataChannel &channel = context.dataChannel();
    const Output &out = context.out();

    switch (m_action) {
    case Action::List: {
        auto listing = channel.aliases();
        const auto aliases = co_await listing;
        if (!aliases.ok())
            co_return context.fail(aliases.error(), QStringLiteral("listing the aliases"));
        if (aliases.value().isEmpty())
            out.text(QStringLiteral("no aliases"));
        for (const data::Alias &alias : aliases.value())
            out.text(describeAliasLine(alias));
        out.json(data::aliasesDocument(aliases.value()));
        co_return Success;
    }
    case Action::Show: {
        auto reading = channel.alias(m_name);
        const auto alias = co_await reading;
        if (!alias.ok())
            co_return context.fail(alias.error(), QStringLiteral("reading alias %1").arg(m_name));
        for (const QString &line : describeAliasDetail(alias.value()))
            out.text(line);
        out.json(data::aliasDocument(alias.value()));
        co_return Success;
    }
    case Action::Create:
        for (const data::Alias &alias : m_aliases) {
            auto creating = m_replace ? channel.putAlias(alias) : channel.createAlias(alias);
            const auto created = co_await creating;
            if (!created.ok())
                co_return context.fail(created.error(), QStringLiteral("creating alias %1").arg(alias.name));
            context.audit(m_replace ? store::AuditAction::AliasReplace : store::AuditAction::AliasCreate, std::nullopt,
                          QStringLiteral("%1 alias %2: %3").arg(m_replace ? QStringLiteral("create or replace") : QStringLiteral("create"),
                                                                alias.name, signal::describeTarget(alias.targets)),
                          data::aliasesDocument({alias}));
            out.text(QStringLiteral("alias %1 %2").arg(alias.name, m_replace ? QStringLiteral("created or replaced")
                                                                             : QStringLiteral("created")));
            out.json({{QStringLiteral("command"), QStringLiteral("alias create")},
                      {QStringLiteral("name"), alias.name},
                      {m_replace ? QStringLiteral("replaced") : QStringLiteral("created"), true}});
        }
        co_return Success;
    case Action::Delete: {
        auto deleting = channel.deleteAlias(m_name);
        const auto deleted = co_await deleting;
        if (!deleted.ok())
            co_return context.fail(deleted.error(), QStringLiteral("deleting alias %1").arg(m_name));
        context.audit(store::AuditAction::AliasDelete, std::nullopt, QStringLiteral("delete alias %1").arg(m_name));
        out.text(QStringLiteral("alias %1 deleted").arg(m_name));
        out.json({{QStringLiteral("command"), QStringLiteral("alias delete")},
                  {QStringLiteral("name"), m_name},
                  {QStringLiteral("deleted"), true}});
        co_return Success;
    }
    }
    co_return Success;
}

} // namespace dots::cli

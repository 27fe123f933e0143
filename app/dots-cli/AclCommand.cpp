// SPDX-License-Identifier: GPL-3.0-or-later
#include "AclCommand.h"

#include "AclRuleOptions.h"
#include "CommandContext.h"
#include "DataFormat.h"
#include "ExitCode.h"
#include "JsonFile.h"
#include "Subcommand.h"

#include "models/FilterRuleText.h"

namespace dots::cli {

namespace {

const QString kFile = QStringLiteral("file");
const QString kReplace = QStringLiteral("replace");

const QList<SubcommandSpec> &subcommands()
{
    static const QList<SubcommandSpec> specs{
        {QStringLiteral("list"), 0, 0, QStringLiteral("list")},
        {QStringLiteral("show"), 1, 1, QStringLiteral("show NAME")},
        {QStringLiteral("create"), 0, 1, QStringLiteral("create NAME --destination|--source ... | create --file FILE")},
        {QStringLiteral("delete"), 1, 1, QStringLiteral("delete NAME")},
        {QStringLiteral("activate"), 1, 2, QStringLiteral("activate NAME [immediate|activate-when-mitigating|deactivate]")},
        {QStringLiteral("deactivate"), 1, 1, QStringLiteral("deactivate NAME")},
    };
    return specs;
}

QStringList aclProblems(const data::Acl &acl)
{
    dots::ValidationErrors errors;
    acl.validate(data::JsonReader(errors, QStringLiteral("acl")));
    QStringList problems;
    for (const auto &e : errors)
        problems << e.toString();
    return problems;
}

} // namespace

QString AclCommand::usage() const
{
    return QStringLiteral("acl %1").arg(subcommandUsage(subcommands()));
}

void AclCommand::addOptions(QCommandLineParser &parser) const
{
    parser.addPositionalArgument(QStringLiteral("action"),
                                 QStringLiteral("list, show NAME, create NAME, delete NAME, activate NAME [TYPE] or "
                                                "deactivate NAME."));
    AclRuleOptions::addOptions(parser);
    parser.addOptions({
        {kFile, QStringLiteral("create: the ACLs of an RFC 8783 document {\"ietf-dots-data-channel:acls\":{\"acl\":[...]}} "
                               "(- reads standard input), instead of NAME and the rule options."),
         QStringLiteral("FILE")},
        {kReplace, QStringLiteral("create: replace an ACL of the same name (PUT) instead of failing (POST).")},
    });
}

QString AclCommand::readOptions(const QCommandLineParser &parser)
{
    QString error;
    const auto sub = readSubcommand(name(), parser.positionalArguments(), subcommands(), &error);
    if (!sub)
        return error;
    m_name = sub->arguments.value(0);
    m_replace = parser.isSet(kReplace);
    const bool anyRule = AclRuleOptions::anySet(parser);
    if (sub->name != QLatin1String("create")) {
        if (anyRule || parser.isSet(kFile) || m_replace)
            return QStringLiteral("acl %1 takes no options; they belong to acl create").arg(sub->name);
        if (sub->name == QLatin1String("list"))
            m_action = Action::List;
        else if (sub->name == QLatin1String("show"))
            m_action = Action::Show;
        else if (sub->name == QLatin1String("delete"))
            m_action = Action::Delete;
        else {
            m_action = Action::Activate;
            m_activation = data::ActivationType::Deactivate;
            if (sub->name == QLatin1String("activate")) {
                const QString type = sub->arguments.value(1, QStringLiteral("immediate"));
                const auto parsed = dots::activationTypeFromName(type);
                if (!parsed)
                    return QStringLiteral("acl activate: \"%1\" is not immediate, activate-when-mitigating or deactivate").arg(type);
                m_activation = *parsed;
            }
        }
        return {};
    }

    m_action = Action::Create;
    m_acls.clear();
    if (parser.isSet(kFile)) {
        if (!m_name.isEmpty() || anyRule)
            return QStringLiteral("acl create --file takes the ACLs from the file: give no NAME and no rule options");
        const auto document = readJsonObjectFile(parser.value(kFile), &error);
        if (!document)
            return QStringLiteral("--file: %1").arg(error);
        const auto parsed = data::parseAcls(*document, data::DecodeMode::Strict);
        if (!parsed)
            return QStringLiteral("--file %1: not a valid ACL document:\n%2").arg(parser.value(kFile), parsed.errorString());
        if (parsed.value.isEmpty())
            return QStringLiteral("--file %1 holds no ACL").arg(parser.value(kFile));
        // What the server keeps (pending-lifetime, counters) is not ours to send: a `show` output is valid input.
        for (const data::Acl &acl : parsed.value)
            m_acls << data::withoutServerState(acl);
        return {};
    }
    if (m_name.isEmpty())
        return QStringLiteral("usage: acl create NAME --destination|--source ... (or acl create --file FILE)");
    if (const QString e = data::checkAclName(m_name); !e.isEmpty())
        return QStringLiteral("acl create \"%1\": the name %2").arg(m_name, e);
    QStringList problems;
    const data::Acl acl = AclRuleOptions::read(parser, m_name, problems);
    if (problems.isEmpty())
        problems = aclProblems(acl);
    m_acls = {acl};
    return problems.join(QLatin1Char('\n'));
}

QCoro::Task<int> AclCommand::activate(CommandContext &context)
{
    // RFC 8783 changes activation-type by replacing the ACL: read it, change it, PUT it back.
    auto reading = context.dataChannel().acl(m_name);
    const auto current = co_await reading;
    if (!current.ok())
        co_return context.fail(current.error(), QStringLiteral("reading ACL %1").arg(m_name));
    data::Acl acl = current.value();
    acl.activationType = m_activation;
    auto writing = context.dataChannel().putAcl(acl);
    const auto written = co_await writing;
    if (!written.ok())
        co_return context.fail(written.error(), QStringLiteral("changing the activation of ACL %1").arg(m_name));
    context.audit(store::AuditAction::FilterControl, std::nullopt,
                  QStringLiteral("ACL %1 activation-type %2").arg(m_name, dots::yangName(m_activation)),
                  QJsonObject{{QStringLiteral("acl"), m_name}, {QStringLiteral("activation-type"), dots::yangName(m_activation)}});
    context.out().text(QStringLiteral("acl %1 now %2").arg(m_name, describeActivationType(m_activation)));
    context.out().json({{QStringLiteral("command"), QStringLiteral("acl activate")},
                        {QStringLiteral("name"), m_name},
                        {QStringLiteral("activation-type"), dots::yangName(m_activation)}});
    co_return Success;
}

QCoro::Task<int> AclCommand::run(CommandContext &context)
{
    if (m_action != Action::List && m_action != Action::Show) {
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
        auto listing = channel.acls();
        const auto acls = co_await listing;
        if (!acls.ok())
            co_return context.fail(acls.error(), QStringLiteral("listing the ACLs"));
        if (acls.value().isEmpty())
            out.text(QStringLiteral("no ACLs"));
        for (const data::Acl &acl : acls.value()) {
            for (const QString &line : describeAclSummary(acl))
                out.text(line);
        }
        out.json(data::aclsDocument(acls.value()));
        co_return Success;
    }
    case Action::Show: {
        auto reading = channel.acl(m_name);
        const auto acl = co_await reading;
        if (!acl.ok())
            co_return context.fail(acl.error(), QStringLiteral("reading ACL %1").arg(m_name));
        for (const QString &line : describeAclDetail(acl.value()))
            out.text(line);
        out.json(data::aclDocument(acl.value()));
        co_return Success;
    }
    case Action::Create:
        for (const data::Acl &acl : m_acls) {
            auto creating = m_replace ? channel.putAcl(acl) : channel.createAcl(acl);
            const auto created = co_await creating;
            if (!created.ok())
                co_return context.fail(created.error(), QStringLiteral("creating ACL %1").arg(acl.name));
            context.audit(m_replace ? store::AuditAction::AclReplace : store::AuditAction::AclCreate, std::nullopt,
                          QStringLiteral("%1 ACL %2 (%3): %4")
                              .arg(m_replace ? QStringLiteral("create or replace") : QStringLiteral("create"), acl.name,
                                   dots::yangName(acl.effectiveActivationType()),
                                   models::describeAcl(acl).replace(QLatin1Char('\n'), QStringLiteral("; "))),
                          data::aclsDocument({acl}));
            out.text(QStringLiteral("acl %1 %2, %3").arg(acl.name, m_replace ? QStringLiteral("created or replaced") : QStringLiteral("created"),
                                                        describeActivationType(acl.effectiveActivationType())));
            out.json({{QStringLiteral("command"), QStringLiteral("acl create")},
                      {QStringLiteral("name"), acl.name},
                      {m_replace ? QStringLiteral("replaced") : QStringLiteral("created"), true},
                      {QStringLiteral("activation-type"), dots::yangName(acl.effectiveActivationType())}});
        }
        co_return Success;
    case Action::Delete: {
        auto deleting = channel.deleteAcl(m_name);
        const auto deleted = co_await deleting;
        if (!deleted.ok())
            co_return context.fail(deleted.error(), QStringLiteral("deleting ACL %1").arg(m_name));
        context.audit(store::AuditAction::AclDelete, std::nullopt, QStringLiteral("delete ACL %1").arg(m_name));
        out.text(QStringLiteral("acl %1 deleted").arg(m_name));
        out.json({{QStringLiteral("command"), QStringLiteral("acl delete")},
                  {QStringLiteral("name"), m_name},
                  {QStringLiteral("deleted"), true}});
        co_return Success;
    }
    case Action::Activate: {
        auto activating = activate(context);
        co_return co_await activating;
    }
    }
    co_return Success;
}

} // namespace dots::cli

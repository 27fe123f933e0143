// SPDX-License-Identifier: GPL-3.0-or-later
#include "RequestOptions.h"

#include "TargetOptions.h"

#include "signal/AclListEntry.h"

namespace dots::cli {

namespace {

const QString kAlias = QStringLiteral("alias");
const QString kLifetime = QStringLiteral("lifetime");
const QString kNoTrigger = QStringLiteral("no-trigger");
const QString kAcl = QStringLiteral("acl");

// The core reports problems by YANG path; say which option that was.
QString optionForPath(const QString &path)
{
    if (const QString option = TargetOptions::optionForPath(path); !option.isEmpty())
        return option;
    static const QList<std::pair<QString, QString>> map = {
        {QStringLiteral("alias-name"), QStringLiteral("--alias")},
        {QStringLiteral("lifetime"), QStringLiteral("--lifetime")},
        {QStringLiteral("acl-list"), QStringLiteral("--acl")},
    };
    for (const auto &[member, option] : map) {
        if (path.contains(member))
            return option;
    }
    return {};
}

} // namespace

void RequestOptions::addOptions(QCommandLineParser &parser)
{
    TargetOptions::addOptions(parser);
    parser.addOptions({
        {kAlias, QStringLiteral("Alias name defined over the data channel (repeatable)."), QStringLiteral("NAME")},
        {kLifetime, QStringLiteral("Lifetime in seconds or \"indefinite\" (default 3600)."), QStringLiteral("SECONDS")},
        {kNoTrigger, QStringLiteral("Send trigger-mitigation false: mitigate only when the signal channel is lost.")},
        {kAcl, QStringLiteral("RFC 9133 filter control: ACL name and activation-type (activate-when-mitigating, "
                              "immediate, deactivate), e.g. web-allow:immediate (repeatable)."),
         QStringLiteral("NAME:TYPE")},
    });
}

QStringList RequestOptions::read(const QCommandLineParser &parser, signal::MitigationRequest &out)
{
    QStringList problems;
    const auto bad = [&problems](const QString &option, const QString &value, const QString &why) {
        problems << QStringLiteral("--%1 %2: %3").arg(option, value, why);
    };

    dots::Target &target = out.target;
    TargetOptions::read(parser, target, problems);
    target.aliasNames = parser.values(kAlias);

    if (parser.isSet(kLifetime)) {
        const QString text = parser.value(kLifetime);
        bool ok = false;
        const qint64 seconds = text == QLatin1String("indefinite") ? signal::kIndefiniteLifetime : text.toLongLong(&ok);
        if (text != QLatin1String("indefinite") && !ok)
            bad(kLifetime, text, QStringLiteral("not a number of seconds or \"indefinite\""));
        else if (const QString e = signal::checkRequestLifetime(seconds); !e.isEmpty())
            bad(kLifetime, text, e);
        else
            out.lifetime = seconds;
    }
    if (parser.isSet(kNoTrigger))
        out.triggerMitigation = false;

    for (const QString &text : parser.values(kAcl)) {
        const qsizetype colon = text.lastIndexOf(QLatin1Char(':'));
        signal::AclListEntry entry;
        entry.aclName = colon < 0 ? text : text.left(colon);
        if (colon >= 0) {
            const auto type = dots::activationTypeFromName(text.mid(colon + 1));
            if (!type) {
                bad(kAcl, text, QStringLiteral("activation type must be activate-when-mitigating, immediate or deactivate"));
                continue;
            }
            entry.activationType = *type;
        }
        out.aclList << entry;
    }

    if (!target.identifiesResource())
        problems << QStringLiteral("a request needs at least one --prefix, --fqdn, --uri or --alias");

    // The core's full check catches what the per-option checks do not (duplicates, ACL names).
    if (problems.isEmpty()) {
        for (const auto &e : out.validate()) {
            const QString option = optionForPath(e.path);
            problems << (option.isEmpty() ? e.toString() : QStringLiteral("%1: %2").arg(option, e.toString()));
        }
    }
    return problems;
}

} // namespace dots::cli

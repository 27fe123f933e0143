// SPDX-License-Identifier: GPL-3.0-or-later
#include "TelemetryReportOptions.h"

#include "TargetOptions.h"
#include "TrafficOptions.h"

#include "codec/Enumerations.h"

namespace dots::cli {

namespace {

const QString kTotal = QStringLiteral("total-traffic");
const QString kAttack = QStringLiteral("total-attack-traffic");
const QString kDetail = QStringLiteral("attack-detail");

// "ID:SEVERITY[:DESCRIPTION]"; the description is the rest and may hold colons.
std::optional<signal::AttackDetail> parseAttackDetail(const QString &text, QString *error)
{
    const QStringList parts = text.split(QLatin1Char(':'));
    if (parts.size() < 2) {
        *error = QStringLiteral("not ID:SEVERITY[:DESCRIPTION], e.g. 1:high:SYN flood");
        return std::nullopt;
    }
    bool ok = false;
    const qulonglong id = parts.first().toULongLong(&ok);
    if (!ok || id > 0xFFFFFFFFull) {
        *error = QStringLiteral("the attack id \"%1\" is not a number 0..4294967295").arg(parts.first());
        return std::nullopt;
    }
    const auto severity = codec::enums::attackSeverity.valueOf(parts.at(1));
    if (!severity) {
        *error = QStringLiteral("\"%1\" is not a severity; use one of %2").arg(parts.at(1), codec::enums::attackSeverity.allowedNames());
        return std::nullopt;
    }
    signal::AttackDetail detail;
    detail.attackId = quint32(id);
    detail.severity = signal::AttackSeverity(*severity);
    detail.attackDescription = parts.mid(2).join(QLatin1Char(':'));
    return detail;
}

} // namespace

void TelemetryReportOptions::addOptions(QCommandLineParser &parser)
{
    parser.addOptions({
        {kTotal, QStringLiteral("report: total traffic towards the target, %1, e.g. megabit-ps:current=900 "
                                "(repeatable, one per unit).").arg(TrafficOptions::syntax(true)),
         QStringLiteral("TRAFFIC")},
        {kAttack, QStringLiteral("report: attack traffic towards the target, %1, e.g. megabit-ps:current=800,peak=950 "
                                 "(repeatable, one per unit).").arg(TrafficOptions::syntax(true)),
         QStringLiteral("TRAFFIC")},
        {kDetail, QStringLiteral("report: an attack seen, its attack-id and severity (%1) and a description, "
                                 "e.g. 1:high:SYN flood (repeatable).").arg(codec::enums::attackSeverity.allowedNames()),
         QStringLiteral("ID:SEVERITY[:TEXT]")},
    });
}

const QStringList &TelemetryReportOptions::names()
{
    static const QStringList all{kTotal, kAttack, kDetail};
    return all;
}

QStringList TelemetryReportOptions::read(const QCommandLineParser &parser, signal::TelemetryReport &out)
{
    QStringList problems;
    TargetOptions::read(parser, out.target, problems);
    for (const auto &[option, list] : {std::pair{kTotal, &out.totalTraffic}, std::pair{kAttack, &out.totalAttackTraffic}}) {
        for (const QString &text : parser.values(option)) {
            QString error;
            if (const auto traffic = TrafficOptions::parse(text, true, &error))
                *list << *traffic;
            else
                problems << QStringLiteral("--%1 %2: %3").arg(option, text, error);
        }
    }
    for (const QString &text : parser.values(kDetail)) {
        QString error;
        if (const auto detail = parseAttackDetail(text, &error))
            out.attackDetails << *detail;
        else
            problems << QStringLiteral("--%1 %2: %3").arg(kDetail, text, error);
    }
    if (!out.target.identifiesResource())
        problems << QStringLiteral("a report needs at least one --prefix, --fqdn or --uri");
    if (problems.isEmpty())
        problems = describe(out.validate());
    return problems;
}

QStringList TelemetryReportOptions::describe(const dots::ValidationErrors &errors)
{
    static const QList<std::pair<QString, QString>> map = {
        {QStringLiteral("total-attack-traffic"), kAttack}, // before total-traffic, which it contains
        {kTotal, kTotal},
        {kDetail, kDetail},
    };
    QStringList lines;
    for (const auto &e : errors) {
        QString option = TargetOptions::optionForPath(e.path);
        for (const auto &[member, name] : map) {
            if (option.isEmpty() && e.path.contains(member))
                option = QStringLiteral("--") + name;
        }
        lines << (option.isEmpty() ? e.toString() : QStringLiteral("%1: %2").arg(option, e.toString()));
    }
    return lines;
}

} // namespace dots::cli

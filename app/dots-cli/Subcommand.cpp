// SPDX-License-Identifier: GPL-3.0-or-later
#include "Subcommand.h"

namespace dots::cli {

QString subcommandUsage(const QList<SubcommandSpec> &specs)
{
    QStringList shapes;
    for (const SubcommandSpec &spec : specs)
        shapes << spec.usage;
    return shapes.join(QStringLiteral(" | "));
}

std::optional<Subcommand> readSubcommand(const QString &command, const QStringList &positional,
                                         const QList<SubcommandSpec> &specs, QString *error)
{
    if (positional.isEmpty()) {
        *error = QStringLiteral("%1 needs one of: %2").arg(command, subcommandUsage(specs));
        return std::nullopt;
    }
    for (const SubcommandSpec &spec : specs) {
        if (spec.name != positional.first())
            continue;
        const QStringList arguments = positional.mid(1);
        if (arguments.size() < spec.minArguments || arguments.size() > spec.maxArguments) {
            *error = QStringLiteral("usage: %1 %2").arg(command, spec.usage);
            return std::nullopt;
        }
        return Subcommand{spec.name, arguments};
    }
    *error = QStringLiteral("%1: \"%2\" is not one of: %3").arg(command, positional.first(), subcommandUsage(specs));
    return std::nullopt;
}

} // namespace dots::cli

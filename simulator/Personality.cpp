// SPDX-License-Identifier: GPL-3.0-or-later
#include "Personality.h"

namespace dots::simulator {

QString personalityName(Personality personality)
{
    return personality == Personality::Reference ? QStringLiteral("reference") : QStringLiteral("rfc");
}

std::optional<Personality> parsePersonality(const QString &text)
{
    if (text == QLatin1String("rfc"))
        return Personality::Rfc;
    if (text == QLatin1String("reference"))
        return Personality::Reference;
    return std::nullopt;
}

} // namespace dots::simulator

// SPDX-License-Identifier: GPL-3.0-or-later
#include "types/ActivationType.h"

namespace dots {

std::span<const EnumName> activationTypeNames() { return codec::enums::activationType.values; }
QString yangName(ActivationType type) { return enumName(int(type), codec::enums::activationType.values); }

std::optional<ActivationType> activationTypeFromName(QStringView name)
{
    if (auto v = enumValue(name, codec::enums::activationType.values))
        return ActivationType(*v);
    return std::nullopt;
}

} // namespace dots

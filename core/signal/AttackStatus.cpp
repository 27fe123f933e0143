// SPDX-License-Identifier: GPL-3.0-or-later
#include "signal/AttackStatus.h"

namespace dots::signal {

std::span<const EnumName> attackStatusNames() { return codec::enums::attackStatus.values; }
QString yangName(AttackStatus status) { return enumName(int(status), codec::enums::attackStatus.values); }

std::optional<AttackStatus> attackStatusFromName(QStringView name)
{
    if (auto v = enumValue(name, codec::enums::attackStatus.values))
        return AttackStatus(*v);
    return std::nullopt;
}

} // namespace dots::signal

#include "signal/AttackStatus.h"

namespace dots::signal {

namespace {
constexpr EnumName kNames[] = {
    {1, "under-attack"},
    {2, "attack-successfully-mitigated"},
};
} // namespace

std::span<const EnumName> attackStatusNames() { return kNames; }
QString yangName(AttackStatus status) { return enumName(int(status), kNames); }

std::optional<AttackStatus> attackStatusFromName(QStringView name)
{
    if (auto v = enumValue(name, kNames))
        return AttackStatus(*v);
    return std::nullopt;
}

} // namespace dots::signal

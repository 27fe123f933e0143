// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "types/JsonReader.h"

#include <optional>
#include <span>

namespace dots::signal {

// iana-dots-signal-channel "attack-status": the client's view in an efficacy update.
enum class AttackStatus : quint8 {
    UnderAttack = 1,
    AttackSuccessfullyMitigated = 2,
};

std::span<const EnumName> attackStatusNames();
QString yangName(AttackStatus status);
std::optional<AttackStatus> attackStatusFromName(QStringView name);

} // namespace dots::signal

// SPDX-License-Identifier: GPL-3.0-or-later
#include "signal/MitigationStatusCode.h"

#include <QCoreApplication>

namespace dots::signal {

std::span<const EnumName> mitigationStatusNames() { return codec::enums::status.values; }

QString yangName(MitigationStatusCode code) { return enumName(int(code), codec::enums::status.values); }

std::optional<MitigationStatusCode> mitigationStatusFromName(QStringView name)
{
    if (auto v = enumValue(name, codec::enums::status.values))
        return MitigationStatusCode(*v);
    return std::nullopt;
}

QString label(MitigationStatusCode code)
{
    switch (code) {
    case MitigationStatusCode::AttackMitigationInProgress:
        return QCoreApplication::translate("dots::signal", "Mitigation in progress");
    case MitigationStatusCode::AttackSuccessfullyMitigated:
        return QCoreApplication::translate("dots::signal", "Attack successfully mitigated");
    case MitigationStatusCode::AttackStopped:
        return QCoreApplication::translate("dots::signal", "Attack stopped");
    case MitigationStatusCode::AttackExceededCapability:
        return QCoreApplication::translate("dots::signal", "Attack exceeds mitigation capability");
    case MitigationStatusCode::DotsClientWithdrawnMitigation:
        return QCoreApplication::translate("dots::signal", "Withdrawn, terminating");
    case MitigationStatusCode::AttackMitigationTerminated:
        return QCoreApplication::translate("dots::signal", "Mitigation terminated");
    case MitigationStatusCode::AttackMitigationWithdrawn:
        return QCoreApplication::translate("dots::signal", "Mitigation withdrawn");
    case MitigationStatusCode::AttackMitigationSignalLoss:
        return QCoreApplication::translate("dots::signal", "Armed: triggers on signal loss");
    }
    return QCoreApplication::translate("dots::signal", "Unknown status %1").arg(int(code));
}

StatusSeverity severity(MitigationStatusCode code)
{
    switch (code) {
    case MitigationStatusCode::AttackMitigationInProgress: return StatusSeverity::Warning;
    case MitigationStatusCode::AttackSuccessfullyMitigated: return StatusSeverity::Success;
    case MitigationStatusCode::AttackStopped: return StatusSeverity::Info;
    case MitigationStatusCode::AttackExceededCapability: return StatusSeverity::Critical;
    case MitigationStatusCode::DotsClientWithdrawnMitigation: return StatusSeverity::Neutral;
    case MitigationStatusCode::AttackMitigationTerminated: return StatusSeverity::Neutral;
    case MitigationStatusCode::AttackMitigationWithdrawn: return StatusSeverity::Neutral;
    case MitigationStatusCode::AttackMitigationSignalLoss: return StatusSeverity::Info;
    }
    return StatusSeverity::Neutral;
}

bool isActive(MitigationStatusCode code)
{
    return int(code) >= 1 && int(code) <= 5;
}

} // namespace dots::signal

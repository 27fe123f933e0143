#include "signal/MitigationStatusCode.h"

#include <QCoreApplication>

namespace dots::signal {

namespace {
constexpr EnumName kNames[] = {
    {1, "attack-mitigation-in-progress"},
    {2, "attack-successfully-mitigated"},
    {3, "attack-stopped"},
    {4, "attack-exceeded-capability"},
    {5, "dots-client-withdrawn-mitigation"},
    {6, "attack-mitigation-terminated"},
    {7, "attack-mitigation-withdrawn"},
    {8, "attack-mitigation-signal-loss"},
};
} // namespace

std::span<const EnumName> mitigationStatusNames() { return kNames; }

QString yangName(MitigationStatusCode code) { return enumName(int(code), kNames); }

std::optional<MitigationStatusCode> mitigationStatusFromName(QStringView name)
{
    if (auto v = enumValue(name, kNames))
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

#include "MitigationStatus.h"

namespace dots::simulator {

QString yangName(MitigationStatus status)
{
    switch (status) {
    case MitigationStatus::InProgress: return QStringLiteral("attack-mitigation-in-progress");
    case MitigationStatus::SuccessfullyMitigated: return QStringLiteral("attack-successfully-mitigated");
    case MitigationStatus::AttackStopped: return QStringLiteral("attack-stopped");
    case MitigationStatus::ExceededCapability: return QStringLiteral("attack-exceeded-capability");
    case MitigationStatus::ClientWithdrawn: return QStringLiteral("dots-client-withdrawn-mitigation");
    case MitigationStatus::Terminated: return QStringLiteral("attack-mitigation-terminated");
    case MitigationStatus::Withdrawn: return QStringLiteral("attack-mitigation-withdrawn");
    case MitigationStatus::SignalLoss: return QStringLiteral("attack-mitigation-signal-loss");
    }
    return QString::number(static_cast<int>(status));
}

} // namespace dots::simulator

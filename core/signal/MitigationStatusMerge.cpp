// SPDX-License-Identifier: GPL-3.0-or-later
#include "signal/MitigationStatusMerge.h"

namespace dots::signal {

std::optional<MitigationStatus> pickStatus(const QList<MitigationStatus> &statuses, quint32 mid)
{
    for (const auto &s : statuses)
        if (s.mid == mid)
            return s;
    if (!statuses.isEmpty())
        return statuses.first();
    return std::nullopt;
}

MitigationStatus mergeStatus(MitigationStatus known, const MitigationStatus &update)
{
    const Target target = update.target.identifiesResource() ? update.target : known.target;
    MitigationStatus merged = update;
    merged.target = target;
#define KEEP(field) if (!merged.field) merged.field = known.field
    KEEP(lifetime);
    KEEP(triggerMitigation);
    KEEP(mitigationStart);
    KEEP(status);
    KEEP(bytesDropped);
    KEEP(bpsDropped);
    KEEP(pktsDropped);
    KEEP(ppsDropped);
    KEEP(attackStatus);
#undef KEEP
    if (merged.aclList.isEmpty())
        merged.aclList = known.aclList;
    if (merged.totalTraffic.isEmpty())
        merged.totalTraffic = known.totalTraffic;
    if (merged.totalAttackTraffic.isEmpty())
        merged.totalAttackTraffic = known.totalAttackTraffic;
    if (merged.attackDetails.isEmpty())
        merged.attackDetails = known.attackDetails;
    return merged;
}

} // namespace dots::signal

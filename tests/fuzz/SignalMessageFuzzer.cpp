// SPDX-License-Identifier: GPL-3.0-or-later
// What a DOTS server sends on the signal channel, as the client reads it: the CBOR body decoded
// leniently, then every message parser on it (mitigation status, session configuration,
// telemetry, heartbeat, efficacy update, mitigation request, telemetry setup), then what the
// client does with the parsed values (merging statuses, timers from the configuration).
#include "FuzzTarget.h"

#include "signal/EfficacyUpdate.h"
#include "signal/Heartbeat.h"
#include "signal/MitigationRequest.h"
#include "signal/MitigationStatus.h"
#include "signal/MitigationStatusMerge.h"
#include "signal/NegotiatedRetransmission.h"
#include "signal/SessionConfig.h"
#include "signal/SignalBody.h"
#include "signal/TelemetryReport.h"
#include "signal/TelemetrySetup.h"

using namespace dots::signal;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    QString problem;
    const auto body = decodeSignalBody(dots::fuzz::bytesOf(data, size), &problem);
    if (!body)
        return 0;

    const auto statuses = parseMitigationStatus(*body);
    MitigationStatus known;
    for (const MitigationStatus &status : statuses.value) {
        known = mergeStatus(known, status);
        (void)pickStatus(statuses.value, status.mid);
    }

    const auto config = SessionConfig::fromJson(*body);
    for (const auto &set : {config.value.mitigatingConfig, config.value.idleConfig}) {
        if (!set)
            continue;
        const auto params = retransmissionFor(set->withDefaults()).bounded();
        if (params.maxTransmitWait().count() <= 0)
            dots::fuzz::invariantBroken("a configuration gave a request no time to be answered");
    }
    (void)checkAgainstServerRanges(config.value.currentValuesOnly(), config.value);
    (void)config.value.toJson();

    (void)parseTelemetryReports(*body);
    (void)Heartbeat::fromJson(*body);
    (void)EfficacyUpdate::fromJson(*body);
    (void)MitigationRequest::fromJson(*body);
    (void)TelemetrySetupInfo::fromJson(*body);
    return 0;
}

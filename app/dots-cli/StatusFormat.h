// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "signal/MitigationRequest.h"
#include "signal/MitigationStatus.h"
#include "signal/SessionConfig.h"
#include "transport/ConnectionInfo.h"

#include <QJsonObject>
#include <QString>

namespace dots::cli {

// How mitigations, targets and session parameters read on a terminal and in --json lines.
// JSON uses the YANG member names, so a playbook can use the RFC as its reference.

// One line: mid, status name, lifetime, counters, target.
QString describeStatus(const signal::MitigationStatus &status);
// The scope in YANG names plus "status-label" (words) for convenience.
QJsonObject statusJson(const signal::MitigationStatus &status);

// "heartbeat-interval 30 s, missing-hb-allowed 15, ..." (current values, RFC defaults filled in).
QString describeConfig(const signal::ConfigParameters &parameters);
// {"heartbeat-interval": 30, ..., "ack-timeout": 2.0} (current values).
QJsonObject configJson(const signal::ConfigParameters &parameters);

// "dtls" or "tls".
QString transportKey(transport::Transport transport);

} // namespace dots::cli

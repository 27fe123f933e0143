// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "signal/MitigationStatus.h"

#include <QList>

#include <optional>

namespace dots::signal {

// The status the server reports for `mid` in an answer or notification, falling back to
// the first one.
std::optional<MitigationStatus> pickStatus(const QList<MitigationStatus> &statuses, quint32 mid);
// `update` over what was `known`: notifications carry subsets, so what the server did not
// repeat is kept.
MitigationStatus mergeStatus(MitigationStatus known, const MitigationStatus &update);

} // namespace dots::signal

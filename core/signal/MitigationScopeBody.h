// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "types/JsonReader.h"

#include <optional>

namespace dots::signal {

// The envelope shared by every mitigation message:
//   {"ietf-dots-signal-channel:mitigation-scope": {"scope": [ ... ]}}
inline QString mitigationScopeMemberName() { return QStringLiteral("ietf-dots-signal-channel:mitigation-scope"); }

QJsonObject wrapScopes(const QJsonArray &scopes);
// Returns the "scope" array; errors are reported at the envelope's path.
std::optional<QJsonArray> unwrapScopes(const QJsonObject &body, ValidationErrors &errors);
// The reader for scope[index], the root of every error path in a mitigation message.
JsonReader scopeReader(ValidationErrors &errors, qsizetype index);

} // namespace dots::signal

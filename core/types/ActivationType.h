// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "types/JsonReader.h"

#include <QString>

#include <optional>
#include <span>

namespace dots {

// ietf-dots-data-channel "activation-type": when an ACL is enforced. The data channel sets it
// on an ACL (RFC 8783), the signal channel changes it during an attack (RFC 9133 acl-list).
enum class ActivationType : quint8 {
    ActivateWhenMitigating = 1, // the YANG default
    Immediate = 2,
    Deactivate = 3,
};

std::span<const EnumName> activationTypeNames();
QString yangName(ActivationType type);
std::optional<ActivationType> activationTypeFromName(QStringView name);

} // namespace dots

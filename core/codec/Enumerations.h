// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringView>

#include <optional>
#include <span>

namespace dots::codec {

// One YANG enumeration: the JSON side carries the name, the CBOR side the value.
struct EnumValue {
    int value;
    const char *name;
};

struct Enumeration {
    const char *typeName; // YANG typedef, for error messages
    std::span<const EnumValue> values;

    std::optional<int> valueOf(QStringView name) const;
    const char *nameOf(qint64 value) const; // nullptr when unknown
    QString allowedNames() const;           // "a, b, c" for error messages
};

// The enumerations of the DOTS modules (values are the YANG "value" statements).
namespace enums {
extern const Enumeration status;          // iana-dots-signal-channel:status
extern const Enumeration conflictStatus;  // iana-dots-signal-channel:conflict-status
extern const Enumeration conflictCause;   // iana-dots-signal-channel:conflict-cause
extern const Enumeration attackStatus;    // iana-dots-signal-channel:attack-status
extern const Enumeration activationType;  // ietf-dots-data-channel:activation-type
extern const Enumeration attackSeverity;  // ietf-dots-telemetry:attack-severity
extern const Enumeration unitClass;       // ietf-dots-telemetry:unit-class
extern const Enumeration unit;            // ietf-dots-telemetry:unit
extern const Enumeration interval;        // ietf-dots-telemetry:interval
extern const Enumeration sample;          // ietf-dots-telemetry:sample
extern const Enumeration queryType;       // ietf-dots-telemetry:query-type
} // namespace enums

} // namespace dots::codec

// SPDX-License-Identifier: GPL-3.0-or-later
#include "codec/Enumerations.h"

#include <QStringList>

namespace dots::codec {

std::optional<int> Enumeration::valueOf(QStringView name) const
{
    for (const EnumValue &v : values) {
        if (name == QLatin1StringView(v.name))
            return v.value;
    }
    return std::nullopt;
}

const char *Enumeration::nameOf(qint64 value) const
{
    for (const EnumValue &v : values) {
        if (v.value == value)
            return v.name;
    }
    return nullptr;
}

QString Enumeration::allowedNames() const
{
    QStringList names;
    for (const EnumValue &v : values)
        names << QString::fromLatin1(v.name);
    return names.join(QStringLiteral(", "));
}

namespace enums {
namespace {

// iana-dots-signal-channel@2021-09-02 (RFC 9132)
constexpr EnumValue kStatus[] = {
    {1, "attack-mitigation-in-progress"},
    {2, "attack-successfully-mitigated"},
    {3, "attack-stopped"},
    {4, "attack-exceeded-capability"},
    {5, "dots-client-withdrawn-mitigation"},
    {6, "attack-mitigation-terminated"},
    {7, "attack-mitigation-withdrawn"},
    {8, "attack-mitigation-signal-loss"},
};
constexpr EnumValue kConflictStatus[] = {
    {1, "request-inactive-other-active"},
    {2, "request-active"},
    {3, "all-requests-inactive"},
};
constexpr EnumValue kConflictCause[] = {
    {1, "overlapping-targets"},
    {2, "conflict-with-acceptlist"},
    {3, "cuid-collision"},
};
constexpr EnumValue kAttackStatus[] = {
    {1, "under-attack"},
    {2, "attack-successfully-mitigated"},
};

// ietf-dots-data-channel@2020-05-28 (RFC 8783), used by RFC 9133's acl-list.
constexpr EnumValue kActivationType[] = {
    {1, "activate-when-mitigating"},
    {2, "immediate"},
    {3, "deactivate"},
};

// ietf-dots-telemetry@2022-06-20 (RFC 9244)
constexpr EnumValue kAttackSeverity[] = {
    {1, "none"}, {2, "low"}, {3, "medium"}, {4, "high"}, {5, "unknown"},
};
constexpr EnumValue kUnitClass[] = {
    {1, "packet-ps"}, {2, "bit-ps"}, {3, "byte-ps"},
};
constexpr EnumValue kUnit[] = {
    {1, "packet-ps"},       {2, "bit-ps"},       {3, "byte-ps"},
    {4, "kilopacket-ps"},   {5, "kilobit-ps"},   {6, "kilobyte-ps"},
    {7, "megapacket-ps"},   {8, "megabit-ps"},   {9, "megabyte-ps"},
    {10, "gigapacket-ps"},  {11, "gigabit-ps"},  {12, "gigabyte-ps"},
    {13, "terapacket-ps"},  {14, "terabit-ps"},  {15, "terabyte-ps"},
    {16, "petapacket-ps"},  {17, "petabit-ps"},  {18, "petabyte-ps"},
    {19, "exapacket-ps"},   {20, "exabit-ps"},   {21, "exabyte-ps"},
    {22, "zettapacket-ps"}, {23, "zettabit-ps"}, {24, "zettabyte-ps"},
};
constexpr EnumValue kInterval[] = {
    {1, "5-minutes"}, {2, "10-minutes"}, {3, "30-minutes"}, {4, "hour"},
    {5, "day"},       {6, "week"},       {7, "month"},
};
constexpr EnumValue kSample[] = {
    {1, "second"},    {2, "5-seconds"},  {3, "30-seconds"}, {4, "minute"},
    {5, "5-minutes"}, {6, "10-minutes"}, {7, "30-minutes"}, {8, "hour"},
};
// go-dots names value 6 "alias-name" and value 11 "c"; RFC 9244's YANG module says
// "target-alias" and "content", and the YANG module is what JSON peers validate against.
constexpr EnumValue kQueryType[] = {
    {1, "target-prefix"}, {2, "target-port"},   {3, "target-protocol"}, {4, "target-fqdn"},
    {5, "target-uri"},    {6, "target-alias"},  {7, "mid"},             {8, "source-prefix"},
    {9, "source-port"},   {10, "source-icmp-type"}, {11, "content"},
};

} // namespace

const Enumeration status{"status", kStatus};
const Enumeration conflictStatus{"conflict-status", kConflictStatus};
const Enumeration conflictCause{"conflict-cause", kConflictCause};
const Enumeration attackStatus{"attack-status", kAttackStatus};
const Enumeration activationType{"activation-type", kActivationType};
const Enumeration attackSeverity{"attack-severity", kAttackSeverity};
const Enumeration unitClass{"unit-class", kUnitClass};
const Enumeration unit{"unit", kUnit};
const Enumeration interval{"interval", kInterval};
const Enumeration sample{"sample", kSample};
const Enumeration queryType{"query-type", kQueryType};

} // namespace enums
} // namespace dots::codec

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "types/Decimal64.h"
#include "types/JsonReader.h"

#include <optional>

namespace dots::signal {

// {max-value, min-value, current-value} of one session parameter (decimal ones use the
// *-value-decimal names). A server's GET answer fills all three, a client's PUT only current.
template<typename T>
struct ConfigValue
{
    std::optional<T> maxValue;
    std::optional<T> minValue;
    std::optional<T> currentValue;

    bool isEmpty() const { return !maxValue && !minValue && !currentValue; }
    friend bool operator==(const ConfigValue &, const ConfigValue &) = default;
};

using IntegerConfigValue = ConfigValue<quint16>; // YANG uint16
using DecimalConfigValue = ConfigValue<Decimal64>; // YANG decimal64, fraction-digits 2

// Defaults of RFC 9132 §4.5.2 (the YANG defaults; the same in mitigating-config and
// idle-config since both use the "config-parameters" grouping) and of RFC 9362/RFC 9177 §4.
namespace defaults {
inline constexpr quint16 kHeartbeatInterval = 30; // seconds; 0 disables heartbeats
inline constexpr quint16 kMissingHbAllowed = 15;
inline constexpr quint16 kMaxRetransmit = 3;
inline constexpr Decimal64 kAckTimeout = Decimal64::fromHundredths(200);     // 2.0 s
inline constexpr Decimal64 kAckRandomFactor = Decimal64::fromHundredths(150); // 1.5
inline constexpr quint16 kProbingRate = 5; // byte/second
inline constexpr quint16 kMaxPayloads = 10;
inline constexpr quint16 kNonMaxRetransmit = 4;
inline constexpr Decimal64 kNonTimeout = Decimal64::fromHundredths(200);        // 2.0 s
inline constexpr Decimal64 kNonReceiveTimeout = Decimal64::fromHundredths(400); // 4.0 s
inline constexpr Decimal64 kNonProbingWait = Decimal64::fromHundredths(24700);  // 247.0 s
inline constexpr Decimal64 kNonPartialWait = Decimal64::fromHundredths(24700);  // 247.0 s
// RFC 9132 recommends keeping heartbeats between 15 and 240 seconds (NAT state).
inline constexpr quint16 kMinRecommendedHeartbeatInterval = 15;
inline constexpr quint16 kMaxRecommendedHeartbeatInterval = 240;
} // namespace defaults

// The "config-parameters" grouping, used by both mitigating-config and idle-config, plus
// the RFC 9362 robust-transmission attributes (empty when the peer does not send them).
struct ConfigParameters
{
    IntegerConfigValue heartbeatInterval;
    IntegerConfigValue missingHbAllowed;
    IntegerConfigValue maxRetransmit;
    DecimalConfigValue ackTimeout;
    DecimalConfigValue ackRandomFactor;
    IntegerConfigValue probingRate;
    // RFC 9362, module ietf-dots-robust-trans
    IntegerConfigValue maxPayloads;
    IntegerConfigValue nonMaxRetransmit;
    DecimalConfigValue nonTimeout;
    DecimalConfigValue nonReceiveTimeout;
    DecimalConfigValue nonProbingWait;
    DecimalConfigValue nonPartialWait;

    // Current values only, all set to the RFC defaults.
    static ConfigParameters rfcDefaults();
    // This set with every missing current-value taken from the RFC defaults.
    ConfigParameters withDefaults() const;
    // This set keeping only current values: what a client sends in a PUT.
    ConfigParameters currentValuesOnly() const;
    bool isEmpty() const;

    QJsonObject toJson() const;
    static ConfigParameters fromJson(const QJsonObject &o, const JsonReader &r);

    friend bool operator==(const ConfigParameters &, const ConfigParameters &) = default;
};

// "ietf-dots-signal-channel:signal-config" (RFC 9132 §4.5). In RFC 9132 the session
// identifier sid lives only in the Uri-Path (config/sid=N); it is kept here for that and
// accepted from older bodies that carry it, but never written.
struct SessionConfig
{
    std::optional<quint32> sid;
    std::optional<ConfigParameters> mitigatingConfig;
    std::optional<ConfigParameters> idleConfig;

    static SessionConfig rfcDefaults(); // both sets at their defaults
    SessionConfig currentValuesOnly() const;

    QJsonObject toJson() const;
    static Parsed<SessionConfig> fromJson(const QJsonObject &body);
    // Internal consistency: min-value <= current-value <= max-value where present,
    // heartbeat-interval, ack-timeout and ack-random-factor sanity (RFC 7252 §4.8).
    ValidationErrors validate() const;

    friend bool operator==(const SessionConfig &, const SessionConfig &) = default;
};

inline QString signalConfigMemberName() { return QStringLiteral("ietf-dots-signal-channel:signal-config"); }

// Checks the current values of a client's proposal against the ranges a server announced
// in its GET answer. Each error names the field, e.g.
// "mitigating-config.heartbeat-interval.current-value: 10 is below the server's min-value 15".
ValidationErrors checkAgainstServerRanges(const SessionConfig &proposal, const SessionConfig &server);

} // namespace dots::signal

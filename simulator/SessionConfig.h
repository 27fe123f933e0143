// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "CoapCode.h"

#include <QJsonObject>
#include <QString>

#include <array>
#include <optional>

namespace dots::simulator {

// One session-configuration leaf of RFC 9132 §4.5 (and RFC 9362 for the robust-trans ones).
struct ConfigParameterSpec {
    const char *name; // RFC 7951 member name inside mitigating-config / idle-config
    bool decimal;     // decimal64 with 2 fraction digits: *-value-decimal members
};

inline constexpr std::size_t kConfigParameterCount = 12;
extern const std::array<ConfigParameterSpec, kConfigParameterCount> kConfigParameters;
// Index of a parameter by its member name, with or without the module prefix.
std::optional<std::size_t> configParameterIndex(QStringView name);

// Decimals are kept in hundredths so that range checks are exact.
struct ParameterRange {
    qint64 min = 0;
    qint64 max = 0;
    qint64 defaultValue = 0;
    bool contains(qint64 v) const { return v >= min && v <= max; }
};

enum class ConfigKind { Mitigating, Idle };

using ConfigValues = std::array<qint64, kConfigParameterCount>;

struct SessionConfigValues {
    ConfigValues mitigating{};
    ConfigValues idle{};
    const ConfigValues &of(ConfigKind k) const { return k == ConfigKind::Mitigating ? mitigating : idle; }
    friend bool operator==(const SessionConfigValues &, const SessionConfigValues &) = default;
};

// What the server accepts: a range and a default per parameter, for each of the two sets.
class SessionConfigPolicy {
public:
    // RFC 9132 YANG defaults (heartbeat 30 s, missing-hb 15, max-retransmit 3, ack-timeout 2.0,
    // ack-random-factor 1.5, probing-rate 5) and RFC 9362 defaults as go-dots ships them;
    // ranges as in RFC 9132 §4.5.1's example and go-dots' dots_server.yaml.
    static SessionConfigPolicy standard();

    const ParameterRange &range(ConfigKind kind, std::size_t index) const;
    void setRange(ConfigKind kind, std::size_t index, ParameterRange range);
    SessionConfigValues defaults() const;

    // Overrides from a scenario: {"mitigating-config"|"idle-config"|"all": {"heartbeat-interval":
    // {"min": 15, "max": 240, "default": 30}, ...}}. Returns the problem in words, or empty.
    QString applyJson(const QJsonObject &overrides);
    // Override from the command line: "heartbeat-interval=15:240:30" (applies to both sets).
    QString applySpec(const QString &spec);

private:
    std::array<ParameterRange, kConfigParameterCount> m_mitigating{};
    std::array<ParameterRange, kConfigParameterCount> m_idle{};
};

// Reading and writing the "ietf-dots-signal-channel:signal-config" body.
namespace sessionconfig {

// The GET answer: ranges and current values of both sets.
QJsonObject toJson(const SessionConfigPolicy &policy, const SessionConfigValues &values);

struct Proposal {
    SessionConfigValues values;
    CoapCode errorCode = CoapCode::Changed; // BadRequest / UnprocessableEntity on error
    QString error;
    bool ok() const { return error.isEmpty(); }
};

// Checks a PUT body. Missing parameters take the server default (as go-dots does).
// Malformed -> 4.00; a value outside the server's range -> 4.22 (RFC 9132 §4.5.2).
Proposal parseProposal(const QJsonObject &body, const SessionConfigPolicy &policy);

QString formatDecimal(qint64 hundredths);                // 2.0, 1.5, 1.25
std::optional<qint64> parseDecimal(const QJsonValue &v); // string or number, <= 2 fraction digits

} // namespace sessionconfig

} // namespace dots::simulator

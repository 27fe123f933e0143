// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringView>

#include <optional>

// The value rules the codec applies, as free functions, so that a form can check a
// field with exactly the rules a message will be checked with. Each returns
// std::nullopt when the value is acceptable, otherwise a message for the operator
// (without a path: the form knows which field it is).
namespace dots::codec {

using Problem = std::optional<QString>;

enum class PrefixForm {
    AllowHostBits,   // RFC 6991 ip-prefix: "10.0.0.1/24" is valid, only not canonical
    RequireCanonical // host bits must be zero: what a form should insist on
};

Problem checkIpPrefix(QStringView text, PrefixForm form = PrefixForm::AllowHostBits);
Problem checkIpAddress(QStringView text, bool allowZone = false);
// "10.0.0.0/24" for "10.0.0.1/24"; empty when the text is not a prefix.
QString canonicalIpPrefix(QStringView text);

Problem checkUnsigned(qint64 value, qint64 min, qint64 max); // "70000 is out of range 0..65535"
Problem checkPort(qint64 port);                             // inet:port-number, 0..65535
Problem checkPortRange(qint64 lower, std::optional<qint64> upper);
Problem checkProtocol(qint64 protocol);                     // IANA protocol number, 0..255
Problem checkIcmpTypeRange(qint64 lower, std::optional<qint64> upper);

// inet:domain-name as a mitigation target: labels of 1..63 letters, digits, '-', '_',
// not starting or ending with '-', 253 characters at most, an optional final dot.
Problem checkFqdn(QStringView text);
// inet:uri: an absolute RFC 3986 URI ("scheme:rest"), no spaces or control characters.
Problem checkUri(QStringView text);
// RFC 5646 language tag as used by description-lang (structural check).
Problem checkLanguageTag(QStringView text);

enum class LifetimeUse {
    Any,     // what the YANG type allows: -1 (indefinite) or 0..4294967295
    Request  // a mitigation request: 0 is invalid (RFC 9132 section 4.4.1)
};
Problem checkLifetime(qint64 seconds, LifetimeUse use = LifetimeUse::Any);

// RFC 9132 section 4.4.1: a new mitigation request must use a mid greater than every mid
// the client has in use, and a client resets its mid to 0 once it passes 3/4 of 2^32-1
// while no attack is active. These are client-side rules, not message syntax, so the
// codec does not apply them; the signal layer calls these.
constexpr quint32 kMidResetThreshold = 3221225471u;
Problem checkNewMid(quint32 mid, std::optional<quint32> highestInUse);
bool midShouldReset(quint32 lastMid);

} // namespace dots::codec

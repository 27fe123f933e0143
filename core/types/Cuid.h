// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

#include <optional>

namespace dots {

// The DOTS client identifier (RFC 9132 §4.4.1): SHA-256 over the DER-encoded
// SubjectPublicKeyInfo of the client certificate (or raw public key, or PSK identity),
// keep the first 16 bytes, base64url without padding: always 22 characters.
namespace cuid {

inline constexpr int kLength = 22;

// `certificate` is PEM or DER. Returns std::nullopt and sets *error when it cannot be read.
std::optional<QString> fromCertificate(const QByteArray &certificate, QString *error = nullptr);
// `spkiDer` is a DER SubjectPublicKeyInfo (also the raw public key form, RFC 7250).
QString fromSubjectPublicKeyInfo(const QByteArray &spkiDer);
QString fromPskIdentity(const QByteArray &identity);
// 22 base64url characters.
bool isWellFormed(QStringView cuid);

} // namespace cuid
} // namespace dots

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "data/RestconfError.h"

#include <QList>
#include <QString>

#include <variant>

namespace dots::data {

// Why a data-channel operation did not succeed, in words for the analyst and typed for code.
struct DataError
{
    enum class Kind {
        None,
        Network,   // no answer: refused, unreachable, timed out, connection closed
        Tls,       // the TLS handshake failed: certificate refused or not trusted
        Restconf,  // the server answered 4xx/5xx (see httpStatus, errors)
        Malformed, // the server's answer could not be understood
        Invalid,   // the request was rejected locally before sending
        NotConfigured // no data channel URL or PKI
    };
    Kind kind = Kind::None;
    QString message;                  // one sentence for the analyst
    int httpStatus = 0;               // Restconf: the HTTP status
    QList<RestconfError> errors;      // Restconf: the ietf-restconf:errors entries, first is the main one

    bool isError() const { return kind != Kind::None; }
    // The first error entry's members, empty when there is none.
    QString errorTag() const { return errors.isEmpty() ? QString() : errors.first().tag; }
    QString errorPath() const { return errors.isEmpty() ? QString() : errors.first().path; }
    QString errorMessage() const { return errors.isEmpty() ? QString() : errors.first().message; }
    QString toString() const;

    static DataError make(Kind kind, const QString &message)
    {
        DataError e;
        e.kind = kind;
        e.message = message;
        return e;
    }
};

// Value or DataError.
template<typename T>
class DataResult
{
public:
    // Only for containers that need a default (QCoro::waitFor); holds an error.
    DataResult() : m_v(std::in_place_index<1>, DataError::make(DataError::Kind::NotConfigured, QStringLiteral("no result"))) {}
    DataResult(T value) : m_v(std::in_place_index<0>, std::move(value)) {}
    DataResult(DataError error) : m_v(std::in_place_index<1>, std::move(error)) {}
    bool ok() const { return m_v.index() == 0; }
    explicit operator bool() const { return ok(); }
    const T &value() const & { return std::get<0>(m_v); }
    T &&value() && { return std::get<0>(std::move(m_v)); }
    DataError error() const { return ok() ? DataError{} : std::get<1>(m_v); }

private:
    std::variant<T, DataError> m_v;
};

// For operations whose success carries nothing.
struct Done {};

} // namespace dots::data

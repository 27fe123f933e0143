// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <utility>
#include <variant>

namespace dots::codec {

// What went wrong and where. The path uses YANG names, e.g.
// "ietf-dots-signal-channel:mitigation-scope.scope[0].target-port-range[1].upper-port",
// so that an operator can find the field without knowing any CBOR key.
struct Error {
    QString path;
    QString message;

    // "path: message", or just the message when the problem is the whole input.
    QString toString() const
    {
        return path.isEmpty() ? message : path + QStringLiteral(": ") + message;
    }
};

// A value or an Error; never both, never neither. Cheap to move, no exceptions.
template <typename T>
class [[nodiscard]] Result {
public:
    Result(T value) : m_data(std::in_place_index<0>, std::move(value)) {}
    Result(Error error) : m_data(std::in_place_index<1>, std::move(error)) {}

    static Result failure(QString path, QString message)
    {
        return Result(Error{std::move(path), std::move(message)});
    }

    bool ok() const { return m_data.index() == 0; }
    explicit operator bool() const { return ok(); }

    const T &value() const & { return std::get<0>(m_data); }
    T &value() & { return std::get<0>(m_data); }
    T &&value() && { return std::get<0>(std::move(m_data)); }

    const Error &error() const { return std::get<1>(m_data); }
    QString errorString() const { return ok() ? QString() : error().toString(); }

private:
    std::variant<T, Error> m_data;
};

} // namespace dots::codec

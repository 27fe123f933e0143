// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <optional>
#include <utility>
#include <variant>

namespace dots::store {

// What went wrong in the store, typed so that the UI can tell a damaged file (offer to
// move it aside) from a read-only one (say so) from a plain bug (log it).
struct StoreError
{
    enum class Kind {
        OpenFailed,      // cannot open or create the file (missing directory, permissions)
        NotADatabase,    // the file is not SQLite at all
        Corrupt,         // SQLite reports a damaged database
        ReadOnly,        // a write was needed but the file or connection is read-only
        Busy,            // another process holds the lock for too long
        SchemaTooNew,    // written by a newer version of this program
        QueryFailed,     // anything else SQLite refused
        InvalidArgument, // caller error (duplicate connection name, empty key)
        MidExhausted,    // no mid left without a peace-time rollover
        IdExhausted,     // a telemetry identifier (tsid, tmid) reached 2^32-1
    };

    Kind kind = Kind::QueryFailed;
    QString message;

    QString toString() const { return message; }
};

// Either a value or a StoreError. Small on purpose; std::expected is C++23.
template<typename T>
class Result
{
public:
    Result(T value) : m_data(std::in_place_index<0>, std::move(value)) {}
    Result(StoreError error) : m_data(std::in_place_index<1>, std::move(error)) {}

    bool ok() const { return m_data.index() == 0; }
    explicit operator bool() const { return ok(); }
    T &value() & { return std::get<0>(m_data); }
    const T &value() const & { return std::get<0>(m_data); }
    // By value, so `for (auto &x : f().value())` does not dangle.
    T value() && { return std::get<0>(std::move(m_data)); }
    const StoreError &error() const { return std::get<1>(m_data); }

private:
    std::variant<T, StoreError> m_data;
};

template<>
class Result<void>
{
public:
    Result() = default;
    Result(StoreError error) : m_error(std::move(error)) {}

    bool ok() const { return !m_error; }
    explicit operator bool() const { return ok(); }
    const StoreError &error() const { return *m_error; }

private:
    std::optional<StoreError> m_error;
};

} // namespace dots::store

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "transport/TransportError.h"

#include <utility>
#include <variant>

namespace dots::transport {

// Value or TransportError; what every awaited transport operation resolves to
// (std::expected is C++23).
template<typename T>
class Result
{
public:
    Result(T value) : m_v(std::in_place_index<0>, std::move(value)) {}
    Result(TransportError error) : m_v(std::in_place_index<1>, std::move(error)) {}

    bool ok() const { return m_v.index() == 0; }
    explicit operator bool() const { return ok(); }

    const T &value() const & { return std::get<0>(m_v); }
    T &value() & { return std::get<0>(m_v); }
    T &&value() && { return std::get<0>(std::move(m_v)); }
    const T *operator->() const { return &std::get<0>(m_v); }

    // An error of kind None when ok().
    TransportError error() const { return ok() ? TransportError{} : std::get<1>(m_v); }

private:
    std::variant<T, TransportError> m_v;
};

} // namespace dots::transport

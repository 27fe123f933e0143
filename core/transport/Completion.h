// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Internal: a one-shot result a coroutine can co_await, completed from a callback.
// Resumption is queued to the event loop so the completer's stack unwinds first.

#include <QCoreApplication>

#include <coroutine>
#include <memory>
#include <optional>

namespace dots::transport {

template<typename T>
class Completion
{
    struct State
    {
        std::optional<T> value;
        std::coroutine_handle<> waiter;
    };

public:
    Completion() : m_state(std::make_shared<State>()) {}

    bool isDone() const { return m_state->value.has_value(); }

    bool complete(T value)
    {
        if (m_state->value)
            return false;
        m_state->value.emplace(std::move(value));
        if (m_state->waiter) {
            auto handle = std::exchange(m_state->waiter, {});
            QMetaObject::invokeMethod(QCoreApplication::instance(), [handle] { handle.resume(); },
                                      Qt::QueuedConnection);
        }
        return true;
    }

    // The awaiter holds a plain pointer (see PendingRequest::Awaiter); keep the
    // Completion alive in the awaiting frame.
    auto operator co_await() const
    {
        struct Awaiter
        {
            State *state;
            bool await_ready() const noexcept { return state->value.has_value(); }
            void await_suspend(std::coroutine_handle<> handle) noexcept { state->waiter = handle; }
            T await_resume() { return std::move(*state->value); }
        };
        return Awaiter{m_state.get()};
    }

private:
    std::shared_ptr<State> m_state;
};

} // namespace dots::transport

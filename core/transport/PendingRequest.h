#pragma once

// Internal: one request awaiting its response, and the awaitable a coroutine suspends on.

#include "transport/CoapMessage.h"
#include "transport/Result.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTimer>

#include <coroutine>
#include <memory>
#include <optional>

namespace dots::transport {

struct PendingRequest
{
    QByteArray token;
    CoapRequest request;
    int mid = -1;
    QElapsedTimer elapsed;
    std::unique_ptr<QTimer> deadline;
    std::optional<Result<CoapResponse>> result;
    std::coroutine_handle<> waiter;

    // Store the outcome once; the waiting coroutine resumes from the event loop,
    // never from inside libcoap or from the caller's stack.
    bool complete(Result<CoapResponse> outcome)
    {
        if (result)
            return false;
        result.emplace(std::move(outcome));
        deadline.reset();
        if (waiter) {
            auto handle = std::exchange(waiter, {});
            QMetaObject::invokeMethod(QCoreApplication::instance(), [handle] { handle.resume(); },
                                      Qt::QueuedConnection);
        }
        return true;
    }

    // Holds a plain pointer: the awaiting frame keeps the shared_ptr. (GCC 12 may
    // destroy a co_await operand temporary twice; a trivially destructible awaiter
    // makes that harmless.)
    struct Awaiter
    {
        PendingRequest *pending;
        bool await_ready() const noexcept { return pending->result.has_value(); }
        void await_suspend(std::coroutine_handle<> handle) noexcept { pending->waiter = handle; }
        Result<CoapResponse> await_resume() { return std::move(*pending->result); }
    };
};

} // namespace dots::transport

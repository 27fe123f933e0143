// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Internal: one request awaiting its response, and the awaitable a coroutine suspends on.
//
// The rule every owner of PendingRequests (ClientSession, CoapServer) keeps: a request
// completes exactly once, and its waiter always resumes from the event loop, never from
// inside libcoap, close() or a destructor. So a waiter may resume after its owner (and
// the owner's owner) is gone. When an owner closes or is destroyed it therefore
//   - completes every request still waiting with its "closed" error at once (not at the
//     request's deadline), and
//   - withdraws answers already handed to the event loop but not yet taken by their
//     waiters (ResultsInDelivery), replacing them with the same error (failures stay),
// so that no coroutine resumed after a close sees a response it would act on.

#include "transport/CoapMessage.h"
#include "transport/Result.h"
#include "transport/TransportError.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTimer>

#include <algorithm>
#include <coroutine>
#include <memory>
#include <optional>
#include <vector>

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
    bool taken = false; // the waiter has resumed with the result

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

    // The owner closes: an answer the waiter has not taken yet becomes `error`. A failure
    // already decided (a timeout, the session lost) stays: it says more than the close, and
    // nobody acts on it as on an answer.
    void withdraw(const TransportError &error)
    {
        if (taken)
            return;
        if (!complete(error) && result->ok())
            *result = error;
    }

    // Holds a plain pointer: the awaiting frame keeps the shared_ptr. (GCC 12 may
    // destroy a co_await operand temporary twice; a trivially destructible awaiter
    // makes that harmless.)
    struct Awaiter
    {
        PendingRequest *pending;
        bool await_ready() const noexcept { return pending->result.has_value(); }
        void await_suspend(std::coroutine_handle<> handle) noexcept { pending->waiter = handle; }
        Result<CoapResponse> await_resume()
        {
            pending->taken = true;
            return std::move(*pending->result);
        }
    };
};

// Completed requests whose waiters have not resumed yet (their resumption is queued).
class ResultsInDelivery
{
public:
    void add(const std::shared_ptr<PendingRequest> &pending)
    {
        std::erase_if(m_requests, [](const std::weak_ptr<PendingRequest> &weak) {
            const auto p = weak.lock();
            return !p || p->taken;
        });
        m_requests.push_back(pending);
    }

    void withdrawAll(const TransportError &error)
    {
        const auto requests = std::exchange(m_requests, {});
        for (const auto &weak : requests) {
            if (const auto p = weak.lock())
                p->withdraw(error);
        }
    }

private:
    std::vector<std::weak_ptr<PendingRequest>> m_requests;
};

} // namespace dots::transport

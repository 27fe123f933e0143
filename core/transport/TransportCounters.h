// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QtGlobal>

#include <chrono>

namespace dots::transport {

// Cheap running totals for a status bar.
struct TransportCounters
{
    quint64 requestsSent = 0;
    quint64 responsesReceived = 0;
    quint64 requestsFailed = 0;        // timeout, reset, session lost...
    quint64 notificationsReceived = 0;
    quint64 sessionsEstablished = 0;
    quint64 sessionsLost = 0;
    std::chrono::microseconds lastRequestDuration{0}; // send to response (or failure)
};

} // namespace dots::transport

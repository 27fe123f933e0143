// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "types/ValidationError.h"

#include <QJsonObject>

namespace dots::signal {

// RFC 9132 §4.7: a heartbeat is a Non-confirmable PUT to /.well-known/dots/hb whose body
// says whether this agent still receives heartbeats from its peer.
struct Heartbeat
{
    bool peerHbStatus = true;

    QJsonObject toJson() const;
    static Parsed<Heartbeat> fromJson(const QJsonObject &body); // peer-hb-status is mandatory

    friend bool operator==(const Heartbeat &, const Heartbeat &) = default;
};

inline QString heartbeatMemberName() { return QStringLiteral("ietf-dots-signal-channel:heartbeat"); }

} // namespace dots::signal

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>

namespace dots::signal {

// One message on the signal channel as the event log shows it.
struct SignalMessage
{
    enum class Direction { Outgoing, Incoming };
    // Routine traffic (heartbeats, Observe notifications) is most of a busy log; views may
    // hide it so that requests and their answers stand out.
    enum class Kind { Exchange, Heartbeat, Notification };
    Direction direction = Direction::Outgoing;
    Kind kind = Kind::Exchange;
    QDateTime time;
    QString summary;   // "PUT /.well-known/dots/mitigate/cuid=../mid=5" or "2.01 Created"
    QJsonObject body;  // decoded JSON (YANG names); empty when there is none
    QString problem;   // why it could not be decoded, if it could not
};

} // namespace dots::signal

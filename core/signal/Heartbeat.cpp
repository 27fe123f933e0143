// SPDX-License-Identifier: GPL-3.0-or-later
#include "signal/Heartbeat.h"

#include "types/JsonReader.h"

namespace dots::signal {

namespace {
const QString kPeerHbStatus = QStringLiteral("peer-hb-status");
}

QJsonObject Heartbeat::toJson() const
{
    return QJsonObject {{heartbeatMemberName(), QJsonObject {{kPeerHbStatus, peerHbStatus}}}};
}

Parsed<Heartbeat> Heartbeat::fromJson(const QJsonObject &body)
{
    Parsed<Heartbeat> result;
    const JsonReader root(result.errors);
    const auto inner = root.readObject(body, heartbeatMemberName());
    if (!inner) {
        if (!body.contains(heartbeatMemberName()))
            root.error(heartbeatMemberName(), QStringLiteral("is missing"));
        return result;
    }
    if (auto v = root.readBool(*inner, kPeerHbStatus))
        result.value.peerHbStatus = *v;
    else if (!inner->contains(kPeerHbStatus))
        root.error(kPeerHbStatus, QStringLiteral("is mandatory"));
    return result;
}

} // namespace dots::signal

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "types/Target.h"
#include "signal/TelemetryTraffic.h"

#include <QMap>

namespace dots::signal {

// total-connection-capacity(-per-port) entry: the limits of a protocol (and port), by
// YANG leaf name ("connection", "embryonic", "request-ps" ...); RFC 9244 section 6.3.
struct ConnectionCapacity
{
    quint8 protocol = 6;
    std::optional<quint16> port; // set in total-connection-capacity-per-port
    QMap<QString, quint64> limits;

    static const QStringList &limitNames();
    friend bool operator==(const ConnectionCapacity &, const ConnectionCapacity &) = default;
};

// One baseline: the normal traffic and connection capacities of a target (RFC 9244 section 6.3).
struct TelemetryBaseline
{
    quint32 id = 1; // >= 1
    Target target;
    QList<TrafficValues> totalTrafficNormal;
    QList<TrafficValues> totalTrafficNormalPerProtocol;
    QList<TrafficValues> totalTrafficNormalPerPort;
    QList<ConnectionCapacity> connectionCapacity;
    QList<ConnectionCapacity> connectionCapacityPerPort;

    QJsonObject toJson() const;
    static TelemetryBaseline fromJson(const QJsonObject &o, const JsonReader &r);
    ValidationErrors validate(const QString &path = QStringLiteral("baseline[0]")) const;
    friend bool operator==(const TelemetryBaseline &, const TelemetryBaseline &) = default;
};

// total-pipe-capacity entry: the capacity of one link of the client's domain.
struct PipeCapacity
{
    QString linkId;
    quint64 capacity = 0;
    TrafficUnit unit;

    QJsonObject toJson() const;
    static PipeCapacity fromJson(const QJsonObject &o, const JsonReader &r);
    friend bool operator==(const PipeCapacity &, const PipeCapacity &) = default;
};

} // namespace dots::signal

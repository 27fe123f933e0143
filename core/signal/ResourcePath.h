// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>

#include <optional>

namespace dots::signal {

// Uri-Path option values of the signal-channel resources (RFC 9132 §4.2, §4.4, §4.5, §4.7),
// one list element per Uri-Path option. The transport adds them in order; order matters:
// cdid (when a gateway adds it) comes before cuid, and mid follows cuid.
namespace resource {

// {".well-known", "dots"}
QStringList root();
// .well-known/dots/mitigate/[cdid=Y/]cuid=X[/mid=N]; without mid it addresses all of the
// client's mitigations (GET, Observe).
QStringList mitigation(const QString &cuid, std::optional<quint32> mid = std::nullopt, const QString &cdid = {});
// .well-known/dots/config[/sid=N]; GET without sid reads the server's ranges.
QStringList config(std::optional<quint32> sid = std::nullopt);
// .well-known/dots/tm-setup/cuid=X[/tsid=N] (RFC 9244 section 6); GET without tsid reads
// the server's ranges and all of the client's setups.
QStringList telemetrySetup(const QString &cuid, std::optional<quint32> tsid = std::nullopt);
// .well-known/dots/tm/cuid=X[/tmid=N] (RFC 9244 section 7); observed without tmid for the
// server's telemetry.
QStringList telemetry(const QString &cuid, std::optional<quint32> tmid = std::nullopt);
// .well-known/dots/hb
QStringList heartbeat();
// "/.well-known/dots/..." for logs and the audit trail.
QString toPathString(const QStringList &segments);

} // namespace resource
} // namespace dots::signal

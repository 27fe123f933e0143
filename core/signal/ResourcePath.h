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
// .well-known/dots/hb
QStringList heartbeat();
// "/.well-known/dots/..." for logs and the audit trail.
QString toPathString(const QStringList &segments);

} // namespace resource
} // namespace dots::signal

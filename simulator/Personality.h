// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <optional>

namespace dots::simulator {

// Which server the simulator behaves like on the wire. Both enforce the RFC rules a real
// server enforces; `Reference` adds what the reference server (go-dots) does where the RFC
// leaves room, as measured on loopback (../shared/PROTOCOL-SOURCES.md):
// - mitigate, tm and hb answered with Non-confirmable responses that reuse the request's
//   message ID, also to Confirmable requests, and the first answer to an Observe
//   registration without the Observe option;
// - the request's Uri-Path options echoed in every response;
// - GET config without sid answers the server's defaults, and 4.04 after DELETE config;
// - GET tm answers 4.04 until the server has telemetry for the client;
// - one cuid per client identity while it has active mitigations (4.00 for another).
enum class Personality { Rfc, Reference };

QString personalityName(Personality personality);
// "rfc" or "reference"; nullopt for anything else.
std::optional<Personality> parsePersonality(const QString &text);

} // namespace dots::simulator

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "transport/ServerRequest.h"
#include "transport/ServerResponse.h"

#include <QStringList>

#include <optional>

namespace dots::simulator {

// --hostile MODE: the simulator turns into a server a client must survive. Sessions come up
// as usual (configuration and heartbeats stay honest, so the client has something to keep);
// what it says about mitigations is spoiled.
enum class Hostility {
    None,
    MalformedCbor,          // mitigation answers and notifications cut in half
    WrongTypes,             // lifetime as text, status 99, mid as a string
    HugeBodies,             // each scope carries 4000 alias names (about 280 kB, Block2)
    UnknownMitigations,     // scopes with mids the client never asked for added to every answer
    DuplicateNotifications, // every notification sent twice
    ObserveFlood,           // a notification of every observed mitigation each millisecond
    Silent,                 // every request after the handshake goes unanswered
    UnknownTokens,          // each mitigation answer followed by three copies with tokens nobody used
    ReorderedNotifications, // after each notification, the one before it again, late (older Observe)
    ResetMidRequest,        // PUT and DELETE on mitigations torn down: RST (DTLS), connection closed (TLS)
    InboundFlood,           // the link towards the client flooded (RFC 9132 §4.7): from its first heartbeat on, the
                            // client's requests are acted on but never answered; the server's own heartbeats
                            // (peer-hb-status true) still get through
};

std::optional<Hostility> hostilityFromName(QStringView name);
QStringList hostilityNames();

// The answer to `request` as `mode` spoils it; `answer` is what the honest server would send.
transport::ServerResponse spoil(Hostility mode, const transport::ServerRequest &request, transport::ServerResponse answer);

} // namespace dots::simulator

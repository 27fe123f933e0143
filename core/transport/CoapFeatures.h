// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace dots::transport {

// What the libcoap we were built against can do.
namespace CoapFeatures {
// RFC 9177 Q-Block1/Q-Block2: COAP_BLOCK_TRY_Q_BLOCK is not defined in Debian's 4.3.1.
bool qBlockSupported();
// libcoap version string, e.g. "4.3.1".
const char *libcoapVersion();
} // namespace CoapFeatures

} // namespace dots::transport

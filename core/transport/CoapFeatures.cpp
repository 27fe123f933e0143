// SPDX-License-Identifier: GPL-3.0-or-later
#include "transport/CoapFeatures.h"

#include <coap3/coap.h>

namespace dots::transport::CoapFeatures {

bool qBlockSupported()
{
#ifdef COAP_BLOCK_TRY_Q_BLOCK
    return true;
#else
    return false;
#endif
}

const char *libcoapVersion()
{
    return LIBCOAP_PACKAGE_VERSION;
}

} // namespace dots::transport::CoapFeatures

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "signal/MitigationRequest.h"
#include "signal/ServerProfile.h"

// What the integration tests connect with: the demo PKI's client certificate, a server on
// 127.0.0.1 (or a relay in front of it), one transport only so the test knows which it gets.
namespace dots::test {

signal::ServerProfile demoClientProfile(const QString &pkiDirectory, quint16 port,
                                        transport::Transport transport = transport::Transport::Dtls);

// A valid request for `prefix`: TCP port 443, lifetime 600 s.
signal::MitigationRequest sampleRequest(const QString &prefix);

} // namespace dots::test

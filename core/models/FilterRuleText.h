// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "data/Acl.h"

#include <QString>

namespace dots::models {

// An ACE as an analyst reads a firewall rule, e.g.
// "drop UDP from 203.0.113.0/24 to any port 53" or
// "accept TCP to 198.51.100.25/32 port 25, SYN set, rate 10.0 Mbit/s".
QString describeAce(const data::Ace &ace);
// All ACEs of an ACL, one per line.
QString describeAcl(const data::Acl &acl);
// "drop", "accept", "reject": how a rule starts.
QString describeAction(data::Forwarding action);
// "active now", "on during a mitigation", "off".
QString describeActivation(data::ActivationType type);

} // namespace dots::models

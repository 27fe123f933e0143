// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "data/Acl.h"
#include "data/Alias.h"
#include "data/Capabilities.h"

#include <QStringList>

namespace dots::cli {

// How aliases, ACLs and capabilities of the data channel read on a terminal. In --json
// mode the commands print the RFC 8783 documents themselves (so that `show` output is valid
// input to `create --file`); these are the words.

// "web-front  203.0.113.0/24 ports 443 proto tcp  (lifetime left 6 d 23 h)"
QString describeAliasLine(const data::Alias &alias);
// One field a line: name, prefixes, ports, protocols, FQDNs, URIs, lifetime left.
QStringList describeAliasDetail(const data::Alias &alias);

// "dns-limit  ipv4-acl-type  activate-when-mitigating (on during a mitigation)" and one
// indented line per rule.
QStringList describeAclSummary(const data::Acl &acl);
// Name, type, activation, lifetime left, then every rule with its name and counters.
QStringList describeAclDetail(const data::Acl &acl);
// "immediate (active now)"
QString describeActivationType(data::ActivationType type);

// One line per capability: address families, actions, rate-limit, protocols, fields.
QStringList describeCapabilities(const data::Capabilities &capabilities);

} // namespace dots::cli

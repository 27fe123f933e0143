// SPDX-License-Identifier: GPL-3.0-or-later
#include "codec/Schema.h"

#include <algorithm>
#include <initializer_list>
#include <map>

// The DOTS signal-channel data tree, written after the YANG modules:
//   ietf-dots-signal-channel@2021-09-02 + iana-dots-signal-channel (RFC 9132)
//   ietf-dots-data-channel@2020-05-28, grouping "target" (RFC 8783)
//   ietf-dots-signal-control@2021-09-02 (RFC 9133)
//   ietf-dots-telemetry@2022-06-20 (RFC 9244)
//   ietf-dots-call-home (RFC 9066), ietf-dots-robust-trans (RFC 9362)
// with the CBOR keys of RFC 9132 section 6, RFC 9133/9244/9066/9362 and go-dots
// (dots_common/messages/*.go), which agree on every key used here.
// Helper functions stand for YANG groupings; a node's children are listed in key order.

namespace dots::codec {

const SchemaNode *SchemaNode::childByKey(quint64 wanted) const
{
    for (const SchemaNode &c : children) {
        if (c.key == wanted)
            return &c;
    }
    return nullptr;
}

const SchemaNode *SchemaNode::childByName(QStringView wanted) const
{
    for (const SchemaNode &c : children) {
        if (c.name == wanted)
            return &c;
    }
    return nullptr;
}

QString SchemaNode::localName() const
{
    const qsizetype colon = name.indexOf(u':');
    return colon < 0 ? name : name.mid(colon + 1);
}

namespace {

using Nodes = std::vector<SchemaNode>;

SchemaNode leaf(quint32 key, const char *name, LeafType type)
{
    SchemaNode n;
    n.key = key;
    n.name = QString::fromLatin1(name);
    n.kind = NodeKind::Leaf;
    n.type = type;
    return n;
}

SchemaNode uintLeaf(quint32 key, const char *name, qint64 min, qint64 max)
{
    SchemaNode n = leaf(key, name, LeafType::Unsigned);
    n.min = min;
    n.max = max;
    return n;
}

SchemaNode uint8Leaf(quint32 key, const char *name) { return uintLeaf(key, name, 0, 255); }
SchemaNode uint16Leaf(quint32 key, const char *name) { return uintLeaf(key, name, 0, 65535); }
SchemaNode uint32Leaf(quint32 key, const char *name) { return uintLeaf(key, name, 0, 4294967295LL); }
SchemaNode portLeaf(quint32 key, const char *name) { return uint16Leaf(key, name); } // inet:port-number

SchemaNode decimalLeaf(quint32 key, const char *name, int fractionDigits)
{
    SchemaNode n = leaf(key, name, LeafType::Decimal64);
    n.fractionDigits = fractionDigits;
    return n;
}

SchemaNode enumLeaf(quint32 key, const char *name, const Enumeration &e)
{
    SchemaNode n = leaf(key, name, LeafType::Enumeration);
    n.enumeration = &e;
    return n;
}

SchemaNode leafList(SchemaNode item)
{
    item.kind = NodeKind::LeafList;
    return item;
}

SchemaNode container(quint32 key, const char *name, Nodes children)
{
    SchemaNode n;
    n.key = key;
    n.name = QString::fromLatin1(name);
    n.kind = NodeKind::Container;
    std::sort(children.begin(), children.end(), [](const SchemaNode &a, const SchemaNode &b) { return a.key < b.key; });
    n.children = std::move(children);
    return n;
}

SchemaNode list(quint32 key, const char *name, Nodes children)
{
    SchemaNode n = container(key, name, std::move(children));
    n.kind = NodeKind::List;
    return n;
}

SchemaNode mandatory(SchemaNode n)
{
    n.mandatory = true;
    return n;
}

SchemaNode ordered(SchemaNode n, std::initializer_list<std::pair<quint32, quint32>> rules)
{
    n.notGreater.assign(rules.begin(), rules.end());
    return n;
}

Nodes operator+(Nodes a, const Nodes &b)
{
    a.insert(a.end(), b.begin(), b.end());
    return a;
}

// --- RFC 8783 / RFC 9132 ------------------------------------------------------------

// list target-port-range / source-port-range: key lower-port, must upper >= lower.
SchemaNode portRange(quint32 key, const char *name)
{
    return ordered(list(key, name, {mandatory(portLeaf(8, "lower-port")), portLeaf(9, "upper-port")}), {{8, 9}});
}

// list source-icmp-type-range (RFC 9066, reused by RFC 9244): key lower-type.
SchemaNode icmpTypeRange(quint32 key, const char *name)
{
    return ordered(list(key, name, {mandatory(uint8Leaf(32771, "lower-type")), uint8Leaf(32772, "upper-type")}),
                   {{32771, 32772}});
}

// ietf-dots-data-channel grouping "target" plus the alias-name leaf-list that every
// user of it adds.
Nodes target()
{
    return {
        leafList(leaf(6, "target-prefix", LeafType::IpPrefix)),
        portRange(7, "target-port-range"),
        leafList(uint8Leaf(10, "target-protocol")),
        leafList(leaf(11, "target-fqdn", LeafType::DomainName)),
        leafList(leaf(12, "target-uri", LeafType::Uri)),
        leafList(leaf(13, "alias-name", LeafType::String)),
    };
}

// --- RFC 9244 groupings ---------------------------------------------------------------

Nodes percentileAndPeak()
{
    return {
        leaf(140, "low-percentile-g", LeafType::Uint64),
        leaf(141, "mid-percentile-g", LeafType::Uint64),
        leaf(142, "high-percentile-g", LeafType::Uint64),
        leaf(143, "peak-g", LeafType::Uint64),
    };
}

Nodes percentilePeakAndCurrent() { return percentileAndPeak() + Nodes{leaf(209, "current-g", LeafType::Uint64)}; }

// "unit" is the 24-value unit here but the 3-value unit-class inside unit-config.
SchemaNode trafficUnit() { return enumLeaf(134, "unit", enums::unit); }

Nodes traffic(bool withCurrent, bool withProtocol, bool withPort)
{
    Nodes n{trafficUnit()};
    if (withProtocol)
        n.push_back(uint8Leaf(191, "protocol"));
    if (withPort)
        n.push_back(portLeaf(200, "port"));
    return n + (withCurrent ? percentilePeakAndCurrent() : percentileAndPeak());
}

Nodes connectionCounters(bool withCurrent)
{
    Nodes (*values)() = withCurrent ? percentilePeakAndCurrent : percentileAndPeak;
    return {
        container(158, "connection-c", values()),
        container(159, "embryonic-c", values()),
        container(160, "connection-ps-c", values()),
        container(161, "request-ps-c", values()),
        container(172, "partial-request-c", values()),
    };
}

Nodes totalConnectionCapacity()
{
    return {
        uint8Leaf(191, "protocol"),
        leaf(147, "connection", LeafType::Uint64),
        leaf(148, "connection-client", LeafType::Uint64),
        leaf(149, "embryonic", LeafType::Uint64),
        leaf(150, "embryonic-client", LeafType::Uint64),
        leaf(151, "connection-ps", LeafType::Uint64),
        leaf(152, "connection-client-ps", LeafType::Uint64),
        leaf(153, "request-ps", LeafType::Uint64),
        leaf(154, "request-client-ps", LeafType::Uint64),
        leaf(155, "partial-request-max", LeafType::Uint64),
        leaf(156, "partial-request-client-max", LeafType::Uint64),
    };
}

// grouping "talker"; the caller adds the per-context connection statistics.
Nodes talker()
{
    return {
        leaf(171, "spoofed-status", LeafType::Boolean),
        // A single prefix here (185), unlike call home's leaf-list source-prefix (32768).
        mandatory(leaf(185, "source-prefix", LeafType::IpPrefix)),
        portRange(187, "source-port-range"),
        icmpTypeRange(188, "source-icmp-type-range"),
        list(144, "total-attack-traffic", traffic(true, false, false)),
    };
}

Nodes attackDetail(SchemaNode topTalker)
{
    return {
        uint32Leaf(202, "vendor-id"),
        uint32Leaf(164, "attack-id"),
        leaf(210, "description-lang", LeafType::LanguageTag),
        leaf(165, "attack-description", LeafType::String),
        enumLeaf(166, "attack-severity", enums::attackSeverity),
        leaf(167, "start-time", LeafType::Uint64),
        leaf(168, "end-time", LeafType::Uint64),
        container(169, "source-count", percentilePeakAndCurrent()),
        std::move(topTalker),
    };
}

// grouping "telemetry-parameters". The percentiles are decimal64 here (130-132),
// unlike the gauge64 *-percentile-g values (140-142) of traffic data.
Nodes telemetryParameters()
{
    return {
        enumLeaf(182, "measurement-interval", enums::interval),
        enumLeaf(183, "measurement-sample", enums::sample),
        decimalLeaf(130, "low-percentile", 2),
        decimalLeaf(131, "mid-percentile", 2),
        decimalLeaf(132, "high-percentile", 2),
    };
}

SchemaNode unitConfig()
{
    return list(133, "unit-config",
                {enumLeaf(134, "unit", enums::unitClass), mandatory(leaf(135, "unit-status", LeafType::Boolean))});
}

SchemaNode notifyInterval() { return uintLeaf(180, "telemetry-notify-interval", 1, 3600); }

SchemaNode telemetryConfig(quint32 key, const char *name, Nodes extra)
{
    return ordered(container(key, name, telemetryParameters() + extra), {{130, 131}, {131, 132}});
}

// --- RFC 9132 message parts -----------------------------------------------------------

SchemaNode conflictInformation()
{
    return container(17, "conflict-information", {
        enumLeaf(18, "conflict-status", enums::conflictStatus),
        enumLeaf(19, "conflict-cause", enums::conflictCause),
        uint32Leaf(20, "retry-timer"),
        container(21, "conflict-scope", target() + Nodes{
            list(22, "acl-list", {mandatory(leaf(23, "acl-name", LeafType::String)),
                                  // A leafref to an ACL type, an identity such as
                                  // "ietf-access-control-list:ipv4-acl-type"; a text string in CBOR.
                                  leaf(24, "acl-type", LeafType::String)}),
            uint32Leaf(5, "mid"),
        }),
    });
}

SchemaNode scope()
{
    Nodes signal{
        // cuid and cdid travel in the Uri-Path in RFC 9132, but keys 3 and 4 stay registered
        // and go-dots puts them in bodies (cdid relayed by gateways).
        leaf(3, "cdid", LeafType::String),
        leaf(4, "cuid", LeafType::String),
        uint32Leaf(5, "mid"),
        leaf(14, "lifetime", LeafType::Lifetime),
        leaf(45, "trigger-mitigation", LeafType::Boolean),
        leaf(15, "mitigation-start", LeafType::Uint64),
        enumLeaf(16, "status", enums::status),
        conflictInformation(),
        leaf(25, "bytes-dropped", LeafType::Uint64), // zero-based-counter64
        leaf(26, "bps-dropped", LeafType::Uint64),   // gauge64
        leaf(27, "pkts-dropped", LeafType::Uint64),  // zero-based-counter64
        leaf(28, "pps-dropped", LeafType::Uint64),   // gauge64
        enumLeaf(29, "attack-status", enums::attackStatus),
    };
    Nodes filterControl{
        // RFC 9133 key 53. go-dots' 5.03 answer (ScopeControlFiltering) tags this list 22,
        // which is the conflict-scope acl-list of RFC 9132; 53 is the registered key.
        list(53, "ietf-dots-signal-control:acl-list",
             {mandatory(leaf(23, "acl-name", LeafType::String)),
              enumLeaf(52, "activation-type", enums::activationType)}),
    };
    Nodes callHome{
        leafList(leaf(32768, "ietf-dots-call-home:source-prefix", LeafType::IpPrefix)),
        portRange(32769, "ietf-dots-call-home:source-port-range"),
        icmpTypeRange(32770, "ietf-dots-call-home:source-icmp-type-range"),
    };
    Nodes telemetry{
        list(204, "ietf-dots-telemetry:total-traffic", traffic(true, false, false)),
        list(205, "ietf-dots-telemetry:total-attack-traffic", traffic(true, false, false)),
        container(206, "ietf-dots-telemetry:total-attack-connection", connectionCounters(true)),
        // top-talker-aggregate: a talker carries one total-attack-connection container.
        list(207, "ietf-dots-telemetry:attack-detail",
             attackDetail(container(170, "top-talker", {
                 list(184, "talker", talker() + Nodes{container(157, "total-attack-connection",
                                                                connectionCounters(true))}),
             }))),
    };
    return list(2, "scope", target() + signal + filterControl + callHome + telemetry);
}

// grouping config-parameters: each parameter has current/min/max values.
SchemaNode intParameter(quint32 key, const char *name)
{
    return container(key, name, {uint16Leaf(34, "max-value"), uint16Leaf(35, "min-value"), uint16Leaf(36, "current-value")});
}

SchemaNode decimalParameter(quint32 key, const char *name)
{
    return container(key, name, {decimalLeaf(41, "max-value-decimal", 2), decimalLeaf(42, "min-value-decimal", 2),
                                 decimalLeaf(43, "current-value-decimal", 2)});
}

Nodes configParameters()
{
    return {
        // sid (31) left the YANG module with RFC 9132 (it is a Uri-Path now), but the key is
        // still registered and go-dots' client sends it in the body.
        uint32Leaf(31, "sid"),
        intParameter(33, "heartbeat-interval"),
        intParameter(37, "missing-hb-allowed"),
        intParameter(38, "max-retransmit"),
        decimalParameter(39, "ack-timeout"),
        decimalParameter(40, "ack-random-factor"),
        intParameter(50, "probing-rate"),
        // RFC 9362 (ietf-dots-robust-trans) augments config-parameters.
        intParameter(32776, "ietf-dots-robust-trans:max-payloads"),
        intParameter(32777, "ietf-dots-robust-trans:non-max-retransmit"),
        decimalParameter(32778, "ietf-dots-robust-trans:non-timeout"),
        decimalParameter(32779, "ietf-dots-robust-trans:non-receive-timeout"),
        decimalParameter(32780, "ietf-dots-robust-trans:non-probing-wait"),
        decimalParameter(32781, "ietf-dots-robust-trans:non-partial-wait"),
    };
}

// --- RFC 9244 messages ----------------------------------------------------------------

SchemaNode telemetrySetup()
{
    return container(203, "ietf-dots-telemetry:telemetry-setup", {
        telemetryConfig(176, "max-config-values",
                        {leaf(179, "server-originated-telemetry", LeafType::Boolean), notifyInterval()}),
        telemetryConfig(177, "min-config-values", {notifyInterval()}),
        container(178, "supported-unit-classes", {unitConfig()}),
        leafList(enumLeaf(201, "supported-query-type", enums::queryType)),
        list(129, "telemetry", {
            uint32Leaf(128, "tsid"),
            telemetryConfig(175, "current-config",
                            {unitConfig(), leaf(179, "server-originated-telemetry", LeafType::Boolean),
                             notifyInterval()}),
            list(136, "total-pipe-capacity", {
                leaf(137, "link-id", LeafType::String),
                mandatory(leaf(190, "capacity", LeafType::Uint64)),
                trafficUnit(),
            }),
            list(174, "baseline", target() + Nodes{
                mandatory(uintLeaf(163, "id", 1, 4294967295LL)), // must '. >= 1'
                list(139, "total-traffic-normal", traffic(false, false, false)),
                list(192, "total-traffic-normal-per-protocol", traffic(false, true, false)),
                list(193, "total-traffic-normal-per-port", traffic(false, false, true)),
                list(146, "total-connection-capacity", totalConnectionCapacity()),
                list(194, "total-connection-capacity-per-port",
                     totalConnectionCapacity() + Nodes{portLeaf(200, "port")}),
            }),
            // Not in RFC 9244's YANG module: go-dots answers a conflicting telemetry setup
            // with a conflict-information here (TelemetryResponseConflict). Accepted so that
            // such an answer can be read; key 17 is comprehension-required.
            conflictInformation(),
        }),
    });
}

SchemaNode telemetryData()
{
    return container(208, "ietf-dots-telemetry:telemetry", {
        list(138, "pre-or-ongoing-mitigation", {
            uint32Leaf(181, "tmid"),
            container(189, "target", target() + Nodes{
                // mid-list is key 186 in RFC 9244's CBOR table; go-dots has no field for it.
                leafList(uint32Leaf(186, "mid-list")),
            }),
            list(145, "total-traffic", traffic(true, false, false)),
            list(195, "total-traffic-protocol", traffic(true, true, false)),
            list(196, "total-traffic-port", traffic(true, false, true)),
            list(144, "total-attack-traffic", traffic(true, false, false)),
            list(197, "total-attack-traffic-protocol", traffic(true, true, false)),
            list(198, "total-attack-traffic-port", traffic(true, false, true)),
            list(173, "total-attack-connection-protocol", Nodes{uint8Leaf(191, "protocol")} + connectionCounters(true)),
            list(199, "total-attack-connection-port",
                 Nodes{uint8Leaf(191, "protocol"), portLeaf(200, "port")} + connectionCounters(true)),
            // grouping top-talker: a talker carries per-protocol connection statistics.
            list(162, "attack-detail", attackDetail(container(170, "top-talker", {
                list(184, "talker", talker() + Nodes{list(173, "total-attack-connection-protocol",
                                                          Nodes{uint8Leaf(191, "protocol")} + connectionCounters(true))}),
            }))),
        }),
    });
}

SchemaNode buildRoot()
{
    return container(0, "", {
        container(1, "ietf-dots-signal-channel:mitigation-scope", {
            // go-dots keeps cdid at this level of a response (MitigationScope.ClientDomainIdentifier).
            leaf(3, "cdid", LeafType::String),
            scope(),
        }),
        container(30, "ietf-dots-signal-channel:signal-config", {
            container(32, "mitigating-config", configParameters()),
            container(44, "idle-config", configParameters()),
        }),
        container(46, "ietf-dots-signal-channel:redirected-signal", {
            mandatory(leaf(47, "alt-server", LeafType::DomainName)),
            leafList(leaf(48, "alt-server-record", LeafType::IpAddress)),
        }),
        container(49, "ietf-dots-signal-channel:heartbeat", {mandatory(leaf(51, "peer-hb-status", LeafType::Boolean))}),
        telemetrySetup(),
        telemetryData(),
    });
}

void collectKeys(const SchemaNode &node, std::map<quint32, QString> &out)
{
    for (const SchemaNode &c : node.children) {
        out.emplace(c.key, c.localName());
        collectKeys(c, out);
    }
}

} // namespace

const SchemaNode &schemaRoot()
{
    static const SchemaNode root = buildRoot();
    return root;
}

std::vector<KeyName> keyTable()
{
    std::map<quint32, QString> keys;
    collectKeys(schemaRoot(), keys);
    std::vector<KeyName> table;
    table.reserve(keys.size());
    for (const auto &[key, name] : keys)
        table.push_back({key, name});
    return table;
}

} // namespace dots::codec

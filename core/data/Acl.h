// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "data/YangJson.h"
#include "types/ActivationType.h"
#include "types/Decimal64.h"

#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>

namespace dots::data {

using dots::ActivationType;

// ietf-access-control-list acl-type identities (RFC 8519).
enum class AclType { Ipv4, Ipv6, Eth, MixedEthIpv4, MixedEthIpv6, MixedEthIpv4Ipv6 };
QString yangName(AclType type);
// Bare or qualified by aclModule().
std::optional<AclType> aclTypeFromName(const QString &name);

// ietf-access-control-list forwarding-action identities.
enum class Forwarding { Accept, Drop, Reject };
QString yangName(Forwarding action);
// Bare or qualified by aclModule().
std::optional<Forwarding> forwardingFromName(const QString &name);

// ietf-packet-fields port-range-or-operator: a range, or an operator and one port.
struct PortMatch
{
    enum class Operator { Range, Eq, Neq, Lte, Gte };
    Operator op = Operator::Eq;
    quint16 port = 0;  // lower-port for a range
    quint16 upper = 0; // Range only

    static PortMatch single(quint16 p) { return {Operator::Eq, p, 0}; }
    static PortMatch range(quint16 lower, quint16 upper) { return {Operator::Range, lower, upper}; }
    friend bool operator==(const PortMatch &, const PortMatch &) = default;
};

// The DOTS "operator" bits (not, match, any) with the thing they apply to.
struct FragmentMatch
{
    QStringList operatorBits = {QStringLiteral("match")};
    QStringList types; // df, isf, ff, lf
    friend bool operator==(const FragmentMatch &, const FragmentMatch &) = default;
};

struct TcpFlagsBitmask
{
    QStringList operatorBits = {QStringLiteral("match")};
    quint16 bitmask = 0;
    friend bool operator==(const TcpFlagsBitmask &, const TcpFlagsBitmask &) = default;
};

// The ipv4 or ipv6 container of an ACE's matches.
struct IpMatch
{
    bool ipv6 = false;
    QString source;        // source-ipv4-network / source-ipv6-network; empty: any
    QString destination;   // destination-ipv4-network / destination-ipv6-network; empty: any
    std::optional<quint8> protocol;
    QStringList ipv4Flags; // reserved, fragment, more (IPv4 only)
    std::optional<FragmentMatch> fragment;
    QMap<QString, quint64> fields; // the other numeric header fields: dscp, ecn, length, ttl, ihl, offset, identification, flow-label
    friend bool operator==(const IpMatch &, const IpMatch &) = default;
};

struct TcpMatch
{
    QStringList flags; // cwr ece urg ack psh rst syn fin
    std::optional<TcpFlagsBitmask> flagsBitmask;
    std::optional<PortMatch> sourcePort;
    std::optional<PortMatch> destinationPort;
    QMap<QString, quint64> fields; // sequence-number, acknowledgement-number, data-offset, reserved, window-size, urgent-pointer
    friend bool operator==(const TcpMatch &, const TcpMatch &) = default;
};

struct UdpMatch
{
    std::optional<PortMatch> sourcePort;
    std::optional<PortMatch> destinationPort;
    std::optional<quint16> length;
    friend bool operator==(const UdpMatch &, const UdpMatch &) = default;
};

struct IcmpMatch
{
    std::optional<quint8> type;
    std::optional<quint8> code;
    QString restOfHeader; // binary, base64
    friend bool operator==(const IcmpMatch &, const IcmpMatch &) = default;
};

// One access control entry: what to match and what to do with it.
struct Ace
{
    QString name;
    std::optional<IpMatch> ip;
    std::optional<TcpMatch> tcp;
    std::optional<UdpMatch> udp;
    std::optional<IcmpMatch> icmp;
    Forwarding forwarding = Forwarding::Drop;
    std::optional<dots::Decimal64> rateLimit; // bytes per second; only with accept
    // Server-side counters (config false).
    std::optional<quint64> matchedPackets;
    std::optional<quint64> matchedOctets;

    QJsonObject toJson(IdentityForm form = IdentityForm::Bare) const;
    static Ace fromJson(const QJsonObject &o, const JsonReader &r, DecodeMode mode);
    friend bool operator==(const Ace &, const Ace &) = default;
};

// An ACL of the DOTS data channel (RFC 8783 section 6.2): ordered ACEs and when they apply.
struct Acl
{
    QString name;
    std::optional<AclType> type;
    std::optional<ActivationType> activationType; // absent: activate-when-mitigating
    std::optional<qint32> pendingLifetime;         // minutes; server only
    QList<Ace> aces;

    ActivationType effectiveActivationType() const { return activationType.value_or(ActivationType::ActivateWhenMitigating); }
    bool isIpv6() const { return type == AclType::Ipv6 || type == AclType::MixedEthIpv6; }

    QJsonObject toJson(IdentityForm form = IdentityForm::Bare) const;
    static Acl fromJson(const QJsonObject &o, const JsonReader &r, DecodeMode mode);
    // Content checks beyond JSON types: names, prefixes of the right family, port order,
    // rate-limit only with accept, one layer-4 container, the when-rules of the YANG module.
    void validate(const JsonReader &r) const;
    friend bool operator==(const Acl &, const Acl &) = default;
};

// Server-only members (pending-lifetime, statistics) dropped: what a client sends.
Acl withoutServerState(Acl acl);

// {"ietf-dots-data-channel:acls": {"acl": [...]}}: POST and GET of all.
QJsonObject aclsDocument(const QList<Acl> &acls);
QJsonObject aclsDocument(const QList<Acl> &acls, IdentityForm form);
// {"ietf-dots-data-channel:acl": [...]}: RFC 8040 list-entry form, the answer to a GET of one ACL.
QJsonObject aclDocument(const Acl &acl, IdentityForm form = IdentityForm::Bare);
// {"ietf-dots-data-channel:acls": {"acl": [one]}}: the body of a PUT of one ACL. RFC 8040
// allows the list-entry form too, but go-dots reads only the container and drops the
// connection on anything else.
QJsonObject aclPutDocument(const Acl &acl);
// Reads either form.
dots::Parsed<QList<Acl>> parseAcls(const QJsonObject &document, DecodeMode mode);

QString checkAclName(const QString &name);
// Fields of a filter rule as typed, with the same words as the message checks; each returns
// an empty string when the value is fine.
QString checkAclPrefix(const QString &prefix);
QString checkAclPort(qint64 port);
QString checkAclPortRange(qint64 lower, qint64 upper);

} // namespace dots::data

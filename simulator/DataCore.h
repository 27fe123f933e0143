// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "data/Acl.h"
#include "data/Alias.h"
#include "data/Capabilities.h"
#include "data/RestconfError.h"

#include "Personality.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>

#include <functional>
#include <optional>

namespace dots::simulator {

// One HTTP request as the data-channel core sees it: the client already authenticated.
struct DataRequest {
    QString clientCuid;   // from the client certificate
    QByteArray method;    // GET, POST, PUT, DELETE ...
    QByteArray path;      // percent-encoded, without query
    QByteArray contentType;
    QByteArray body;
};

struct DataResponse {
    int status = 500;
    QByteArray contentType;
    QByteArray body;
};

// The DOTS data-channel server (RFC 8783) without the wire: RESTCONF resources under
// /restconf/data/ietf-dots-data-channel:dots-data, checked against the YANG module, kept
// per client (a client only ever sees its own cuid's aliases and ACLs). The signal side asks
// it for aliases and ACLs and changes ACL activation (RFC 9133). Time is explicit (ms).
class DataCore {
public:
    static QString restconfRoot() { return QStringLiteral("/restconf"); }

    DataCore();

    // What every newly registered client starts with (the scenario's aliases and ACLs).
    void setPresets(QList<data::Alias> aliases, QList<data::Acl> acls);
    // Lifetime of an alias or ACL after its last change, reported as pending-lifetime (minutes).
    void setPendingLifetimeMinutes(qint32 minutes) { m_pendingMinutes = minutes; }
    const data::Capabilities &capabilities() const { return m_capabilities; }
    // rfc writes the ACL identities qualified (RFC 7951 section 6.8) and reads both forms;
    // reference writes them bare and refuses what go-dots cannot decode.
    void setPersonality(Personality personality) { m_personality = personality; }

    DataResponse handle(const DataRequest &request, qint64 nowMs);

    // For the signal side. nullopt / nullptr when the client has no such entry.
    bool isRegistered(const QString &cuid) const { return m_clients.contains(cuid); }
    std::optional<data::Alias> alias(const QString &cuid, const QString &name) const;
    const data::Acl *acl(const QString &cuid, const QString &name) const;
    QList<data::Acl> acls(const QString &cuid) const;
    bool setActivationType(const QString &cuid, const QString &aclName, data::ActivationType type);
    // An ACL filters now: immediate, or activate-when-mitigating while the client mitigates.
    static bool isActive(const data::Acl &acl, bool clientMitigating);
    // Active ACLs count simulated matching traffic (statistics) for `seconds`.
    void countMatches(double seconds, const std::function<bool(const QString &cuid)> &clientMitigating);

private:
    struct ClientData {
        QList<data::Alias> aliases;
        QList<data::Acl> acls; // ordered-by user
        QHash<QString, qint64> changedAtMs; // "alias/NAME" or "acl/NAME"
        QHash<QString, double> matchedPackets; // "ACL/ACE"
    };

    DataResponse route(const DataRequest &r, const QStringList &segments, qint64 nowMs);
    DataResponse registerClient(const DataRequest &r, bool put, qint64 nowMs);
    DataResponse createEntries(const DataRequest &r, ClientData &client, qint64 nowMs);
    DataResponse aliasesResource(const DataRequest &r, ClientData &client, const std::optional<QString> &name, qint64 nowMs);
    DataResponse aclsResource(const DataRequest &r, ClientData &client, const std::optional<QString> &name, qint64 nowMs);
    std::optional<QJsonObject> readBody(const DataRequest &r, DataResponse &error) const;
    DataResponse validationError(const dots::ValidationErrors &errors, const QString &base) const;
    data::Alias withLifetime(data::Alias a, const ClientData &c, qint64 nowMs) const;
    data::Acl withState(data::Acl a, const ClientData &c, qint64 nowMs) const;
    void install(ClientData &client, qint64 nowMs) const;

    static DataResponse json(int status, const QJsonObject &body);
    static DataResponse error(int status, const QString &tag, const QString &message, const QString &path = {});
    static DataResponse empty(int status);

    data::IdentityForm identityForm() const;
    // reference personality: the ACL identity of `body` that go-dots refuses, as a 400.
    std::optional<DataResponse> refusedIdentity(const QJsonObject &body, const QString &base) const;

    data::Capabilities m_capabilities;
    Personality m_personality = Personality::Rfc;
    QList<data::Alias> m_presetAliases;
    QList<data::Acl> m_presetAcls;
    qint32 m_pendingMinutes = 10080;
    QHash<QString, ClientData> m_clients;
};

} // namespace dots::simulator

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/StoreError.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

class QIODevice;

namespace dots::store {

class Database;

// What an operator did. Stored by name so the log stays readable with plain sqlite3.
enum class AuditAction {
    Request,       // new mitigation request
    Withdraw,      // DELETE of a mitigation
    Renew,         // lifetime refresh of an existing mid
    Efficacy,      // efficacy update (attack-status)
    ConfigChange,  // session configuration PUT
    ConfigReset,   // session configuration DELETE (back to defaults)
    FilterControl, // activation of a filter (ACL) changed: RFC 9133 over the signal channel
                   // during an attack, or activation-type over the data channel
    // Data channel (RFC 8783): what the server holds for the client.
    AliasCreate,   // new alias (POST; refused when the name exists)
    AliasReplace,  // alias created or replaced (PUT), e.g. an edit
    AliasDelete,
    AclCreate,     // new filter (ACL)
    AclReplace,    // filter created or replaced, e.g. an edit of its rules
    AclDelete,
    Connect,
    Disconnect,
    Other,
};

// The stored names ("request", "config-change", "alias-create", ...) never change: databases
// written by older versions must read the same. A name this version does not know reads as Other.
QString actionName(AuditAction action);
std::optional<AuditAction> actionFromName(QStringView name);

struct AuditEntry
{
    qint64 id = 0;            // set by the store
    QDateTime timestamp;      // UTC; now when left invalid
    QString operatorName;     // OS user; currentOperator() when left empty
    QString server;           // server profile name
    AuditAction action = AuditAction::Other;
    std::optional<quint32> mid;
    QString summary;          // one line for the table view
    QJsonObject detail;       // e.g. the request body
};

// All members optional; an empty filter returns the newest `limit` entries.
struct AuditFilter
{
    QDateTime since;          // inclusive
    QDateTime until;          // exclusive
    QString server;
    std::optional<AuditAction> action;
    std::optional<quint32> mid;
    QString operatorName;
    QString text;             // substring of the summary, case-insensitive
    int limit = 500;
};

// Append-only record of operator actions: who did what, when, against which server.
class AuditLog
{
public:
    explicit AuditLog(Database &db) : m_db(db) {}

    static QString currentOperator();

    Result<qint64> append(AuditEntry entry);
    Result<QList<AuditEntry>> query(const AuditFilter &filter = {}) const; // newest first
    // Columns: id,timestamp_utc,operator,server,action,mid,summary,detail (RFC 4180).
    static QString toCsv(const QList<AuditEntry> &entries);
    Result<void> exportCsv(const AuditFilter &filter, QIODevice &out) const;

private:
    Database &m_db;
};

} // namespace dots::store

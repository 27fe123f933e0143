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
    // What became of it. Empty for an entry recorded after the fact (the summary says it all).
    // An action on the wire is recorded before it is sent, as sentOutcome(), and settled once
    // the answer (or the failure) is known; a process killed in between leaves "sent".
    QString outcome;
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

// Record of operator actions: who did what, when, against which server. Entries are only
// appended; the one thing written later is the outcome of an action recorded before it was sent.
class AuditLog
{
public:
    explicit AuditLog(Database &db) : m_db(db) {}

    static QString currentOperator();

    // Stored outcomes: "sent" while the request is on the wire, then "done" (or "done: <what
    // the server granted>") or "failed: <why>".
    static QString sentOutcome() { return QStringLiteral("sent"); }
    static QString doneOutcome() { return QStringLiteral("done"); }
    static QString doneOutcome(const QString &what) { return QStringLiteral("done: ") + what; }
    static QString failedOutcome(const QString &why) { return QStringLiteral("failed: ") + why; }
    static bool isDone(const QString &outcome)
    {
        return outcome == doneOutcome() || outcome.startsWith(doneOutcome(QString()));
    }
    static bool isFailure(const QString &outcome) { return outcome.startsWith(QLatin1String("failed")); }

    Result<qint64> append(AuditEntry entry);
    // Records what became of entry `id` (appended with sentOutcome()).
    Result<void> settle(qint64 id, const QString &outcome);
    Result<QList<AuditEntry>> query(const AuditFilter &filter = {}) const; // newest first
    // Columns: id,timestamp_utc,operator,server,action,mid,summary,detail,outcome (RFC 4180).
    static QString toCsv(const QList<AuditEntry> &entries);
    Result<void> exportCsv(const AuditFilter &filter, QIODevice &out) const;

private:
    Database &m_db;
};

} // namespace dots::store

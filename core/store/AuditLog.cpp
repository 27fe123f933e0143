// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/AuditLog.h"

#include "store/CsvWriter.h"
#include "store/Database.h"

#include <QIODevice>
#include <QJsonDocument>
#include <QSqlQuery>
#include <QVariant>

#include <pwd.h>
#include <unistd.h>

namespace dots::store {

namespace {
struct ActionName
{
    AuditAction action;
    const char *name;
};
constexpr ActionName kActions[] = {
    {AuditAction::Request, "request"},
    {AuditAction::Withdraw, "withdraw"},
    {AuditAction::Renew, "renew"},
    {AuditAction::Efficacy, "efficacy"},
    {AuditAction::ConfigChange, "config-change"},
    {AuditAction::ConfigReset, "config-reset"},
    {AuditAction::FilterControl, "filter-control"},
    {AuditAction::AliasCreate, "alias-create"},
    {AuditAction::AliasReplace, "alias-replace"},
    {AuditAction::AliasDelete, "alias-delete"},
    {AuditAction::AclCreate, "acl-create"},
    {AuditAction::AclReplace, "acl-replace"},
    {AuditAction::AclDelete, "acl-delete"},
    {AuditAction::Connect, "connect"},
    {AuditAction::Disconnect, "disconnect"},
    {AuditAction::Other, "other"},
};

QString isoUtc(const QDateTime &t)
{
    return t.toUTC().toString(Qt::ISODateWithMs);
}
} // namespace

QString actionName(AuditAction action)
{
    for (const auto &a : kActions) {
        if (a.action == action)
            return QString::fromLatin1(a.name);
    }
    return QStringLiteral("other");
}

std::optional<AuditAction> actionFromName(QStringView name)
{
    for (const auto &a : kActions) {
        if (name == QLatin1String(a.name))
            return a.action;
    }
    return std::nullopt;
}

QString AuditLog::currentOperator()
{
    // The password database, not $USER, which any shell can set.
    if (const passwd *pw = ::getpwuid(::geteuid()); pw && pw->pw_name)
        return QString::fromLocal8Bit(pw->pw_name);
    for (const char *var : {"USER", "LOGNAME", "USERNAME"}) {
        const QString v = qEnvironmentVariable(var);
        if (!v.isEmpty())
            return v;
    }
    return QStringLiteral("uid:%1").arg(::geteuid());
}

Result<qint64> AuditLog::append(AuditEntry entry)
{
    if (!entry.timestamp.isValid())
        entry.timestamp = QDateTime::currentDateTimeUtc();
    if (entry.operatorName.isEmpty())
        entry.operatorName = currentOperator();
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("INSERT INTO audit_log (ts_ms, operator, server, action, mid, summary, detail, outcome) "
                             "VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
    q.addBindValue(entry.timestamp.toMSecsSinceEpoch());
    q.addBindValue(entry.operatorName);
    q.addBindValue(entry.server);
    q.addBindValue(actionName(entry.action));
    q.addBindValue(entry.mid ? QVariant(qint64(*entry.mid)) : QVariant(QMetaType::fromType<qint64>()));
    q.addBindValue(entry.summary);
    q.addBindValue(QString::fromUtf8(QJsonDocument(entry.detail).toJson(QJsonDocument::Compact)));
    q.addBindValue(entry.outcome.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(entry.outcome));
    if (auto r = m_db.exec(q, QStringLiteral("append to audit log")); !r)
        return r.error();
    return q.lastInsertId().toLongLong();
}

Result<void> AuditLog::settle(qint64 id, const QString &outcome)
{
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("UPDATE audit_log SET outcome = ? WHERE id = ?"));
    q.addBindValue(outcome);
    q.addBindValue(id);
    if (auto r = m_db.exec(q, QStringLiteral("record the outcome in the audit log")); !r)
        return r.error();
    if (q.numRowsAffected() != 1)
        return StoreError {StoreError::Kind::InvalidArgument, QStringLiteral("audit log entry %1 does not exist").arg(id)};
    return {};
}

Result<QList<AuditEntry>> AuditLog::query(const AuditFilter &filter) const
{
    QStringList where;
    QVariantList binds;
    if (filter.since.isValid()) {
        where << QStringLiteral("ts_ms >= ?");
        binds << filter.since.toMSecsSinceEpoch();
    }
    if (filter.until.isValid()) {
        where << QStringLiteral("ts_ms < ?");
        binds << filter.until.toMSecsSinceEpoch();
    }
    if (!filter.server.isEmpty()) {
        where << QStringLiteral("server = ?");
        binds << filter.server;
    }
    if (filter.action) {
        where << QStringLiteral("action = ?");
        binds << actionName(*filter.action);
    }
    if (filter.mid) {
        where << QStringLiteral("mid = ?");
        binds << qint64(*filter.mid);
    }
    if (!filter.operatorName.isEmpty()) {
        where << QStringLiteral("operator = ?");
        binds << filter.operatorName;
    }
    if (!filter.text.isEmpty()) {
        // instr() on lower() instead of LIKE, so % and _ in the search text are literal.
        where << QStringLiteral("instr(lower(summary), lower(?)) > 0");
        binds << filter.text;
    }
    QString sql = QStringLiteral("SELECT id, ts_ms, operator, server, action, mid, summary, detail, outcome FROM audit_log");
    if (!where.isEmpty())
        sql += QStringLiteral(" WHERE ") + where.join(QStringLiteral(" AND "));
    sql += QStringLiteral(" ORDER BY ts_ms DESC, id DESC LIMIT ?");
    binds << (filter.limit > 0 ? filter.limit : -1);

    QSqlQuery q(m_db.connection());
    q.setForwardOnly(true);
    q.prepare(sql);
    for (const QVariant &b : binds)
        q.addBindValue(b);
    if (auto r = m_db.exec(q, QStringLiteral("query audit log")); !r)
        return r.error();
    QList<AuditEntry> out;
    while (q.next()) {
        AuditEntry e;
        e.id = q.value(0).toLongLong();
        e.timestamp = QDateTime::fromMSecsSinceEpoch(q.value(1).toLongLong(), Qt::UTC);
        e.operatorName = q.value(2).toString();
        e.server = q.value(3).toString();
        e.action = actionFromName(q.value(4).toString()).value_or(AuditAction::Other);
        if (!q.value(5).isNull())
            e.mid = quint32(q.value(5).toLongLong());
        e.summary = q.value(6).toString();
        // A damaged detail must not hide the entry itself.
        e.detail = QJsonDocument::fromJson(q.value(7).toString().toUtf8()).object();
        e.outcome = q.value(8).toString();
        out << e;
    }
    return out;
}

QString AuditLog::toCsv(const QList<AuditEntry> &entries)
{
    QString out = csv::record({QStringLiteral("id"), QStringLiteral("timestamp_utc"), QStringLiteral("operator"),
                               QStringLiteral("server"), QStringLiteral("action"), QStringLiteral("mid"),
                               QStringLiteral("summary"), QStringLiteral("detail"), QStringLiteral("outcome")});
    for (const AuditEntry &e : entries) {
        out += csv::record({QString::number(e.id), isoUtc(e.timestamp), e.operatorName, e.server, actionName(e.action),
                            e.mid ? QString::number(*e.mid) : QString(), e.summary,
                            e.detail.isEmpty() ? QString() : QString::fromUtf8(QJsonDocument(e.detail).toJson(QJsonDocument::Compact)),
                            e.outcome});
    }
    return out;
}

Result<void> AuditLog::exportCsv(const AuditFilter &filter, QIODevice &out) const
{
    auto entries = query(filter);
    if (!entries)
        return entries.error();
    const QByteArray bytes = toCsv(entries.value()).toUtf8();
    if (out.write(bytes) != bytes.size())
        return StoreError {StoreError::Kind::QueryFailed, QStringLiteral("cannot write the CSV export: %1").arg(out.errorString())};
    return {};
}

} // namespace dots::store

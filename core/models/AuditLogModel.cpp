// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/AuditLogModel.h"

#include <QSaveFile>

namespace dots::models {

using store::AuditAction;
using store::AuditEntry;

AuditLogModel::AuditLogModel(store::AuditLog *log, QObject *parent) : QAbstractTableModel(parent), m_log(log)
{
}

QString AuditLogModel::outcomeLabel(const QString &stored)
{
    if (stored == store::AuditLog::sentOutcome())
        return tr("sent");
    const QString done = store::AuditLog::doneOutcome();
    if (stored == done)
        return tr("done");
    if (stored.startsWith(done + QLatin1Char(':')))
        return tr("done") + stored.mid(done.size());
    return stored; // "failed: " and the reason, as the program worded it
}

QString AuditLogModel::actionLabel(AuditAction action)
{
    switch (action) {
    case AuditAction::Request: return tr("Request");
    case AuditAction::Withdraw: return tr("Withdraw");
    case AuditAction::Renew: return tr("Renew");
    case AuditAction::Efficacy: return tr("Efficacy update");
    case AuditAction::ConfigChange: return tr("Session config change");
    case AuditAction::ConfigReset: return tr("Session config reset");
    case AuditAction::FilterControl: return tr("Filter activation");
    case AuditAction::AliasCreate: return tr("Alias creation");
    case AuditAction::AliasReplace: return tr("Alias replacement");
    case AuditAction::AliasDelete: return tr("Alias deletion");
    case AuditAction::AclCreate: return tr("Filter creation");
    case AuditAction::AclReplace: return tr("Filter replacement");
    case AuditAction::AclDelete: return tr("Filter deletion");
    case AuditAction::Connect: return tr("Connect");
    case AuditAction::Disconnect: return tr("Disconnect");
    case AuditAction::Other: break;
    }
    return tr("Other");
}

void AuditLogModel::reload(const store::AuditFilter &filter)
{
    m_filter = filter;
    beginResetModel();
    m_entries.clear();
    if (m_log) {
        auto queried = m_log->query(filter);
        if (queried)
            m_entries = std::move(queried).value();
        else
            emit storeProblem(tr("The audit log could not be read: %1").arg(queried.error().toString()));
    }
    endResetModel();
}

bool AuditLogModel::matches(const AuditEntry &e) const
{
    const store::AuditFilter &f = m_filter;
    return (!f.since.isValid() || e.timestamp >= f.since) && (!f.until.isValid() || e.timestamp < f.until)
        && (f.server.isEmpty() || e.server == f.server) && (!f.action || e.action == *f.action)
        && (!f.mid || e.mid == f.mid) && (f.operatorName.isEmpty() || e.operatorName == f.operatorName)
        && (f.text.isEmpty() || e.summary.contains(f.text, Qt::CaseInsensitive));
}

qint64 AuditLogModel::record(AuditEntry entry)
{
    if (!entry.timestamp.isValid())
        entry.timestamp = QDateTime::currentDateTimeUtc();
    if (entry.operatorName.isEmpty())
        entry.operatorName = store::AuditLog::currentOperator();
    entry.id = --m_unstoredIds; // replaced by the store's id when it takes the entry
    if (m_log) {
        auto appended = m_log->append(entry);
        if (appended)
            entry.id = appended.value();
        else
            emit storeProblem(tr("Not recorded in the audit log: %1").arg(appended.error().toString()));
    }
    const qint64 id = entry.id;
    if (matches(entry)) {
        beginInsertRows({}, 0, 0);
        m_entries.prepend(entry);
        endInsertRows();
    }
    return id;
}

void AuditLogModel::settle(qint64 id, const QString &outcome)
{
    if (m_log && id > 0) {
        if (auto settled = m_log->settle(id, outcome); !settled)
            emit storeProblem(tr("Outcome not recorded in the audit log: %1").arg(settled.error().toString()));
    }
    for (int row = 0; row < m_entries.size(); ++row) {
        if (m_entries[row].id != id)
            continue;
        m_entries[row].outcome = outcome;
        emit dataChanged(index(row, OutcomeColumn), index(row, OutcomeColumn));
        break;
    }
}

QString AuditLogModel::exportCsv(const QString &path) const
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return tr("Cannot write %1: %2").arg(path, file.errorString());
    // Export what the store holds for the filter (not only the rows loaded); without a store, this run's rows.
    if (m_log) {
        store::AuditFilter all = m_filter;
        all.limit = -1;
        if (auto exported = m_log->exportCsv(all, file); !exported)
            return exported.error().toString();
    } else {
        const QByteArray bytes = store::AuditLog::toCsv(m_entries).toUtf8();
        if (file.write(bytes) != bytes.size())
            return tr("Cannot write %1: %2").arg(path, file.errorString());
    }
    if (!file.commit())
        return tr("Cannot write %1: %2").arg(path, file.errorString());
    return {};
}

int AuditLogModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int AuditLogModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AuditLogModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_entries.size())
        return {};
    const AuditEntry &e = m_entries[index.row()];
    if (role == ActionNameRole)
        return store::actionName(e.action);
    if (role == Qt::DisplayRole || role == SortRole) {
        switch (index.column()) {
        case TimeColumn:
            return role == SortRole ? QVariant(e.timestamp)
                                    : QVariant(e.timestamp.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")));
        case OperatorColumn: return e.operatorName;
        case ServerColumn: return e.server;
        case ActionColumn: return actionLabel(e.action);
        case MidColumn:
            if (!e.mid)
                return role == SortRole ? QVariant(-1) : QVariant(QString());
            return role == SortRole ? QVariant(qint64(*e.mid)) : QVariant(QString::number(*e.mid));
        case SummaryColumn: return e.summary;
        case OutcomeColumn: return outcomeLabel(e.outcome);
        default: break;
        }
    }
    if (role == Qt::ToolTipRole && index.column() == OutcomeColumn && e.outcome == store::AuditLog::sentOutcome())
        return tr("The request was sent; no answer has been recorded (still waiting, or the program ended first).");
    if (role == Qt::ToolTipRole && index.column() == OutcomeColumn)
        return outcomeLabel(e.outcome);
    if (role == Qt::ToolTipRole && index.column() == TimeColumn)
        return tr("%1 UTC").arg(e.timestamp.toUTC().toString(Qt::ISODate));
    if (role == Qt::ToolTipRole && index.column() == SummaryColumn)
        return e.summary;
    return {};
}

QVariant AuditLogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TimeColumn: return tr("Time");
    case OperatorColumn: return tr("Operator");
    case ServerColumn: return tr("Server");
    case ActionColumn: return tr("Action");
    case MidColumn: return tr("Mid");
    case SummaryColumn: return tr("What");
    case OutcomeColumn: return tr("Outcome");
    default: return {};
    }
}

} // namespace dots::models

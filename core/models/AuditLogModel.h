// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/AuditLog.h"

#include <QAbstractTableModel>

namespace dots::models {

// The operator audit log as a table, newest first: who did what, when, against which
// server. Recording goes through the model so the view shows the new entry at once; the
// store keeps it across restarts. Store failures never throw: they come out of
// storeProblem() in words, and the entry is still shown for this run.
class AuditLogModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { TimeColumn, OperatorColumn, ServerColumn, ActionColumn, MidColumn, OutcomeColumn, SummaryColumn, ColumnCount };
    Q_ENUM(Column)
    enum Role { SortRole = Qt::UserRole + 1, ActionNameRole };

    // `log` may be null (no store could be opened): the model then keeps this run only.
    explicit AuditLogModel(store::AuditLog *log, QObject *parent = nullptr);

    // Reads the entries matching `filter` from the store (newest first).
    void reload(const store::AuditFilter &filter = {});
    const store::AuditFilter &filter() const { return m_filter; }
    // Appends to the store and, when it matches the filter, to the top of the table. Returns
    // the entry's id in the store (0 without one), for settle().
    qint64 record(store::AuditEntry entry);
    // Records what became of an entry recorded with AuditLog::sentOutcome() before its request
    // was sent: in the store and in the row. `id` 0 (nothing was stored) changes the row only.
    void settle(qint64 id, const QString &outcome);
    // Writes the entries matching the current filter as CSV; returns the problem in words.
    QString exportCsv(const QString &path) const;

    store::AuditEntry entryAt(int row) const { return m_entries.value(row); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    static QString actionLabel(store::AuditAction action); // "Request", "Withdraw", ...
    static QString outcomeLabel(const QString &stored);     // "sent", "done", "failed: ..."

signals:
    void storeProblem(const QString &text);

private:
    bool matches(const store::AuditEntry &entry) const;
    qint64 m_unstoredIds = 0; // negative ids for rows the store did not take

    store::AuditLog *m_log;
    store::AuditFilter m_filter;
    QList<store::AuditEntry> m_entries;
};

} // namespace dots::models

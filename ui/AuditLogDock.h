// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDockWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;

namespace dots::models { class AuditLogModel; }

namespace dots::ui {

// Who did what, when, against which server: the operator audit log kept in SQLite across
// restarts, searchable, and exportable to CSV for the incident report.
class AuditLogDock : public QDockWidget
{
    Q_OBJECT
public:
    explicit AuditLogDock(models::AuditLogModel *model, QWidget *parent = nullptr);

    QTableView *view() const { return m_view; }
    QLineEdit *searchEdit() const { return m_search; }
    QComboBox *actionFilter() const { return m_action; }
    // Writes the filtered log to `path`; the outcome is shown in the dock and returned.
    QString exportTo(const QString &path);

private:
    void applyFilter();
    void chooseExportFile();
    void updateEmptyState();
    void showMessage(const QString &text, bool problem = false);

    models::AuditLogModel *m_model;
    QLineEdit *m_search;
    QComboBox *m_action;
    QPushButton *m_export;
    QLabel *m_message;
    QTableView *m_view;
    bool m_showingEmptyState = false;
};

} // namespace dots::ui

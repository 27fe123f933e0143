// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDockWidget>

#include <optional>

class QFormLayout;
class QLabel;
class QPlainTextEdit;
class QStackedWidget;
class QTabWidget;
class QTreeWidget;

namespace dots::models { class MitigationTableModel; }

namespace dots::ui {

// Everything about the selected mitigation: its full scope in words, the statuses it went
// through with their times, and the JSON the server last sent for it. Follows the model
// live, so the pane changes as notifications arrive.
class MitigationDetailDock : public QDockWidget
{
    Q_OBJECT
public:
    explicit MitigationDetailDock(models::MitigationTableModel *model, QWidget *parent = nullptr);

    void showMitigation(std::optional<quint32> mid);
    std::optional<quint32> shownMid() const { return m_mid; }

    // For tests and screenshots.
    QString fieldText(const QString &name) const; // e.g. "targets", "status", "filters"
    QTreeWidget *historyView() const { return m_history; }
    QPlainTextEdit *jsonView() const { return m_json; }
    QTabWidget *tabs() const { return m_tabs; }

private:
    void refresh();
    QLabel *addField(const QString &name, const QString &label);

    models::MitigationTableModel *m_model;
    std::optional<quint32> m_mid;
    QStackedWidget *m_stack;
    QLabel *m_empty;
    QLabel *m_title;
    QTabWidget *m_tabs;
    QFormLayout *m_form;
    QTreeWidget *m_history;
    QPlainTextEdit *m_json;
};

} // namespace dots::ui

#pragma once

#include "data/Alias.h"

#include <QCoro/QCoroTask>
#include <QPointer>
#include <QWidget>

#include <functional>

class QLabel;
class QLineEdit;
class QPushButton;
class QSortFilterProxyModel;
class QStackedWidget;
class QTableView;

namespace dots::data { class DataChannel; }
namespace dots::models { class AliasTableModel; }

namespace dots::ui {

// The client's aliases on the data channel: search, a sortable table, and New / Edit /
// Delete. Every operation runs as a coroutine and reports its outcome in words.
class AliasesPage : public QWidget
{
    Q_OBJECT
public:
    explicit AliasesPage(models::AliasTableModel *model, QWidget *parent = nullptr);

    void setChannel(data::DataChannel *channel);
    // Asks yes/no before deleting; tests replace the message box.
    void setConfirmation(std::function<bool(const QString &)> confirm) { m_confirm = std::move(confirm); }

    QTableView *view() const { return m_view; }
    QLineEdit *searchEdit() const { return m_search; }
    QLabel *statusLabel() const { return m_status; }
    QPushButton *newButton() const { return m_new; }

public slots:
    QCoro::Task<> refresh();
    void openNewDialog();
    void openEditDialog();
    QCoro::Task<> deleteSelected();

signals:
    // An outcome the analyst should notice (success or failure), for the window's notice bar.
    void succeeded(const QString &text);
    void failed(const QString &text);

private:
    QCoro::Task<> save(bool create, data::Alias alias);
    std::optional<int> selectedRow() const;
    void updateState();
    void setStatus(const QString &text, bool problem = false);

    models::AliasTableModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QPointer<data::DataChannel> m_channel;
    QLineEdit *m_search;
    QLabel *m_status;
    QPushButton *m_new;
    QPushButton *m_edit;
    QPushButton *m_delete;
    QPushButton *m_refresh;
    QStackedWidget *m_stack;
    QTableView *m_view;
    QLabel *m_empty;
    std::function<bool(const QString &)> m_confirm;
};

} // namespace dots::ui

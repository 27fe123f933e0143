#pragma once

#include "data/Acl.h"

#include <QCoro/QCoroTask>
#include <QPointer>
#include <QWidget>

#include <functional>

class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSortFilterProxyModel;
class QStackedWidget;
class QTableView;

namespace dots::data { class DataChannel; }
namespace dots::models { class AclTableModel; }
namespace dots::signal { class SignalChannel; }

namespace dots::ui {

// The client's filters (ACLs of the data channel): what the server can filter on, search, a
// table whose rules read like firewall rules, the selected filter's JSON, New / Edit / Delete,
// and one-click "Activate now" / "Deactivate". During an attack these go over the signal
// channel (RFC 9133), which is built to get through a flooded link; in peacetime over the
// data channel.
class FiltersPage : public QWidget
{
    Q_OBJECT
public:
    explicit FiltersPage(models::AclTableModel *model, QWidget *parent = nullptr);

    void setChannel(data::DataChannel *channel);
    void setSignalChannel(signal::SignalChannel *channel);
    // The mitigation to attach an activation change to (e.g. the dashboard's selection);
    // without one, the first active mitigation is used.
    void setPreferredMitigation(std::function<std::optional<quint32>()> provider) { m_preferred = std::move(provider); }
    void setConfirmation(std::function<bool(const QString &)> confirm) { m_confirm = std::move(confirm); }

    QTableView *view() const { return m_view; }
    QLineEdit *searchEdit() const { return m_search; }
    QLabel *statusLabel() const { return m_status; }
    QLabel *capabilitiesLabel() const { return m_capabilities; }
    QPlainTextEdit *jsonView() const { return m_json; }
    QPushButton *activateButton() const { return m_activate; }
    void selectFilter(const QString &name);

public slots:
    QCoro::Task<> refresh();
    void openNewDialog();
    void openEditDialog();
    QCoro::Task<> deleteSelected();
    QCoro::Task<> setSelectedActivation(dots::data::ActivationType type);

signals:
    void succeeded(const QString &text);
    void failed(const QString &text);

private:
    QCoro::Task<> save(bool create, data::Acl acl);
    std::optional<int> selectedRow() const;
    std::optional<quint32> activeMitigation() const;
    void updateState();
    void showCapabilities();
    void setStatus(const QString &text, bool problem = false);

    models::AclTableModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QPointer<data::DataChannel> m_channel;
    QPointer<signal::SignalChannel> m_signal;
    std::function<std::optional<quint32>()> m_preferred;
    std::function<bool(const QString &)> m_confirm;
    QLabel *m_capabilities;
    QLineEdit *m_search;
    QLabel *m_status;
    QPushButton *m_new;
    QPushButton *m_edit;
    QPushButton *m_delete;
    QPushButton *m_activate;
    QPushButton *m_deactivate;
    QPushButton *m_refresh;
    QStackedWidget *m_stack;
    QTableView *m_view;
    QLabel *m_empty;
    QLabel *m_rules;
    QPlainTextEdit *m_json;
};

} // namespace dots::ui

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "DataListPage.h"
#include "data/Acl.h"

class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace dots::models { class AclTableModel; }
namespace dots::signal { class SignalChannel; }

namespace dots::ui {

// The client's filters (ACLs of the data channel): what the server can filter on, search, a
// table whose rules read like firewall rules, the selected filter's JSON, New / Edit / Delete,
// and one-click "Activate now" / "Deactivate". During an attack these go over the signal
// channel (RFC 9133), which is built to get through a flooded link; in peacetime over the
// data channel.
class FiltersPage : public DataListPage
{
    Q_OBJECT
public:
    explicit FiltersPage(models::AclTableModel *model, QWidget *parent = nullptr);

    void setChannel(data::DataChannel *channel);
    void setSignalChannel(signal::SignalChannel *channel);
    // The mitigation to attach an activation change to (e.g. the dashboard's selection);
    // without one, the first active mitigation is used.
    void setPreferredMitigation(std::function<std::optional<quint32>()> provider) { m_preferred = std::move(provider); }

    QLabel *capabilitiesLabel() const { return m_capabilities; }
    QPlainTextEdit *jsonView() const { return m_json; }
    QPushButton *activateButton() const { return m_activate; }
    void selectFilter(const QString &name) { selectName(name); }

public slots:
    QCoro::Task<> refresh() override;
    void openNewDialog() override;
    void openEditDialog() override;
    QCoro::Task<> deleteSelected() override;
    QCoro::Task<> setSelectedActivation(dots::data::ActivationType type);

protected:
    void updateState() override;
    QString noChannelText() const override;
    QString noEntriesText() const override;
    QString noMatchText(const QString &search) const override;
    QString readingText() const override;
    QString readProblemText(const QString &problem) const override;
    QString countText(int count) const override;

private:
    QCoro::Task<> save(bool create, data::Acl acl);
    std::optional<quint32> activeMitigation() const;
    void showCapabilities();

    models::AclTableModel *m_model;
    QPointer<signal::SignalChannel> m_signal;
    std::function<std::optional<quint32>()> m_preferred;
    QLabel *m_capabilities;
    QPushButton *m_activate;
    QPushButton *m_deactivate;
    QLabel *m_rules;
    QPlainTextEdit *m_json;
};

} // namespace dots::ui

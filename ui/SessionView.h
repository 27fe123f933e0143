// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "signal/SessionConfig.h"

#include <QCoro/QCoroTask>
#include <QPointer>
#include <QWidget>

#include <memory>
#include <vector>

class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;

namespace dots::models { class SessionTableModel; }
namespace dots::signal { class SignalChannel; }

namespace dots::ui {

// The signal-channel session: the session row (server, transport, state, RTT, heartbeats),
// then the negotiated mitigating and idle values beside the server's min–max ranges, with
// a field for each to propose a new value. Fields are checked against the ranges as typed;
// Propose sends only a valid proposal, and the server's answer is shown in words.
class SessionView : public QWidget
{
    Q_OBJECT
public:
    SessionView(models::SessionTableModel *sessions, QWidget *parent = nullptr);
    ~SessionView() override;

    void setChannel(signal::SignalChannel *channel);

    // The proposal field of a parameter in a set: set "mitigating" or "idle", parameter by
    // its YANG name ("heartbeat-interval", "ack-timeout", ...).
    QLineEdit *proposalField(const QString &set, const QString &parameter) const;
    // The value in force / the server's range as shown.
    QString shownValue(const QString &set, const QString &parameter) const;
    QString shownRange(const QString &set, const QString &parameter) const;
    QString problem(const QString &set, const QString &parameter) const;
    QPushButton *proposeButton() const { return m_propose; }
    QPushButton *resetButton() const { return m_reset; }
    QPushButton *refreshButton() const { return m_refresh; }
    QString resultText() const;
    QString qBlockText() const;

public slots:
    QCoro::Task<> propose();
    QCoro::Task<> resetToDefaults();
    QCoro::Task<> refresh();

signals:
    // After each answer (or local refusal) of propose/reset/refresh.
    void resultShown(bool ok, const QString &text);
    // The operator changed (or tried to change) the session configuration: for the audit log.
    void configChangeSent(bool reset, bool ok, const QString &summary);

private:
    struct Field;
    void showConfig();
    void revalidate();
    void showResult(bool ok, const QString &text);
    std::optional<signal::SessionConfig> proposal(QStringList *problems);
    void updateButtons();

    models::SessionTableModel *m_sessions;
    QPointer<signal::SignalChannel> m_channel;
    QTableView *m_table;
    QLabel *m_summary;
    QLabel *m_qblock;
    QWidget *m_grid;
    QLabel *m_problems;
    QLabel *m_result;
    QPushButton *m_propose;
    QPushButton *m_reset;
    QPushButton *m_refresh;
    std::vector<std::unique_ptr<Field>> m_fields;
    bool m_busy = false;
    bool m_valid = false;
    bool m_changed = false;
};

} // namespace dots::ui

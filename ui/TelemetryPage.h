// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QPointer>
#include <QWidget>

class QButtonGroup;
class QLabel;
class QListView;
class QPushButton;

namespace dots::models { class TelemetryModel; }
namespace dots::signal { class SignalChannel; }

namespace dots::ui {

class AttackDetailsView;
class TelemetryChartView;
class TopTalkersView;

// The telemetry dashboard: attacked targets on the left; for the selected one its traffic
// chart (live), attack details and top talkers. Exports the chart as PNG and its data as
// CSV, and opens the telemetry setup forms.
class TelemetryPage : public QWidget
{
    Q_OBJECT
public:
    explicit TelemetryPage(models::TelemetryModel *model, QWidget *parent = nullptr);

    void setChannel(signal::SignalChannel *channel);
    void selectTarget(const QString &key);
    QString selectedTarget() const;

    TelemetryChartView *chart() const { return m_chart; }
    TopTalkersView *topTalkers() const { return m_talkers; }
    AttackDetailsView *attackDetails() const { return m_details; }
    QListView *targets() const { return m_targets; }

    // Without a dialog, for tests and scripts; return an empty string or the problem.
    QString exportPng(const QString &path) const;
    QString exportCsv(const QString &path) const;
    void openSetupDialog();

signals:
    void message(const QString &text, bool problem);

private:
    void showDetails();
    void chooseExportPng();
    void chooseExportCsv();

    models::TelemetryModel *m_model;
    QPointer<signal::SignalChannel> m_channel;
    QListView *m_targets;
    QLabel *m_emptyHint;
    TelemetryChartView *m_chart;
    AttackDetailsView *m_details;
    TopTalkersView *m_talkers;
    QPushButton *m_liveButton;
    QPushButton *m_setupButton;
};

} // namespace dots::ui

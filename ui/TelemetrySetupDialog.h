// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "signal/TelemetrySetup.h"

#include <QCoro/QCoroTask>
#include <QDialog>
#include <QPointer>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QSpinBox;

namespace dots::signal { class SignalChannel; }

namespace dots::ui {

// The telemetry setup forms (RFC 9244 section 6): the telemetry configuration (measurement
// interval and sample, percentiles, unit classes, server-originated telemetry, notify
// interval) against the server's announced ranges; the pipe capacity of the client's links;
// and a traffic baseline of a target. Each form is checked as it is typed with the checks the
// channel runs, the problem is shown under it, and its Send button stays off until it would
// be accepted locally. The setups the server holds are listed and can be deleted.
class TelemetrySetupDialog : public QDialog
{
    Q_OBJECT
public:
    explicit TelemetrySetupDialog(signal::SignalChannel *channel, QWidget *parent = nullptr);

    // What the forms describe now.
    signal::TelemetrySetup configurationSetup() const;
    signal::TelemetrySetup pipeSetup() const;
    signal::TelemetrySetup baselineSetup() const;
    QString configurationProblem() const;
    QString pipeProblem() const;
    QString baselineProblem() const;

    QCoro::Task<> send(signal::TelemetrySetup setup);
    QCoro::Task<> deleteSelected();

signals:
    void message(const QString &text, bool problem);

private:
    QWidget *buildConfigurationForm();
    QWidget *buildPipeForm();
    QWidget *buildBaselineForm();
    void validate();
    void showServerState();

    QPointer<signal::SignalChannel> m_channel;
    // configuration
    QComboBox *m_interval;
    QComboBox *m_sample;
    QDoubleSpinBox *m_low;
    QDoubleSpinBox *m_mid;
    QDoubleSpinBox *m_high;
    QCheckBox *m_unitPackets;
    QCheckBox *m_unitBits;
    QCheckBox *m_unitBytes;
    QCheckBox *m_serverOriginated;
    QSpinBox *m_notifyInterval;
    QLabel *m_ranges;
    QLabel *m_configError;
    QPushButton *m_sendConfig;
    // pipe capacity
    QLineEdit *m_linkId;
    QLineEdit *m_capacity;
    QComboBox *m_capacityUnit;
    QListWidget *m_links;
    QList<signal::PipeCapacity> m_pipes;
    QLabel *m_pipeError;
    QPushButton *m_sendPipe;
    // baseline
    QSpinBox *m_baselineId;
    QLineEdit *m_baselinePrefixes;
    QLineEdit *m_normalMid;
    QLineEdit *m_normalPeak;
    QLineEdit *m_connections;
    QLineEdit *m_embryonic;
    QLabel *m_baselineError;
    QPushButton *m_sendBaseline;
    // the server's setups
    QListWidget *m_setups;
    QPushButton *m_delete;
    int m_busy = 0;
};

} // namespace dots::ui

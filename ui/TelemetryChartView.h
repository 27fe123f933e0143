// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QChartView>
#include <QPointer>
#include <QTimer>

class QDateTimeAxis;
class QLineSeries;
class QValueAxis;

namespace dots::models {
class TelemetryModel;
struct TelemetryHistory;
}

namespace dots::ui {

// Traffic of one target over time: total, attack and dropped, with the client's pipe
// capacity as a dashed line so saturation shows at a glance. The time axis follows the
// newest sample ("live") until the analyst zooms (wheel, rubber band) or pans (drag, arrow
// keys); Home or double-click goes back to live. The value axis rescales to the data in
// view and names its unit (bit/s, kbit/s ... or pps, kpps ...). New samples are drawn at most
// every refresh interval (200 ms): with 50 mitigations notifying, redrawing per notification
// would cost more than the notifications themselves.
class TelemetryChartView : public QChartView
{
    Q_OBJECT
public:
    explicit TelemetryChartView(QWidget *parent = nullptr);

    void setModel(models::TelemetryModel *model);
    void setKey(const QString &key); // which target; empty: none
    QString key() const { return m_key; }
    void setPackets(bool packets);   // packets/s instead of bit/s
    bool packets() const { return m_packets; }
    // Width of the live window, seconds.
    void setWindowSeconds(int seconds);
    bool isLive() const { return m_live; }
    // Redraws from the model now instead of at the next refresh tick.
    void refresh() { reload(); }
    void goLive();

    QLineSeries *series(int which) const { return m_series[which]; }
    QLineSeries *pipeSeries() const { return m_pipe; }
    QDateTimeAxis *timeAxis() const { return m_timeAxis; }
    QValueAxis *valueAxis() const { return m_valueAxis; }
    QString unitLabel() const { return m_unit; }

    // The chart as PNG, at its size on screen.
    bool savePng(const QString &path);

signals:
    void liveChanged(bool live);

protected:
    void wheelEvent(QWheelEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;

private:
    void reload();               // all points from the history
    void appendLatest(int row);  // one new sample, or the merged last one: redraw soon
    void rescale();
    void setLive(bool live);
    void leaveLive();
    const models::TelemetryHistory *history() const;

    QPointer<models::TelemetryModel> m_model;
    QString m_key;
    bool m_packets = false;
    bool m_live = true;
    qint64 m_windowMs = 10 * 60 * 1000;
    qint64 m_lastTimeMs = 0;
    QLineSeries *m_series[3] = {};
    QLineSeries *m_pipe = nullptr;
    QDateTimeAxis *m_timeAxis = nullptr;
    QValueAxis *m_valueAxis = nullptr;
    QString m_unit;
    double m_divisor = 1;
    QTimer m_refresh;
    QPoint m_dragFrom;
    bool m_dragging = false;
};

} // namespace dots::ui

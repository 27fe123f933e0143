// SPDX-License-Identifier: GPL-3.0-or-later
#include "TelemetryChartView.h"

#include "models/TelemetryModel.h"
#include "models/TrafficUnits.h"

#include <QDateTimeAxis>
#include <QLineSeries>
#include <QValueAxis>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

namespace dots::ui {

using models::TelemetrySample;

namespace {
// Which series is which colour: the analyst reads red as attack, green as scrubbed.
const QColor kColours[] = {QColor(0x1f, 0x77, 0xb4), QColor(0xd6, 0x27, 0x28), QColor(0x2c, 0xa0, 0x2c)};
}

TelemetryChartView::TelemetryChartView(QWidget *parent) : QChartView(new QChart, parent)
{
    setObjectName(QStringLiteral("telemetryChart"));
    setRenderHint(QPainter::Antialiasing);
    setRubberBand(QChartView::HorizontalRubberBand);
    setFocusPolicy(Qt::StrongFocus);
    QChart *c = chart();
    c->setMargins(QMargins(4, 4, 4, 4));
    c->legend()->setAlignment(Qt::AlignBottom);
    const QString names[] = {tr("Total traffic"), tr("Attack traffic"), tr("Dropped by mitigation")};
    for (int i = 0; i < 3; ++i) {
        m_series[i] = new QLineSeries(c);
        m_series[i]->setName(names[i]);
        QPen pen(kColours[i]);
        pen.setWidthF(i == TelemetrySample::Attack ? 2.5 : 2.0);
        m_series[i]->setPen(pen);
        c->addSeries(m_series[i]);
    }
    m_pipe = new QLineSeries(c);
    m_pipe->setName(tr("Pipe capacity"));
    QPen pipePen(QColor(0x55, 0x55, 0x55));
    pipePen.setStyle(Qt::DashLine);
    pipePen.setWidthF(1.5);
    m_pipe->setPen(pipePen);
    c->addSeries(m_pipe);

    m_timeAxis = new QDateTimeAxis(c);
    m_timeAxis->setFormat(QStringLiteral("HH:mm:ss"));
    m_timeAxis->setTitleText(tr("Time (UTC)"));
    m_timeAxis->setTickCount(7);
    m_valueAxis = new QValueAxis(c);
    m_valueAxis->setLabelFormat(QStringLiteral("%.3g"));
    m_valueAxis->setMin(0);
    c->addAxis(m_timeAxis, Qt::AlignBottom);
    c->addAxis(m_valueAxis, Qt::AlignLeft);
    for (QLineSeries *s : {m_series[0], m_series[1], m_series[2], m_pipe}) {
        s->attachAxis(m_timeAxis);
        s->attachAxis(m_valueAxis);
    }
    m_refresh.setSingleShot(true);
    m_refresh.setInterval(200);
    connect(&m_refresh, &QTimer::timeout, this, &TelemetryChartView::reload);
    reload();
}

void TelemetryChartView::setModel(models::TelemetryModel *model)
{
    if (m_model)
        disconnect(m_model, nullptr, this, nullptr);
    m_model = model;
    if (model) {
        connect(model, &models::TelemetryModel::sampleAdded, this, &TelemetryChartView::appendLatest);
        connect(model, &models::TelemetryModel::pipeCapacityChanged, this, &TelemetryChartView::rescale);
        connect(model, &QAbstractItemModel::modelReset, this, &TelemetryChartView::reload);
    }
    reload();
}

void TelemetryChartView::setKey(const QString &key)
{
    if (key == m_key)
        return;
    m_key = key;
    m_live = true;
    reload();
}

void TelemetryChartView::setPackets(bool packets)
{
    if (packets == m_packets)
        return;
    m_packets = packets;
    reload();
}

void TelemetryChartView::setWindowSeconds(int seconds)
{
    m_windowMs = qint64(std::max(10, seconds)) * 1000;
    rescale();
}

const models::TelemetryHistory *TelemetryChartView::history() const
{
    return m_model ? m_model->history(m_key) : nullptr;
}

// Values in the chart are in the axis unit; a NaN (not reported) breaks nothing but is
// left out, so lines join the reported points.
void TelemetryChartView::reload()
{
    const models::TelemetryHistory *h = history();
    // Pick the unit from the whole history first, so points go in already scaled.
    double top = 0;
    if (h)
        for (int s = 0; s < TelemetrySample::SeriesCount; ++s)
            top = std::max(top, h->maxOf(TelemetrySample::Series(s), m_packets));
    const models::RateScale scale = models::rateScaleFor(top, m_packets);
    m_divisor = scale.divisor;
    m_unit = scale.unit;
    for (int s = 0; s < TelemetrySample::SeriesCount; ++s) {
        QList<QPointF> points;
        if (h) {
            points.reserve(h->samples.size());
            for (qsizetype i = 0; i < h->samples.size(); ++i) {
                const TelemetrySample &sample = h->samples.at(i);
                const float v = sample.value(TelemetrySample::Series(s), m_packets);
                if (TelemetrySample::known(v))
                    points.append(QPointF(double(sample.timeMs), double(v) / m_divisor));
            }
        }
        m_series[s]->replace(points);
    }
    m_lastTimeMs = h && !h->samples.isEmpty() ? h->samples.last().timeMs : QDateTime::currentMSecsSinceEpoch();
    chart()->setTitle(h ? h->key : tr("No target selected"));
    rescale();
}

void TelemetryChartView::appendLatest(int row)
{
    if (!m_model || m_model->rowOfKey(m_key) != row)
        return;
    if (!m_refresh.isActive())
        m_refresh.start();
}

void TelemetryChartView::rescale()
{
    const double pipe = m_model ? (m_packets ? m_model->pipeCapacityPackets() : m_model->pipeCapacityBits()) : 0;
    if (m_live) {
        const qint64 end = m_lastTimeMs;
        m_timeAxis->setRange(QDateTime::fromMSecsSinceEpoch(end - m_windowMs, Qt::UTC),
                             QDateTime::fromMSecsSinceEpoch(end + m_windowMs / 30, Qt::UTC));
    }
    const qint64 from = m_timeAxis->min().toMSecsSinceEpoch();
    const qint64 to = m_timeAxis->max().toMSecsSinceEpoch();
    // Top of the value axis: the largest value in view (and the pipe, if it is close).
    double top = 0;
    for (QLineSeries *s : m_series) {
        const QList<QPointF> points = s->points();
        for (const QPointF &p : points)
            if (p.x() >= double(from) && p.x() <= double(to))
                top = std::max(top, p.y());
    }
    const double pipeScaled = pipe / m_divisor;
    if (pipe > 0 && pipeScaled < top * 3)
        top = std::max(top, pipeScaled);
    m_pipe->clear();
    if (pipe > 0) {
        m_pipe->append(double(from), pipeScaled);
        m_pipe->append(double(to), pipeScaled);
    }
    m_valueAxis->setRange(0, top > 0 ? top * 1.15 : 1.0);
    m_valueAxis->applyNiceNumbers();
    m_valueAxis->setTitleText(m_unit);
}

void TelemetryChartView::setLive(bool live)
{
    if (m_live == live)
        return;
    m_live = live;
    emit liveChanged(live);
}

void TelemetryChartView::leaveLive()
{
    setLive(false);
}

void TelemetryChartView::goLive()
{
    setLive(true);
    rescale();
}

void TelemetryChartView::wheelEvent(QWheelEvent *event)
{
    // Zoom the time axis around the pointer.
    const qint64 from = m_timeAxis->min().toMSecsSinceEpoch();
    const qint64 to = m_timeAxis->max().toMSecsSinceEpoch();
    const QPointF at = chart()->mapToValue(chart()->mapFromScene(mapToScene(event->position().toPoint())), m_series[0]);
    const double factor = event->angleDelta().y() > 0 ? 0.8 : 1.25;
    const double centre = std::clamp(at.x(), double(from), double(to));
    const qint64 newFrom = qint64(centre - (centre - double(from)) * factor);
    const qint64 newTo = qint64(centre + (double(to) - centre) * factor);
    if (newTo - newFrom < 5000)
        return;
    leaveLive();
    m_timeAxis->setRange(QDateTime::fromMSecsSinceEpoch(newFrom, Qt::UTC), QDateTime::fromMSecsSinceEpoch(newTo, Qt::UTC));
    rescale();
    event->accept();
}

void TelemetryChartView::mousePressEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton && !(event->modifiers() & Qt::ShiftModifier)) {
        m_dragging = true;
        m_dragFrom = event->position().toPoint();
        event->accept();
        return;
    }
    // Shift+drag: rubber band zoom.
    leaveLive();
    QChartView::mousePressEvent(event);
}

void TelemetryChartView::mouseMoveEvent(QMouseEvent *event)
{
    if (m_dragging) {
        const QPoint now = event->position().toPoint();
        chart()->scroll(double(m_dragFrom.x() - now.x()), 0);
        m_dragFrom = now;
        leaveLive();
        rescale();
        event->accept();
        return;
    }
    QChartView::mouseMoveEvent(event);
}

void TelemetryChartView::mouseReleaseEvent(QMouseEvent *event)
{
    if (m_dragging) {
        m_dragging = false;
        event->accept();
        return;
    }
    QChartView::mouseReleaseEvent(event);
    rescale();
}

void TelemetryChartView::mouseDoubleClickEvent(QMouseEvent *event)
{
    goLive();
    event->accept();
}

void TelemetryChartView::keyPressEvent(QKeyEvent *event)
{
    switch (event->key()) {
    case Qt::Key_Left:
        chart()->scroll(-chart()->plotArea().width() / 10, 0);
        leaveLive();
        rescale();
        break;
    case Qt::Key_Right:
        chart()->scroll(chart()->plotArea().width() / 10, 0);
        leaveLive();
        rescale();
        break;
    case Qt::Key_Plus:
        chart()->zoom(1.25);
        leaveLive();
        rescale();
        break;
    case Qt::Key_Minus:
        chart()->zoom(0.8);
        leaveLive();
        rescale();
        break;
    case Qt::Key_Home:
        goLive();
        break;
    default:
        QChartView::keyPressEvent(event);
    }
}

bool TelemetryChartView::savePng(const QString &path)
{
    return grab().save(path, "PNG");
}

} // namespace dots::ui

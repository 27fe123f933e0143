// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/TelemetryModel.h"

#include "models/TrafficUnits.h"
#include "signal/SignalChannel.h"
#include "signal/TargetText.h"

#include <QSet>

namespace dots::models {

using signal::PercentileKind;
using Series = TelemetrySample::Series;

namespace {
constexpr float kUnknown = TelemetrySample::kUnknown;

std::pair<float, PercentileKind> rate(const QList<signal::TrafficValues> &list, bool packets)
{
    if (const auto r = signal::rateOf(list, packets))
        return {float(r->baseRate), r->kind};
    return {kUnknown, PercentileKind::Current};
}
} // namespace

TelemetryModel::TelemetryModel(QObject *parent) : QAbstractListModel(parent) {}

TelemetryModel::~TelemetryModel() = default;

QString TelemetryModel::keyOf(const dots::Target &target)
{
    return signal::describeTarget(target);
}

void TelemetryModel::attach(signal::SignalChannel *channel)
{
    for (const auto &c : m_connections)
        disconnect(c);
    m_connections.clear();
    m_channel = channel;
    if (!channel)
        return;
    m_connections << connect(channel, &signal::SignalChannel::telemetryReceived, this,
                             [this](const QList<signal::TelemetryReport> &reports) {
                                 addServerTelemetry(reports, QDateTime::currentDateTimeUtc());
                             });
    m_connections << connect(channel, &signal::SignalChannel::mitigationChanged, this,
                             [this](const signal::MitigationStatus &s) { addMitigationStatus(s, QDateTime::currentDateTimeUtc()); });
    m_connections << connect(channel, &signal::SignalChannel::mitigationRemoved, this,
                             [this](quint32 mid) { mitigationEnded(mid, QDateTime::currentDateTimeUtc()); });
    m_connections << connect(channel, &signal::SignalChannel::telemetrySetupChanged, this, [this] {
        if (m_channel && m_channel->telemetrySetup())
            setPipeCapacities(m_channel->telemetrySetup()->pipes());
    });
    for (const auto &s : channel->mitigations())
        addMitigationStatus(s, QDateTime::currentDateTimeUtc());
    if (channel->telemetrySetup())
        setPipeCapacities(channel->telemetrySetup()->pipes());
}

void TelemetryModel::setHistoryCapacity(qsizetype samples)
{
    m_capacity = std::max<qsizetype>(2, samples);
}

TelemetryHistory &TelemetryModel::historyFor(const QString &key, int *row)
{
    const int existing = rowOfKey(key);
    if (existing >= 0) {
        *row = existing;
        return *m_rows[std::size_t(existing)];
    }
    const int r = int(m_rows.size());
    beginInsertRows({}, r, r);
    auto h = std::make_unique<TelemetryHistory>(m_capacity);
    h->key = key;
    m_rows.push_back(std::move(h));
    endInsertRows();
    *row = r;
    return *m_rows.back();
}

void TelemetryModel::update(int row, TelemetryHistory &h, qint64 timeMs,
                            std::initializer_list<std::pair<Series, std::pair<float, float>>> values,
                            std::optional<PercentileKind> totalKind, std::optional<PercentileKind> attackKind)
{
    // Carry the other series forward, so each sample is a full picture at its time.
    TelemetrySample sample;
    const bool merge = !h.samples.isEmpty() && timeMs - h.samples.last().timeMs < m_mergeWindowMs
        && timeMs >= h.samples.last().timeMs;
    if (!h.samples.isEmpty())
        sample = h.samples.last();
    sample.timeMs = merge ? h.samples.last().timeMs : timeMs;
    for (const auto &[series, v] : values) {
        sample.bits[series] = v.first;
        sample.packets[series] = v.second;
    }
    if (totalKind)
        sample.kind[Series::Total] = *totalKind;
    if (attackKind)
        sample.kind[Series::Attack] = *attackKind;
    if (merge)
        h.samples.last() = sample;
    else
        h.samples.append(sample);
    h.lastUpdate = QDateTime::fromMSecsSinceEpoch(timeMs, Qt::UTC);
    emit sampleAdded(row);
    const QModelIndex i = index(row);
    emit dataChanged(i, i, {AttackBitsRole, LastUpdateRole, Qt::DisplayRole});
}

void TelemetryModel::addReport(const signal::TelemetryReport &report, const QDateTime &time)
{
    int row = -1;
    TelemetryHistory &h = historyFor(keyOf(report.target), &row);
    // The mitigations the report names belong to this target from now on, so their dropped
    // traffic shows on the same chart as the attack they scrub.
    for (quint32 mid : report.midList) {
        if (!h.mids.contains(mid))
            h.mids << mid;
        m_keyOfMid.insert(mid, h.key);
    }
    const auto [totalBits, totalKind] = rate(report.totalTraffic, false);
    const auto [totalPackets, totalPacketKind] = rate(report.totalTraffic, true);
    const auto [attackBits, attackKind] = rate(report.totalAttackTraffic, false);
    const auto [attackPackets, attackPacketKind] = rate(report.totalAttackTraffic, true);
    update(row, h, time.toMSecsSinceEpoch(),
           {{Series::Total, {totalBits, totalPackets}}, {Series::Attack, {attackBits, attackPackets}}},
           totalKind, attackKind);
    if (!report.attackDetails.isEmpty() && report.attackDetails != h.attackDetails) {
        h.attackDetails = report.attackDetails;
        emit detailsChanged(row);
        const QModelIndex i = index(row);
        emit dataChanged(i, i, {SeverityRole});
    }
}

void TelemetryModel::addServerTelemetry(const QList<signal::TelemetryReport> &reports, const QDateTime &time)
{
    QSet<QString> listed;
    for (const auto &r : reports) {
        listed.insert(keyOf(r.target));
        addReport(r, time);
        m_rows[std::size_t(rowOfKey(keyOf(r.target)))]->fromServerTelemetry = true;
    }
    // An attack the server stopped reporting is over: its traffic goes to zero on the chart.
    for (std::size_t i = 0; i < m_rows.size(); ++i) {
        TelemetryHistory &h = *m_rows[i];
        if (!h.fromServerTelemetry || listed.contains(h.key))
            continue;
        if (!h.samples.isEmpty() && h.samples.last().bits[Series::Attack] == 0.0f)
            continue;
        update(int(i), h, time.toMSecsSinceEpoch(), {{Series::Attack, {0.0f, 0.0f}}}, std::nullopt, std::nullopt);
    }
}

void TelemetryModel::addMitigationStatus(const signal::MitigationStatus &status, const QDateTime &time)
{
    if (!status.target.identifiesResource() && !m_keyOfMid.contains(status.mid))
        return;
    const QString key = m_keyOfMid.value(status.mid, keyOf(status.target));
    m_keyOfMid.insert(status.mid, key);
    int row = -1;
    TelemetryHistory &h = historyFor(key, &row);
    if (!h.mids.contains(status.mid))
        h.mids << status.mid;
    const bool active = status.isActive();
    const float droppedBits = active && status.bpsDropped ? float(*status.droppedBitsPerSecond()) : active ? kUnknown : 0.0f;
    const float droppedPackets = active && status.ppsDropped ? float(*status.ppsDropped) : active ? kUnknown : 0.0f;
    // Efficacy telemetry, if the server sends it, says what still arrives; else keep the
    // server's tm figures.
    if (!status.totalTraffic.isEmpty() || !status.totalAttackTraffic.isEmpty()) {
        const auto [totalBits, totalKind] = rate(status.totalTraffic, false);
        const auto [totalPackets, unusedTotal] = rate(status.totalTraffic, true);
        const auto [attackBits, attackKind] = rate(status.totalAttackTraffic, false);
        const auto [attackPackets, unusedAttack] = rate(status.totalAttackTraffic, true);
        update(row, h, time.toMSecsSinceEpoch(),
               {{Series::Dropped, {droppedBits, droppedPackets}}, {Series::Total, {totalBits, totalPackets}},
                {Series::Attack, {attackBits, attackPackets}}},
               totalKind, attackKind);
    } else {
        update(row, h, time.toMSecsSinceEpoch(), {{Series::Dropped, {droppedBits, droppedPackets}}}, std::nullopt,
               std::nullopt);
    }
    if (!status.attackDetails.isEmpty() && status.attackDetails != h.attackDetails) {
        h.attackDetails = status.attackDetails;
        emit detailsChanged(row);
    }
}

void TelemetryModel::mitigationEnded(quint32 mid, const QDateTime &time)
{
    const auto it = m_keyOfMid.constFind(mid);
    if (it == m_keyOfMid.cend())
        return;
    const int row = rowOfKey(*it);
    m_keyOfMid.erase(it);
    if (row < 0)
        return;
    TelemetryHistory &h = *m_rows[std::size_t(row)];
    h.mids.removeAll(mid);
    update(row, h, time.toMSecsSinceEpoch(), {{Series::Dropped, {0.0f, 0.0f}}}, std::nullopt, std::nullopt);
}

void TelemetryModel::setPipeCapacities(const QList<signal::PipeCapacity> &pipes)
{
    double bits = 0, packets = 0;
    for (const auto &p : pipes) {
        if (!p.unit.isValid())
            continue;
        (p.unit.isPackets() ? packets : bits) += p.unit.toBaseRate(p.capacity);
    }
    if (bits == m_pipeBits && packets == m_pipePackets)
        return;
    m_pipeBits = bits;
    m_pipePackets = packets;
    emit pipeCapacityChanged();
}

void TelemetryModel::clear()
{
    beginResetModel();
    m_rows.clear();
    m_keyOfMid.clear();
    endResetModel();
}

int TelemetryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant TelemetryModel::data(const QModelIndex &index, int role) const
{
    const TelemetryHistory *h = history(index.row());
    if (!h || index.column() != 0)
        return {};
    const float attack = h->samples.isEmpty() ? kUnknown : h->samples.last().bits[Series::Attack];
    switch (role) {
    case Qt::DisplayRole:
        if (!TelemetrySample::known(attack))
            return h->key;
        return tr("%1 — attack %2").arg(h->key, formatBitRate(attack));
    case KeyRole:
        return h->key;
    case AttackBitsRole:
        return double(attack);
    case SeverityRole: {
        int worst = 0;
        for (const auto &d : h->attackDetails)
            if (d.severity && *d.severity != signal::AttackSeverity::Unknown)
                worst = std::max(worst, int(*d.severity));
        return worst;
    }
    case LastUpdateRole:
        return h->lastUpdate;
    default:
        return {};
    }
}

int TelemetryModel::rowOfKey(const QString &key) const
{
    for (std::size_t i = 0; i < m_rows.size(); ++i)
        if (m_rows[i]->key == key)
            return int(i);
    return -1;
}

const TelemetryHistory *TelemetryModel::history(int row) const
{
    return row >= 0 && std::size_t(row) < m_rows.size() ? m_rows[std::size_t(row)].get() : nullptr;
}

const TelemetryHistory *TelemetryModel::history(const QString &key) const
{
    return history(rowOfKey(key));
}

qsizetype TelemetryModel::reservedBytes() const
{
    qsizetype bytes = 0;
    for (const auto &h : m_rows)
        bytes += h->samples.capacity() * qsizetype(sizeof(TelemetrySample));
    return bytes;
}

} // namespace dots::models

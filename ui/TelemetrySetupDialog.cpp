// SPDX-License-Identifier: GPL-3.0-or-later
#include "TelemetrySetupDialog.h"

#include "signal/SignalChannel.h"
#include "signal/TargetText.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHash>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSpinBox>
#include <QTabWidget>
#include <QVBoxLayout>

namespace dots::ui {

using dots::Decimal64;
using signal::TelemetrySetup;

namespace {

QLabel *errorLabel(QWidget *parent, const QString &name)
{
    auto *label = new QLabel(parent);
    label->setObjectName(name);
    label->setWordWrap(true);
    label->setStyleSheet(QStringLiteral("color: #c62828;"));
    return label;
}

QString firstProblem(const dots::ValidationErrors &errors)
{
    return errors.isEmpty() ? QString() : errors.first().toString();
}

// "500" -> 500; empty -> nullopt; anything else -> error text.
std::optional<quint64> readCount(const QLineEdit *edit, const QString &what, QString *problem)
{
    const QString text = edit->text().trimmed();
    if (text.isEmpty())
        return std::nullopt;
    bool ok = false;
    const qulonglong v = text.toULongLong(&ok);
    if (!ok && problem->isEmpty())
        *problem = QObject::tr("%1: \"%2\" is not a whole number").arg(what, text);
    return ok ? std::optional<quint64>(v) : std::nullopt;
}

// RFC 9244's interval and sample periods ("hour", "5-seconds") as an analyst says them.
QString periodText(const char *yangName)
{
    static const QHash<QByteArray, const char *> texts{
        {"second", QT_TRANSLATE_NOOP("dots::ui::TelemetrySetupDialog", "1 second")},
        {"5-seconds", QT_TRANSLATE_NOOP("dots::ui::TelemetrySetupDialog", "5 seconds")},
        {"30-seconds", QT_TRANSLATE_NOOP("dots::ui::TelemetrySetupDialog", "30 seconds")},
        {"minute", QT_TRANSLATE_NOOP("dots::ui::TelemetrySetupDialog", "1 minute")},
        {"5-minutes", QT_TRANSLATE_NOOP("dots::ui::TelemetrySetupDialog", "5 minutes")},
        {"10-minutes", QT_TRANSLATE_NOOP("dots::ui::TelemetrySetupDialog", "10 minutes")},
        {"30-minutes", QT_TRANSLATE_NOOP("dots::ui::TelemetrySetupDialog", "30 minutes")},
        {"hour", QT_TRANSLATE_NOOP("dots::ui::TelemetrySetupDialog", "1 hour")},
        {"day", QT_TRANSLATE_NOOP("dots::ui::TelemetrySetupDialog", "1 day")},
        {"week", QT_TRANSLATE_NOOP("dots::ui::TelemetrySetupDialog", "1 week")},
        {"month", QT_TRANSLATE_NOOP("dots::ui::TelemetrySetupDialog", "1 month")},
    };
    const char *text = texts.value(QByteArray(yangName));
    return text ? TelemetrySetupDialog::tr(text) : QString::fromLatin1(yangName);
}

// A pipe's unit ("gigabit-ps") as traffic figures are written elsewhere: "Gbit/s".
QString unitText(signal::TrafficUnit unit)
{
    switch (unit.value) {
    case 1: return TelemetrySetupDialog::tr("packets/s");
    case 2: return QStringLiteral("bit/s");
    case 4: return TelemetrySetupDialog::tr("thousand packets/s");
    case 5: return QStringLiteral("kbit/s");
    case 7: return TelemetrySetupDialog::tr("million packets/s");
    case 8: return QStringLiteral("Mbit/s");
    case 10: return TelemetrySetupDialog::tr("billion packets/s");
    case 11: return QStringLiteral("Gbit/s");
    case 14: return QStringLiteral("Tbit/s");
    default: return unit.yangName();
    }
}

QString describeSetup(const TelemetrySetup &s)
{
    switch (s.kind()) {
    case TelemetrySetup::Kind::Configuration:
        return QObject::tr("tsid %1: configuration, notify every %2 s, server telemetry %3")
            .arg(s.tsid)
            .arg(s.currentConfig->notifyInterval ? QString::number(*s.currentConfig->notifyInterval) : QObject::tr("(default)"))
            .arg(s.currentConfig->serverOriginatedTelemetry.value_or(false) ? QObject::tr("on") : QObject::tr("off"));
    case TelemetrySetup::Kind::PipeCapacity: {
        QStringList links;
        for (const auto &p : s.pipes)
            links << QStringLiteral("%1 %2 %3").arg(p.linkId.isEmpty() ? QObject::tr("(link)") : p.linkId).arg(p.capacity).arg(unitText(p.unit));
        return QObject::tr("tsid %1: pipe capacity %2").arg(s.tsid).arg(links.join(QStringLiteral(", ")));
    }
    case TelemetrySetup::Kind::Baseline: {
        QStringList targets;
        for (const auto &b : s.baselines)
            targets << signal::describeTarget(b.target);
        return QObject::tr("tsid %1: baseline of %2").arg(s.tsid).arg(targets.join(QStringLiteral("; ")));
    }
    case TelemetrySetup::Kind::Empty:
        break;
    }
    return QObject::tr("tsid %1: empty").arg(s.tsid);
}

} // namespace

TelemetrySetupDialog::TelemetrySetupDialog(signal::SignalChannel *channel, QWidget *parent)
    : QDialog(parent), m_channel(channel)
{
    setObjectName(QStringLiteral("telemetrySetupDialog"));
    setWindowTitle(tr("Telemetry setup"));
    auto *tabs = new QTabWidget(this);
    tabs->addTab(buildConfigurationForm(), tr("Configuration"));
    tabs->addTab(buildPipeForm(), tr("Pipe capacity"));
    tabs->addTab(buildBaselineForm(), tr("Baseline"));

    m_setups = new QListWidget(this);
    m_setups->setObjectName(QStringLiteral("telemetrySetups"));
    m_delete = new QPushButton(tr("Delete selected"), this);
    auto *deleteAll = new QPushButton(tr("Delete all"), this);
    connect(m_delete, &QPushButton::clicked, this, [this] { deleteSelected(); });
    connect(deleteAll, &QPushButton::clicked, this, [this] {
        if (!m_channel)
            return;
        [](QPointer<TelemetrySetupDialog> self) -> QCoro::Task<> {
            auto deleted = self->m_channel->deleteTelemetrySetup(std::nullopt);
            auto result = co_await deleted;
            if (!self)
                co_return;
            emit self->message(result.ok() ? tr("All telemetry setups deleted") : result.error().message, !result.ok());
            self->showServerState();
        }(this);
    });
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(tabs);
    layout->addWidget(new QLabel(tr("Setups on the server"), this));
    layout->addWidget(m_setups);
    auto *row = new QHBoxLayout;
    row->addStretch(1);
    row->addWidget(m_delete);
    row->addWidget(deleteAll);
    layout->addLayout(row);
    layout->addWidget(buttons);

    if (channel)
        connect(channel, &signal::SignalChannel::telemetrySetupChanged, this, &TelemetrySetupDialog::showServerState);
    showServerState();
    validate();
    resize(620, 640);
}

QWidget *TelemetrySetupDialog::buildConfigurationForm()
{
    auto *page = new QWidget(this);
    auto *form = new QFormLayout(page);
    m_interval = new QComboBox(page);
    for (const auto &v : signal::measurementIntervalNames())
        m_interval->addItem(periodText(v.name), v.value);
    m_interval->setCurrentIndex(3); // hour
    m_sample = new QComboBox(page);
    for (const auto &v : signal::measurementSampleNames())
        m_sample->addItem(periodText(v.name), v.value);
    m_sample->setCurrentIndex(1); // 5-seconds
    auto percentile = [page](double value) {
        auto *s = new QDoubleSpinBox(page);
        s->setRange(0, 100);
        s->setDecimals(2);
        s->setSuffix(QStringLiteral(" %"));
        s->setValue(value);
        return s;
    };
    m_low = percentile(10);
    m_mid = percentile(50);
    m_high = percentile(90);
    m_unitPackets = new QCheckBox(tr("packets/s"), page);
    m_unitBits = new QCheckBox(tr("bits/s"), page);
    m_unitBytes = new QCheckBox(tr("bytes/s"), page);
    m_unitPackets->setChecked(true);
    m_unitBits->setChecked(true);
    auto *units = new QHBoxLayout;
    units->addWidget(m_unitPackets);
    units->addWidget(m_unitBits);
    units->addWidget(m_unitBytes);
    m_serverOriginated = new QCheckBox(tr("The server sends its own telemetry"), page);
    m_serverOriginated->setChecked(true);
    m_notifyInterval = new QSpinBox(page);
    m_notifyInterval->setObjectName(QStringLiteral("notifyInterval"));
    m_notifyInterval->setRange(0, 3600);
    m_notifyInterval->setSuffix(tr(" s"));
    m_notifyInterval->setValue(5);
    m_ranges = new QLabel(page);
    m_ranges->setWordWrap(true);
    m_configError = errorLabel(page, QStringLiteral("configError"));
    m_sendConfig = new QPushButton(tr("Send configuration"), page);
    connect(m_sendConfig, &QPushButton::clicked, this, [this] { send(configurationSetup()); });

    form->addRow(tr("Measurement interval"), m_interval);
    form->addRow(tr("Measurement sample"), m_sample);
    form->addRow(tr("Low percentile"), m_low);
    form->addRow(tr("Mid percentile"), m_mid);
    form->addRow(tr("High percentile"), m_high);
    form->addRow(tr("Units"), units);
    form->addRow(QString(), m_serverOriginated);
    form->addRow(tr("Notify interval"), m_notifyInterval);
    form->addRow(QString(), m_ranges);
    form->addRow(QString(), m_configError);
    form->addRow(QString(), m_sendConfig);
    for (QComboBox *c : {m_interval, m_sample})
        connect(c, &QComboBox::currentIndexChanged, this, &TelemetrySetupDialog::validate);
    for (QDoubleSpinBox *s : {m_low, m_mid, m_high})
        connect(s, &QDoubleSpinBox::valueChanged, this, &TelemetrySetupDialog::validate);
    for (QCheckBox *c : {m_unitPackets, m_unitBits, m_unitBytes, m_serverOriginated})
        connect(c, &QCheckBox::toggled, this, &TelemetrySetupDialog::validate);
    connect(m_notifyInterval, &QSpinBox::valueChanged, this, &TelemetrySetupDialog::validate);
    return page;
}

QWidget *TelemetrySetupDialog::buildPipeForm()
{
    auto *page = new QWidget(this);
    auto *form = new QFormLayout(page);
    m_linkId = new QLineEdit(page);
    m_linkId->setPlaceholderText(tr("e.g. transit-1"));
    m_capacity = new QLineEdit(page);
    m_capacity->setObjectName(QStringLiteral("pipeCapacity"));
    m_capacity->setPlaceholderText(tr("e.g. 10"));
    m_capacityUnit = new QComboBox(page);
    for (int v : {2, 5, 8, 11, 14, 1, 4, 7, 10}) // bit-ps ... terabit-ps, then packets
        m_capacityUnit->addItem(unitText(signal::TrafficUnit{v}), v);
    m_capacityUnit->setCurrentIndex(3); // gigabit-ps
    auto *add = new QPushButton(tr("Add link"), page);
    auto *remove = new QPushButton(tr("Remove link"), page);
    m_links = new QListWidget(page);
    m_pipeError = errorLabel(page, QStringLiteral("pipeError"));
    m_sendPipe = new QPushButton(tr("Send pipe capacity"), page);
    connect(add, &QPushButton::clicked, this, [this] {
        QString problem;
        const auto capacity = readCount(m_capacity, tr("capacity"), &problem);
        if (!capacity || *capacity == 0) {
            m_pipeError->setText(problem.isEmpty() ? tr("capacity: give a number above 0") : problem);
            return;
        }
        m_pipes << signal::PipeCapacity{m_linkId->text().trimmed(), *capacity, signal::TrafficUnit{m_capacityUnit->currentData().toInt()}};
        m_links->addItem(QStringLiteral("%1: %2 %3").arg(m_pipes.last().linkId.isEmpty() ? tr("(no link id)") : m_pipes.last().linkId)
                             .arg(*capacity).arg(m_capacityUnit->currentText()));
        m_linkId->clear();
        m_capacity->clear();
        validate();
    });
    connect(remove, &QPushButton::clicked, this, [this] {
        const int row = m_links->currentRow();
        if (row < 0)
            return;
        delete m_links->takeItem(row);
        m_pipes.removeAt(row);
        validate();
    });
    connect(m_sendPipe, &QPushButton::clicked, this, [this] { send(pipeSetup()); });
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(add);
    buttons->addWidget(remove);
    buttons->addStretch(1);
    form->addRow(tr("Link id"), m_linkId);
    form->addRow(tr("Capacity"), m_capacity);
    form->addRow(tr("Unit"), m_capacityUnit);
    form->addRow(QString(), buttons);
    form->addRow(tr("Links"), m_links);
    form->addRow(QString(), m_pipeError);
    form->addRow(QString(), m_sendPipe);
    connect(m_capacity, &QLineEdit::textChanged, this, [this] { m_pipeError->clear(); });
    return page;
}

QWidget *TelemetrySetupDialog::buildBaselineForm()
{
    auto *page = new QWidget(this);
    auto *form = new QFormLayout(page);
    m_baselineId = new QSpinBox(page);
    m_baselineId->setRange(0, 1000000);
    m_baselineId->setValue(1);
    m_baselinePrefixes = new QLineEdit(page);
    m_baselinePrefixes->setObjectName(QStringLiteral("baselinePrefixes"));
    m_baselinePrefixes->setPlaceholderText(tr("e.g. 203.0.113.0/24, 2001:db8::/48"));
    m_normalMid = new QLineEdit(page);
    m_normalMid->setPlaceholderText(tr("Mbit/s"));
    m_normalPeak = new QLineEdit(page);
    m_normalPeak->setPlaceholderText(tr("Mbit/s"));
    m_connections = new QLineEdit(page);
    m_connections->setPlaceholderText(tr("TCP connections"));
    m_embryonic = new QLineEdit(page);
    m_embryonic->setPlaceholderText(tr("half-open TCP connections"));
    m_baselineError = errorLabel(page, QStringLiteral("baselineError"));
    m_sendBaseline = new QPushButton(tr("Send baseline"), page);
    connect(m_sendBaseline, &QPushButton::clicked, this, [this] { send(baselineSetup()); });
    form->addRow(tr("Baseline id"), m_baselineId);
    form->addRow(tr("Target prefixes"), m_baselinePrefixes);
    form->addRow(tr("Normal traffic, median"), m_normalMid);
    form->addRow(tr("Normal traffic, peak"), m_normalPeak);
    form->addRow(tr("TCP connection capacity"), m_connections);
    form->addRow(tr("Embryonic connection capacity"), m_embryonic);
    form->addRow(QString(), m_baselineError);
    form->addRow(QString(), m_sendBaseline);
    for (QLineEdit *e : {m_baselinePrefixes, m_normalMid, m_normalPeak, m_connections, m_embryonic})
        connect(e, &QLineEdit::textChanged, this, &TelemetrySetupDialog::validate);
    connect(m_baselineId, &QSpinBox::valueChanged, this, &TelemetrySetupDialog::validate);
    return page;
}

TelemetrySetup TelemetrySetupDialog::configurationSetup() const
{
    signal::TelemetryConfiguration c;
    c.measurementInterval = m_interval->currentData().toInt();
    c.measurementSample = m_sample->currentData().toInt();
    c.lowPercentile = Decimal64::fromDouble(m_low->value());
    c.midPercentile = Decimal64::fromDouble(m_mid->value());
    c.highPercentile = Decimal64::fromDouble(m_high->value());
    c.unitConfig = {{signal::UnitClass::PacketsPerSecond, m_unitPackets->isChecked()},
                    {signal::UnitClass::BitsPerSecond, m_unitBits->isChecked()},
                    {signal::UnitClass::BytesPerSecond, m_unitBytes->isChecked()}};
    c.serverOriginatedTelemetry = m_serverOriginated->isChecked();
    c.notifyInterval = quint16(m_notifyInterval->value());
    TelemetrySetup s;
    s.currentConfig = c;
    return s;
}

TelemetrySetup TelemetrySetupDialog::pipeSetup() const
{
    TelemetrySetup s;
    s.pipes = m_pipes;
    return s;
}

TelemetrySetup TelemetrySetupDialog::baselineSetup() const
{
    TelemetrySetup s;
    signal::TelemetryBaseline b;
    b.id = quint32(m_baselineId->value());
    for (const QString &p : m_baselinePrefixes->text().split(QLatin1Char(','), Qt::SkipEmptyParts))
        b.target.prefixes << p.trimmed();
    QString ignored;
    signal::TrafficValues normal;
    normal.unit = signal::TrafficUnit{8}; // megabit-ps
    normal.values.mid = readCount(m_normalMid, QString(), &ignored);
    normal.values.peak = readCount(m_normalPeak, QString(), &ignored);
    if (!normal.values.isEmpty())
        b.totalTrafficNormal << normal;
    signal::ConnectionCapacity capacity;
    capacity.protocol = 6;
    if (const auto v = readCount(m_connections, QString(), &ignored))
        capacity.limits.insert(QStringLiteral("connection"), *v);
    if (const auto v = readCount(m_embryonic, QString(), &ignored))
        capacity.limits.insert(QStringLiteral("embryonic"), *v);
    if (!capacity.limits.isEmpty())
        b.connectionCapacity << capacity;
    s.baselines << b;
    return s;
}

QString TelemetrySetupDialog::configurationProblem() const
{
    const TelemetrySetup s = configurationSetup();
    if (!m_unitPackets->isChecked() && !m_unitBits->isChecked() && !m_unitBytes->isChecked())
        return tr("Allow at least one unit");
    const auto info = m_channel ? m_channel->telemetrySetup() : std::nullopt;
    const dots::ValidationErrors errors = info ? s.currentConfig->checkRanges(info->minConfig, info->maxConfig)
                                                 : s.currentConfig->validate();
    return firstProblem(errors);
}

QString TelemetrySetupDialog::pipeProblem() const
{
    if (m_pipes.isEmpty())
        return tr("Add at least one link");
    return firstProblem(pipeSetup().validate());
}

QString TelemetrySetupDialog::baselineProblem() const
{
    QString problem;
    for (const auto &[edit, what] : {std::pair{m_normalMid, tr("median")}, {m_normalPeak, tr("peak")},
                                     {m_connections, tr("connections")}, {m_embryonic, tr("embryonic")}})
        readCount(edit, what, &problem);
    if (!problem.isEmpty())
        return problem;
    return firstProblem(baselineSetup().validate());
}

void TelemetrySetupDialog::validate()
{
    const bool connected = m_channel && m_busy == 0;
    const QString config = configurationProblem();
    m_configError->setText(config);
    m_sendConfig->setEnabled(connected && config.isEmpty());
    const QString pipe = pipeProblem();
    m_pipeError->setText(m_pipes.isEmpty() ? QString() : pipe);
    m_sendPipe->setEnabled(connected && pipe.isEmpty());
    const QString baseline = baselineProblem();
    // Say nothing about an untouched form.
    m_baselineError->setText(m_baselinePrefixes->text().isEmpty() ? QString() : baseline);
    m_sendBaseline->setEnabled(connected && baseline.isEmpty());
}

void TelemetrySetupDialog::showServerState()
{
    m_setups->clear();
    const auto info = m_channel ? m_channel->telemetrySetup() : std::nullopt;
    if (!info) {
        m_ranges->setText(tr("The server's ranges are not known (not connected, or it does not offer telemetry)."));
        m_setups->addItem(tr("No setups known"));
    } else {
        const auto &lo = info->minConfig;
        const auto &hi = info->maxConfig;
        auto dec = [](const std::optional<Decimal64> &d) { return d ? d->toString() : QStringLiteral("?"); };
        m_ranges->setText(tr("The server accepts percentiles low %1–%2, mid %3–%4, high %5–%6; notify interval %7–%8 s.")
                              .arg(dec(lo.lowPercentile), dec(hi.lowPercentile), dec(lo.midPercentile), dec(hi.midPercentile),
                                   dec(lo.highPercentile), dec(hi.highPercentile))
                              .arg(lo.notifyInterval.value_or(1))
                              .arg(hi.notifyInterval.value_or(3600)));
        for (const auto &s : info->setups) {
            auto *item = new QListWidgetItem(describeSetup(s), m_setups);
            item->setData(Qt::UserRole, s.tsid);
        }
        if (info->setups.isEmpty())
            m_setups->addItem(tr("None: the server uses its defaults"));
    }
    validate();
}

QCoro::Task<> TelemetrySetupDialog::send(TelemetrySetup setup)
{
    if (!m_channel)
        co_return;
    QPointer<TelemetrySetupDialog> self(this);
    ++m_busy;
    validate();
    auto sending = m_channel->sendTelemetrySetup(setup);
    auto result = co_await sending;
    if (!self)
        co_return;
    --m_busy;
    if (result.ok())
        emit message(tr("Telemetry setup %1 accepted by the server").arg(result.value().tsid), false);
    else
        emit message(result.error().diagnostic.isEmpty() ? result.error().message
                                                         : result.error().message + QStringLiteral(": ") + result.error().diagnostic,
                     true);
    showServerState();
}

QCoro::Task<> TelemetrySetupDialog::deleteSelected()
{
    const QListWidgetItem *item = m_setups->currentItem();
    if (!m_channel || !item || !item->data(Qt::UserRole).isValid())
        co_return;
    const quint32 tsid = item->data(Qt::UserRole).toUInt();
    QPointer<TelemetrySetupDialog> self(this);
    auto deleting = m_channel->deleteTelemetrySetup(tsid);
    auto result = co_await deleting;
    if (!self)
        co_return;
    emit message(result.ok() ? tr("Telemetry setup %1 deleted").arg(tsid) : result.error().message, !result.ok());
    showServerState();
}

} // namespace dots::ui

// SPDX-License-Identifier: GPL-3.0-or-later
#include "SessionView.h"

#include "QuietSessionDelegate.h"
#include "SeverityPalette.h"
#include "models/SessionTableModel.h"
#include "signal/SignalChannel.h"

#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QScrollBar>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>

namespace dots::ui {

namespace {

using signal::ConfigParameters;
using dots::Decimal64;

struct ParameterSpec
{
    const char *name;
    const char *label;
    const char *unit; // "" for counts
    bool robust;      // RFC 9362: shown only when the server announces it
    signal::IntegerConfigValue ConfigParameters::*integer = nullptr;
    signal::DecimalConfigValue ConfigParameters::*decimal = nullptr;
};

const ParameterSpec kParameters[] = {
    {"heartbeat-interval", QT_TRANSLATE_NOOP("dots::ui::SessionView", "Heartbeat interval"), "s", false, &ConfigParameters::heartbeatInterval},
    {"missing-hb-allowed", QT_TRANSLATE_NOOP("dots::ui::SessionView", "Missed heartbeats allowed"), "", false, &ConfigParameters::missingHbAllowed},
    {"max-retransmit", QT_TRANSLATE_NOOP("dots::ui::SessionView", "Max. retransmissions"), "", false, &ConfigParameters::maxRetransmit},
    {"ack-timeout", QT_TRANSLATE_NOOP("dots::ui::SessionView", "ACK timeout"), "s", false, nullptr, &ConfigParameters::ackTimeout},
    {"ack-random-factor", QT_TRANSLATE_NOOP("dots::ui::SessionView", "ACK random factor"), "", false, nullptr, &ConfigParameters::ackRandomFactor},
    {"max-payloads", QT_TRANSLATE_NOOP("dots::ui::SessionView", "Q-Block: max. payloads"), "", true, &ConfigParameters::maxPayloads},
    {"non-max-retransmit", QT_TRANSLATE_NOOP("dots::ui::SessionView", "Q-Block: NON max. retransmit"), "", true, &ConfigParameters::nonMaxRetransmit},
    {"non-timeout", QT_TRANSLATE_NOOP("dots::ui::SessionView", "Q-Block: NON timeout"), "s", true, nullptr, &ConfigParameters::nonTimeout},
    {"non-receive-timeout", QT_TRANSLATE_NOOP("dots::ui::SessionView", "Q-Block: NON receive timeout"), "s", true, nullptr, &ConfigParameters::nonReceiveTimeout},
    {"non-probing-wait", QT_TRANSLATE_NOOP("dots::ui::SessionView", "Q-Block: NON probing wait"), "s", true, nullptr, &ConfigParameters::nonProbingWait},
    {"non-partial-wait", QT_TRANSLATE_NOOP("dots::ui::SessionView", "Q-Block: NON partial wait"), "s", true, nullptr, &ConfigParameters::nonPartialWait},
};

const QString kMitigating = QStringLiteral("mitigating");
const QString kIdle = QStringLiteral("idle");

QString withUnit(const QString &value, const char *unit)
{
    return *unit ? QStringLiteral("%1 %2").arg(value, QLatin1String(unit)) : value;
}

// Text of a value of either kind, or empty.
template<typename T>
QString text(const std::optional<T> &v)
{
    if (!v)
        return {};
    if constexpr (std::is_same_v<T, Decimal64>)
        return v->toString();
    else
        return QString::number(*v);
}

} // namespace

struct SessionView::Field
{
    QString set;
    const ParameterSpec *spec;
    QLabel *caption = nullptr;
    QLabel *value = nullptr;
    QLabel *range = nullptr;
    QLineEdit *edit = nullptr;
    QString problem;
    QString current; // the value in force, as text

    ConfigParameters &parametersOf(signal::SessionConfig &config) const
    {
        auto &set = this->set == kMitigating ? config.mitigatingConfig : config.idleConfig;
        if (!set)
            set = ConfigParameters{};
        return *set;
    }
    const ConfigParameters *parametersOf(const signal::SessionConfig &config) const
    {
        const auto &set = this->set == kMitigating ? config.mitigatingConfig : config.idleConfig;
        return set ? &*set : nullptr;
    }
    bool offered(const signal::SessionConfig &config) const
    {
        const ConfigParameters *p = parametersOf(config);
        if (!p)
            return false;
        return spec->integer ? !(p->*spec->integer).isEmpty() : !(p->*spec->decimal).isEmpty();
    }
};

SessionView::SessionView(models::SessionTableModel *sessions, QWidget *parent)
    : QWidget(parent)
    , m_sessions(sessions)
    , m_table(new QTableView(this))
    , m_summary(new QLabel(this))
    , m_qblock(new QLabel(this))
    , m_grid(new QWidget(this))
    , m_problems(new QLabel(this))
    , m_result(new QLabel(this))
    , m_propose(new QPushButton(tr("&Propose"), this))
    , m_reset(new QPushButton(tr("Back to server &defaults"), this))
    , m_refresh(new QPushButton(tr("Re-&read"), this))
{
    setObjectName(QStringLiteral("sessionView"));
    m_table->setObjectName(QStringLiteral("sessionTable"));
    m_table->setModel(sessions);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setSelectionMode(QAbstractItemView::NoSelection);
    m_table->setFocusPolicy(Qt::NoFocus);
    // One session, one row: no empty space under it, and room for the horizontal scroll bar
    // when a narrow window needs one, so that it never covers the row.
    const auto fitOneRow = [this](int, int maximum) {
        m_table->setFixedHeight(m_table->horizontalHeader()->sizeHint().height() + m_table->verticalHeader()->defaultSectionSize()
                                + 2 * m_table->frameWidth()
                                + (maximum > 0 ? m_table->horizontalScrollBar()->sizeHint().height() : 0));
    };
    fitOneRow(0, 0);
    connect(m_table->horizontalScrollBar(), &QScrollBar::rangeChanged, this, fitOneRow);
    m_table->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_table->setColumnWidth(models::SessionTableModel::ServerColumn, 230);
    m_table->setColumnWidth(models::SessionTableModel::StateColumn, 170);
    m_table->setItemDelegate(new QuietSessionDelegate(m_table));
    m_table->setColumnWidth(models::SessionTableModel::HeartbeatColumn, 100);
    m_table->setColumnWidth(models::SessionTableModel::MissedColumn, 130);
    // Never narrower than a column's title, which is longer in some languages.
    for (int column = 0; column < sessions->columnCount(); ++column)
        m_table->setColumnWidth(column, std::max(m_table->columnWidth(column), m_table->horizontalHeader()->sectionSizeHint(column)));

    m_summary->setObjectName(QStringLiteral("sessionSummary"));
    m_summary->setWordWrap(true);
    m_qblock->setObjectName(QStringLiteral("qBlockSupport"));
    m_qblock->setWordWrap(true);
    m_problems->setObjectName(QStringLiteral("proposalProblems"));
    m_problems->setWordWrap(true);
    m_problems->setStyleSheet(QStringLiteral("color: %1;").arg(toneColor(Tone::Bad).name()));
    m_result->setObjectName(QStringLiteral("proposalResult"));
    m_result->setWordWrap(true);
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_propose->setObjectName(QStringLiteral("proposeButton"));
    m_propose->setToolTip(tr("Ask the server to use the values typed above (PUT config, RFC 9132 section 4.5.2)"));
    m_reset->setObjectName(QStringLiteral("resetButton"));
    m_reset->setToolTip(tr("Ask the server to go back to its default values (DELETE config)"));
    m_refresh->setToolTip(tr("Read the server's values and ranges again (GET config)"));

    auto *grid = new QGridLayout(m_grid);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->setHorizontalSpacing(12);
    const auto header = [this, grid](int column, const QString &text) {
        auto *label = new QLabel(QStringLiteral("<b>%1</b>").arg(text), m_grid);
        grid->addWidget(label, 0, column);
    };
    header(0, tr("Parameter"));
    header(1, tr("Mitigating: in force"));
    header(2, tr("allowed"));
    header(3, tr("propose"));
    header(4, tr("Idle: in force"));
    header(5, tr("allowed"));
    header(6, tr("propose"));
    int row = 1;
    for (const ParameterSpec &spec : kParameters) {
        auto *caption = new QLabel(tr(spec.label), m_grid);
        caption->setToolTip(QString::fromLatin1(spec.name));
        grid->addWidget(caption, row, 0);
        for (const QString &set : {kMitigating, kIdle}) {
            auto field = std::make_unique<Field>();
            field->set = set;
            field->spec = &spec;
            field->caption = caption;
            field->value = new QLabel(m_grid);
            field->range = new QLabel(m_grid);
            field->range->setStyleSheet(QStringLiteral("color: #5f6368;"));
            field->edit = new QLineEdit(m_grid);
            field->edit->setObjectName(QStringLiteral("%1.%2").arg(set, QLatin1String(spec.name)));
            field->edit->setMaximumWidth(90);
            field->edit->setToolTip(tr("%1 to propose for %2 (%3)")
                                        .arg(tr(spec.label), set == kMitigating ? tr("while a mitigation is active")
                                                                                : tr("while no mitigation is active"),
                                             QString::fromLatin1(spec.name)));
            const int base = set == kMitigating ? 1 : 4;
            grid->addWidget(field->value, row, base);
            grid->addWidget(field->range, row, base + 1);
            grid->addWidget(field->edit, row, base + 2);
            connect(field->edit, &QLineEdit::textEdited, this, &SessionView::revalidate);
            m_fields.push_back(std::move(field));
        }
        ++row;
    }
    grid->setColumnStretch(7, 1);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_propose);
    buttons->addWidget(m_reset);
    buttons->addWidget(m_refresh);
    buttons->addStretch(1);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_table);
    layout->addWidget(m_summary);
    layout->addWidget(m_grid);
    layout->addWidget(m_problems);
    layout->addLayout(buttons);
    layout->addWidget(m_result);
    layout->addWidget(m_qblock);
    layout->addStretch(1);

    connect(m_propose, &QPushButton::clicked, this, [this] { propose(); });
    connect(m_reset, &QPushButton::clicked, this, [this] { resetToDefaults(); });
    connect(m_refresh, &QPushButton::clicked, this, [this] { refresh(); });
    showConfig();
}

SessionView::~SessionView() = default;

void SessionView::setChannel(signal::SignalChannel *channel)
{
    if (m_channel)
        disconnect(m_channel, nullptr, this, nullptr);
    m_channel = channel;
    if (channel) {
        connect(channel, &signal::SignalChannel::sessionConfigChanged, this, &SessionView::showConfig);
        connect(channel, &signal::SignalChannel::stateChanged, this, &SessionView::showConfig);
        connect(channel, &signal::SignalChannel::mitigationChanged, this, &SessionView::showConfig);
        connect(channel, &signal::SignalChannel::mitigationRemoved, this, &SessionView::showConfig);
    }
    showConfig();
}

QLineEdit *SessionView::proposalField(const QString &set, const QString &parameter) const
{
    for (const auto &f : m_fields)
        if (f->set == set && QLatin1String(f->spec->name) == parameter)
            return f->edit;
    return nullptr;
}

QString SessionView::shownValue(const QString &set, const QString &parameter) const
{
    for (const auto &f : m_fields)
        if (f->set == set && QLatin1String(f->spec->name) == parameter)
            return f->value->text();
    return {};
}

QString SessionView::shownRange(const QString &set, const QString &parameter) const
{
    for (const auto &f : m_fields)
        if (f->set == set && QLatin1String(f->spec->name) == parameter)
            return f->range->text();
    return {};
}

QString SessionView::problem(const QString &set, const QString &parameter) const
{
    for (const auto &f : m_fields)
        if (f->set == set && QLatin1String(f->spec->name) == parameter)
            return f->problem;
    return {};
}

QString SessionView::resultText() const
{
    return m_result->text();
}

QString SessionView::qBlockText() const
{
    return m_qblock->text();
}

void SessionView::showConfig()
{
    const bool connected = m_channel && m_channel->state() == signal::SignalChannel::State::Connected;
    const std::optional<signal::SessionConfig> config = m_channel ? m_channel->serverConfig() : std::nullopt;
    bool robustOffered = false;
    for (const auto &f : m_fields) {
        const bool offered = config && f->offered(*config);
        robustOffered = robustOffered || (offered && f->spec->robust);
        QString value, range;
        if (offered) {
            const ConfigParameters *p = f->parametersOf(*config);
            if (f->spec->integer) {
                const auto &v = p->*f->spec->integer;
                value = text(v.currentValue);
                range = v.minValue || v.maxValue ? QStringLiteral("%1 – %2").arg(text(v.minValue), text(v.maxValue)) : QString();
            } else {
                const auto &v = p->*f->spec->decimal;
                value = text(v.currentValue);
                range = v.minValue || v.maxValue ? QStringLiteral("%1 – %2").arg(text(v.minValue), text(v.maxValue)) : QString();
            }
        }
        // A value being typed stays until the server's value itself changes.
        if (f->edit->text().trimmed() == f->current || f->current != value)
            f->edit->setText(value);
        f->current = value;
        f->value->setText(value.isEmpty() ? tr("—") : withUnit(value, f->spec->unit));
        f->range->setText(range.isEmpty() ? tr("not stated") : withUnit(range, f->spec->unit));
        f->edit->setEnabled(offered);
    }
    // RFC 9362 rows only when the server speaks of them.
    for (const auto &f : m_fields) {
        const bool visible = !f->spec->robust || robustOffered;
        f->caption->setVisible(visible);
        f->value->setVisible(visible);
        f->range->setVisible(visible);
        f->edit->setVisible(visible);
    }

    if (!m_channel) {
        m_summary->setText(tr("No session yet."));
    } else if (!config) {
        m_summary->setText(connected ? tr("The server's session configuration has not been read. Re-read asks for it.")
                                     : tr("No session: the configuration is read when the session is up."));
    } else {
        const bool mitigating = m_channel->isMitigating();
        m_summary->setText(mitigating
                               ? tr("In force now: the <b>mitigating</b> values, because a mitigation is active.")
                               : tr("In force now: the <b>idle</b> values (no mitigation is active)."));
    }
    const QString qblock = signal::SignalChannel::qBlockAvailable()
                               ? tr("Q-Block (RFC 9177): supported by this build (libcoap %1).")
                               : tr("Q-Block (RFC 9177): not supported by this build (libcoap %1); large bodies use "
                                    "Block1/Block2 (RFC 7959).");
    m_qblock->setText(qblock.arg(signal::SignalChannel::coapLibraryVersion())
                      + QLatin1Char(' ')
                      + (robustOffered ? tr("The server announces RFC 9362 robust-transmission values.")
                                       : config ? tr("The server announces no RFC 9362 robust-transmission values.")
                                                : QString()));
    revalidate();
}

void SessionView::revalidate()
{
    QStringList problems;
    m_changed = false;
    const std::optional<signal::SessionConfig> config = m_channel ? m_channel->serverConfig() : std::nullopt;
    for (const auto &f : m_fields) {
        f->problem.clear();
        if (!f->edit->isEnabled() || !config)
            continue;
        const QString typed = f->edit->text().trimmed();
        if (typed != f->current)
            m_changed = true;
        const ConfigParameters *p = f->parametersOf(*config);
        const QString unit = QLatin1String(f->spec->unit);
        if (f->spec->integer) {
            bool ok = false;
            const uint v = typed.toUInt(&ok);
            const auto &offered = p->*f->spec->integer;
            if (!ok || v > 65535)
                f->problem = tr("a whole number from 0 to 65535");
            else if (offered.minValue && v < *offered.minValue)
                f->problem = tr("%1 is below the server's minimum %2").arg(withUnit(typed, f->spec->unit), withUnit(text(offered.minValue), f->spec->unit));
            else if (offered.maxValue && v > *offered.maxValue)
                f->problem = tr("%1 is above the server's maximum %2").arg(withUnit(typed, f->spec->unit), withUnit(text(offered.maxValue), f->spec->unit));
        } else {
            const auto v = Decimal64::fromString(typed);
            const auto &offered = p->*f->spec->decimal;
            if (!v)
                f->problem = tr("a number with at most two decimals, e.g. 2.5");
            else if (offered.minValue && *v < *offered.minValue)
                f->problem = tr("%1 is below the server's minimum %2").arg(withUnit(typed, f->spec->unit), withUnit(text(offered.minValue), f->spec->unit));
            else if (offered.maxValue && *v > *offered.maxValue)
                f->problem = tr("%1 is above the server's maximum %2").arg(withUnit(typed, f->spec->unit), withUnit(text(offered.maxValue), f->spec->unit));
        }
        f->edit->setStyleSheet(f->problem.isEmpty() ? QString()
                                                    : QStringLiteral("QLineEdit { border: 1px solid %1; }").arg(toneColor(Tone::Bad).name()));
        f->edit->setToolTip(f->problem);
        if (!f->problem.isEmpty())
            problems << tr("%1 (%2): %3").arg(tr(f->spec->label), f->set == kMitigating ? tr("mitigating") : tr("idle"), f->problem);
    }
    // What the codec checks beyond the ranges (RFC 7252 section 4.8 sanity).
    if (problems.isEmpty() && config) {
        QStringList ignored;
        if (const auto p = proposal(&ignored)) {
            for (const auto &e : p->validate())
                problems << e.toString();
        }
    }
    m_valid = problems.isEmpty();
    m_problems->setText(problems.join(u'\n'));
    m_problems->setVisible(!problems.isEmpty());
    updateButtons();
}

std::optional<signal::SessionConfig> SessionView::proposal(QStringList *problems)
{
    signal::SessionConfig out;
    for (const auto &f : m_fields) {
        if (!f->edit->isEnabled())
            continue;
        if (!f->problem.isEmpty())
            problems->append(f->problem);
        ConfigParameters &p = f->parametersOf(out);
        const QString typed = f->edit->text().trimmed();
        if (f->spec->integer)
            (p.*f->spec->integer).currentValue = quint16(typed.toUInt());
        else
            (p.*f->spec->decimal).currentValue = Decimal64::fromString(typed);
    }
    if (!problems->isEmpty() || (!out.mitigatingConfig && !out.idleConfig))
        return std::nullopt;
    return out;
}

void SessionView::updateButtons()
{
    const bool connected = m_channel && m_channel->state() == signal::SignalChannel::State::Connected;
    m_propose->setEnabled(connected && !m_busy && m_valid && m_changed);
    m_reset->setEnabled(connected && !m_busy);
    m_refresh->setEnabled(connected && !m_busy);
}

void SessionView::showResult(bool ok, const QString &text)
{
    m_result->setText(text);
    m_result->setStyleSheet(QStringLiteral("color: %1;").arg(toneColor(ok ? Tone::Good : Tone::Bad).darker(ok ? 140 : 110).name()));
    emit resultShown(ok, text);
}

QCoro::Task<> SessionView::propose()
{
    QStringList problems;
    const auto wanted = proposal(&problems);
    if (!m_channel || !wanted) {
        showResult(false, tr("Not sent: %1").arg(problems.isEmpty() ? tr("no session") : problems.join(QStringLiteral("; "))));
        co_return;
    }
    QStringList changes;
    for (const auto &f : m_fields) {
        if (f->edit->isEnabled() && f->edit->text().trimmed() != f->current)
            changes << tr("%1 (%2) %3 → %4")
                           .arg(tr(f->spec->label), f->set == kMitigating ? tr("mitigating") : tr("idle"),
                                withUnit(f->current, f->spec->unit), withUnit(f->edit->text().trimmed(), f->spec->unit));
    }
    QPointer<SessionView> self(this);
    m_busy = true;
    updateButtons();
    m_result->setText(tr("Proposing to the server…"));
    auto task = m_channel->proposeSessionConfig(*wanted);
    const auto result = co_await task;
    if (!self)
        co_return;
    m_busy = false;
    updateButtons();
    const QString what = changes.join(QStringLiteral(", "));
    if (result.ok()) {
        showResult(true, tr("The server accepted: %1.").arg(what));
        emit configChangeSent(false, true, tr("session configuration: %1").arg(what));
    } else {
        showResult(false, tr("The server refused the proposal: %1").arg(result.error().toString()));
        emit configChangeSent(false, false,
                              tr("session configuration refused: %1: %2").arg(what, result.error().toString()));
    }
}

QCoro::Task<> SessionView::resetToDefaults()
{
    if (!m_channel)
        co_return;
    QPointer<SessionView> self(this);
    m_busy = true;
    updateButtons();
    auto task = m_channel->resetSessionConfig();
    const auto result = co_await task;
    if (!self)
        co_return;
    m_busy = false;
    updateButtons();
    if (result.ok()) {
        showResult(true, tr("The server went back to its default values."));
        emit configChangeSent(true, true, tr("session configuration reset to the server's defaults"));
    } else {
        showResult(false, tr("The server did not go back to its defaults: %1").arg(result.error().toString()));
        emit configChangeSent(true, false,
                              tr("session configuration reset refused: %1").arg(result.error().toString()));
    }
}

QCoro::Task<> SessionView::refresh()
{
    if (!m_channel)
        co_return;
    QPointer<SessionView> self(this);
    m_busy = true;
    updateButtons();
    auto task = m_channel->fetchSessionConfig();
    const auto result = co_await task;
    if (!self)
        co_return;
    m_busy = false;
    updateButtons();
    if (result.ok())
        showResult(true, tr("Read the server's values again."));
    else
        showResult(false, tr("The server's values could not be read: %1").arg(result.error().toString()));
}

} // namespace dots::ui

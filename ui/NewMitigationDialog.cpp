#include "NewMitigationDialog.h"

#include "codec/ValueChecks.h"
#include "signal/Target.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSpinBox>
#include <QVBoxLayout>

namespace dots::ui {

namespace {

QStringList splitList(const QString &text)
{
    static const QRegularExpression separators(QStringLiteral("[,;\\s]+"));
    return text.split(separators, Qt::SkipEmptyParts);
}

struct ParsedPorts
{
    QList<signal::PortRange> ranges;
    QString error;
};

// "80, 443, 8000-8080": single ports or lower-upper ranges.
ParsedPorts parsePorts(const QString &text)
{
    ParsedPorts out;
    for (const QString &item : splitList(text)) {
        const QStringList bounds = item.split(QLatin1Char('-'));
        bool okLower = false, okUpper = true;
        const qint64 lower = bounds.value(0).toLongLong(&okLower);
        std::optional<qint64> upper;
        if (bounds.size() == 2)
            upper = bounds[1].toLongLong(&okUpper);
        if (bounds.size() > 2 || !okLower || !okUpper) {
            out.error = QObject::tr("\"%1\" is not a port or a range like 8000-8080").arg(item);
            return out;
        }
        if (const auto problem = codec::checkPortRange(lower, upper)) {
            out.error = *problem;
            return out;
        }
        signal::PortRange range;
        range.lowerPort = quint16(lower);
        if (upper && *upper != lower)
            range.upperPort = quint16(*upper);
        out.ranges << range;
    }
    return out;
}

} // namespace

NewMitigationDialog::NewMitigationDialog(QWidget *parent)
    : QDialog(parent)
    , m_prefixes(new QLineEdit(this))
    , m_prefixError(errorLabel(QStringLiteral("prefixError")))
    , m_ports(new QLineEdit(this))
    , m_portError(errorLabel(QStringLiteral("portError")))
    , m_protocol(new QComboBox(this))
    , m_lifetime(new QSpinBox(this))
    , m_indefinite(new QCheckBox(tr("Indefinite"), this))
    , m_lifetimeError(errorLabel(QStringLiteral("lifetimeError")))
    , m_requestError(errorLabel(QStringLiteral("requestError")))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("newMitigationDialog"));
    setWindowTitle(tr("New mitigation"));

    m_prefixes->setObjectName(QStringLiteral("prefixEdit"));
    m_prefixes->setPlaceholderText(tr("e.g. 203.0.113.0/24, 2001:db8:6401::/96"));
    m_ports->setObjectName(QStringLiteral("portsEdit"));
    m_ports->setPlaceholderText(tr("all ports; or e.g. 53, 80, 8000-8080"));

    m_protocol->setObjectName(QStringLiteral("protocolCombo"));
    m_protocol->addItem(tr("All protocols"), -1);
    m_protocol->addItem(tr("TCP (6)"), 6);
    m_protocol->addItem(tr("UDP (17)"), 17);
    m_protocol->addItem(tr("ICMP (1)"), 1);
    m_protocol->addItem(tr("ICMPv6 (58)"), 58);
    m_protocol->addItem(tr("GRE (47)"), 47);

    m_lifetime->setObjectName(QStringLiteral("lifetimeSpin"));
    m_lifetime->setRange(1, int(signal::kMaxLifetime / 60));
    m_lifetime->setValue(int(signal::kDefaultLifetime / 60));
    m_lifetime->setSuffix(tr(" min"));
    m_indefinite->setObjectName(QStringLiteral("indefiniteCheck"));
    auto *lifetimeRow = new QHBoxLayout;
    lifetimeRow->addWidget(m_lifetime, 1);
    lifetimeRow->addWidget(m_indefinite);

    auto *form = new QFormLayout;
    form->addRow(tr("Target prefixes:"), m_prefixes);
    form->addRow(QString(), m_prefixError);
    form->addRow(tr("Ports:"), m_ports);
    form->addRow(QString(), m_portError);
    form->addRow(tr("Protocol:"), m_protocol);
    form->addRow(tr("Lifetime:"), lifetimeRow);
    form->addRow(QString(), m_lifetimeError);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_requestError);
    layout->addWidget(m_buttons);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Request mitigation"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, [this] {
        if (m_valid)
            accept();
    });
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    connect(m_prefixes, &QLineEdit::textChanged, this, &NewMitigationDialog::validate);
    connect(m_ports, &QLineEdit::textChanged, this, &NewMitigationDialog::validate);
    connect(m_lifetime, &QSpinBox::valueChanged, this, &NewMitigationDialog::validate);
    connect(m_indefinite, &QCheckBox::toggled, this, [this](bool on) {
        m_lifetime->setEnabled(!on);
        validate();
    });
    setMinimumWidth(480);
    validate();
}

QLabel *NewMitigationDialog::errorLabel(const QString &name)
{
    auto *label = new QLabel(this);
    label->setObjectName(name);
    label->setWordWrap(true);
    label->setStyleSheet(QStringLiteral("color: #c62828;"));
    label->hide();
    return label;
}

signal::MitigationRequest NewMitigationDialog::request() const
{
    signal::MitigationRequest r;
    r.target.prefixes = splitList(m_prefixes->text());
    r.target.portRanges = parsePorts(m_ports->text()).ranges;
    if (const int protocol = m_protocol->currentData().toInt(); protocol >= 0)
        r.target.protocols = {quint8(protocol)};
    r.lifetime = m_indefinite->isChecked() ? signal::kIndefiniteLifetime : qint64(m_lifetime->value()) * 60;
    return r;
}

void NewMitigationDialog::validate()
{
    const auto show = [](QLabel *label, const QString &text) {
        label->setText(text);
        label->setVisible(!text.isEmpty());
    };

    QString prefixError;
    const QStringList prefixes = splitList(m_prefixes->text());
    for (const QString &prefix : prefixes) {
        prefixError = signal::checkTargetPrefix(prefix);
        if (!prefixError.isEmpty())
            break;
    }
    show(m_prefixError, prefixError);
    show(m_portError, parsePorts(m_ports->text()).error);
    const signal::MitigationRequest r = request();
    show(m_lifetimeError, signal::checkRequestLifetime(r.lifetime));

    bool fieldsOk = !prefixes.isEmpty() && m_prefixError->text().isEmpty() && m_portError->text().isEmpty()
        && m_lifetimeError->text().isEmpty();
    // The whole request, as the codec will see it (duplicates, port order, ...).
    QString requestError;
    if (fieldsOk) {
        const signal::ValidationErrors errors = r.validate();
        if (!errors.isEmpty())
            requestError = errors.first().toString();
    }
    show(m_requestError, requestError);
    m_valid = fieldsOk && requestError.isEmpty();
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(m_valid);
    m_buttons->button(QDialogButtonBox::Ok)->setToolTip(
        prefixes.isEmpty() ? tr("Enter at least one target prefix") : QString());
}

} // namespace dots::ui

// SPDX-License-Identifier: GPL-3.0-or-later
#include "AliasDialog.h"

#include "FormText.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

#include <algorithm>
#include <array>

namespace dots::ui {

AliasDialog::AliasDialog(const std::optional<data::Alias> &existing, QWidget *parent)
    : QDialog(parent)
    , m_name(new QLineEdit(this))
    , m_nameError(errorLabel(QStringLiteral("nameError")))
    , m_prefixes(new QLineEdit(this))
    , m_prefixError(errorLabel(QStringLiteral("prefixError")))
    , m_ports(new QLineEdit(this))
    , m_portError(errorLabel(QStringLiteral("portError")))
    , m_protocols(new QLineEdit(this))
    , m_protocolError(errorLabel(QStringLiteral("protocolError")))
    , m_fqdns(new QLineEdit(this))
    , m_fqdnError(errorLabel(QStringLiteral("fqdnError")))
    , m_uris(new QLineEdit(this))
    , m_uriError(errorLabel(QStringLiteral("uriError")))
    , m_aliasError(errorLabel(QStringLiteral("aliasError")))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("aliasDialog"));
    setWindowTitle(existing ? tr("Edit alias %1").arg(existing->name) : tr("New alias"));
    m_name->setObjectName(QStringLiteral("nameEdit"));
    m_name->setPlaceholderText(tr("e.g. web-front"));
    m_prefixes->setObjectName(QStringLiteral("prefixEdit"));
    m_prefixes->setPlaceholderText(tr("e.g. 203.0.113.0/24, 2001:db8:6401::/96"));
    m_ports->setObjectName(QStringLiteral("portsEdit"));
    m_ports->setPlaceholderText(tr("all ports; or e.g. 53, 80, 8000-8080"));
    m_protocols->setObjectName(QStringLiteral("protocolsEdit"));
    m_protocols->setPlaceholderText(tr("all protocols; or e.g. TCP, UDP, 47"));
    m_fqdns->setObjectName(QStringLiteral("fqdnEdit"));
    m_fqdns->setPlaceholderText(tr("optional, e.g. www.example.com"));
    m_uris->setObjectName(QStringLiteral("uriEdit"));
    m_uris->setPlaceholderText(tr("optional, e.g. https://www.example.com/login"));

    auto *form = new QFormLayout;
    form->addRow(tr("Name:"), m_name);
    form->addRow(QString(), m_nameError);
    form->addRow(tr("Target prefixes:"), m_prefixes);
    form->addRow(QString(), m_prefixError);
    form->addRow(tr("Ports:"), m_ports);
    form->addRow(QString(), m_portError);
    form->addRow(tr("Protocols:"), m_protocols);
    form->addRow(QString(), m_protocolError);
    form->addRow(tr("Domain names:"), m_fqdns);
    form->addRow(QString(), m_fqdnError);
    form->addRow(tr("URIs:"), m_uris);
    form->addRow(QString(), m_uriError);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_aliasError);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, [this] {
        if (m_valid)
            accept();
    });
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    for (QLineEdit *e : {m_name, m_prefixes, m_ports, m_protocols, m_fqdns, m_uris})
        connect(e, &QLineEdit::textChanged, this, &AliasDialog::validate);

    if (existing) {
        m_name->setText(existing->name);
        m_name->setReadOnly(true);
        m_prefixes->setText(existing->targets.prefixes.join(QStringLiteral(", ")));
        m_ports->setText(portsText(existing->targets.portRanges));
        m_protocols->setText(protocolsText(existing->targets.protocols));
        m_fqdns->setText(existing->targets.fqdns.join(QStringLiteral(", ")));
        m_uris->setText(existing->targets.uris.join(QStringLiteral(", ")));
    }
    setMinimumWidth(520);
    validate();
}

QLabel *AliasDialog::errorLabel(const QString &objectName)
{
    auto *label = new QLabel(this);
    label->setObjectName(objectName);
    label->setWordWrap(true);
    label->setStyleSheet(QStringLiteral("color: #c62828;"));
    label->hide();
    return label;
}

data::Alias AliasDialog::alias() const
{
    data::Alias a;
    a.name = m_name->text().trimmed();
    a.targets.prefixes = splitList(m_prefixes->text());
    a.targets.portRanges = parsePorts(m_ports->text()).ranges;
    a.targets.protocols = parseProtocols(m_protocols->text()).protocols;
    a.targets.fqdns = splitList(m_fqdns->text());
    a.targets.uris = splitList(m_uris->text());
    return a;
}

void AliasDialog::validate()
{
    const auto show = [](QLabel *label, const QString &text) {
        label->setText(text);
        label->setVisible(!text.isEmpty());
    };
    const auto firstProblem = [](const QStringList &items, QString (*check)(const QString &)) {
        for (const QString &item : items) {
            if (const QString e = check(item); !e.isEmpty())
                return e;
        }
        return QString();
    };
    show(m_nameError, m_name->text().isEmpty() ? QString() : data::checkAliasName(m_name->text()));
    show(m_prefixError, firstProblem(splitList(m_prefixes->text()), &dots::checkTargetPrefix));
    show(m_portError, parsePorts(m_ports->text()).error);
    show(m_protocolError, parseProtocols(m_protocols->text()).error);
    show(m_fqdnError, firstProblem(splitList(m_fqdns->text()), &dots::checkFqdn));
    show(m_uriError, firstProblem(splitList(m_uris->text()), &dots::checkUri));

    const std::array<QLabel *, 6> fieldErrors{m_nameError, m_prefixError, m_portError, m_protocolError, m_fqdnError, m_uriError};
    const bool fieldsOk = !m_name->text().trimmed().isEmpty()
        && std::none_of(fieldErrors.begin(), fieldErrors.end(), [](QLabel *l) { return !l->text().isEmpty(); });
    QString aliasError;
    const data::Alias a = alias();
    if (fieldsOk && a.targets.prefixes.isEmpty() && a.targets.fqdns.isEmpty() && a.targets.uris.isEmpty()) {
        aliasError = tr("Give at least one target prefix, domain name or URI.");
    } else if (fieldsOk) {
        dots::ValidationErrors errors;
        a.validate(data::JsonReader(errors));
        if (!errors.isEmpty())
            aliasError = errors.first().message;
    }
    show(m_aliasError, aliasError);
    m_valid = fieldsOk && aliasError.isEmpty();
    m_buttons->button(QDialogButtonBox::Save)->setEnabled(m_valid);
    m_buttons->button(QDialogButtonBox::Save)->setToolTip(m_name->text().trimmed().isEmpty() ? tr("Give the alias a name") : QString());
}

} // namespace dots::ui

// SPDX-License-Identifier: GPL-3.0-or-later
#include "ProfileEditor.h"

#include "SeverityPalette.h"
#include "profiles/ProfileChecks.h"

#include <QComboBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QToolButton>
#include <QVBoxLayout>

namespace dots::ui {

namespace {

using P = transport::TransportPreference;
const P kPreferences[] = {P::PreferDtls, P::PreferTls, P::DtlsOnly, P::TlsOnly};

QString preferenceText(P p)
{
    switch (p) {
    case P::PreferDtls: return ProfileEditor::tr("DTLS first, then TLS (recommended, RFC 9132)");
    case P::PreferTls: return ProfileEditor::tr("TLS first, then DTLS");
    case P::DtlsOnly: return ProfileEditor::tr("DTLS only (coaps, UDP)");
    case P::TlsOnly: return ProfileEditor::tr("TLS only (coaps+tcp, TCP)");
    }
    return {};
}

QLabel *problemLabel(QWidget *parent, const QString &field)
{
    auto *label = new QLabel(parent);
    label->setObjectName(field + QStringLiteral("Problem"));
    // One line: word-wrapped labels in a form layout leave gaps when they hide again.
    label->setStyleSheet(QStringLiteral("color: %1;").arg(toneColor(Tone::Bad).name()));
    label->hide();
    return label;
}

QLabel *valueLabel(QWidget *parent, const QString &name)
{
    auto *label = new QLabel(parent);
    label->setObjectName(name);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

} // namespace

ProfileEditor::ProfileEditor(QWidget *parent)
    : QWidget(parent)
    , m_transport(new QComboBox(this))
    , m_certificateBox(new QGroupBox(tr("Client certificate"), this))
    , m_subject(valueLabel(this, QStringLiteral("certificateSubject")))
    , m_issuer(valueLabel(this, QStringLiteral("certificateIssuer")))
    , m_altNames(valueLabel(this, QStringLiteral("certificateAltNames")))
    , m_validity(valueLabel(this, QStringLiteral("certificateValidity")))
    , m_cuid(valueLabel(this, QStringLiteral("certificateCuid")))
    , m_caSummary(valueLabel(this, QStringLiteral("caSummary")))
{
    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    addLine(form, QStringLiteral("name"), tr("&Name:"), tr("How this server is listed; also keys its mitigation ids and history"));
    addLine(form, QStringLiteral("host"), tr("&Server:"), tr("The DOTS server's host name or IP address"));
    addLine(form, QStringLiteral("port"), tr("&Port:"), tr("The signal channel's port (DOTS: 4646)"));
    for (P p : kPreferences)
        m_transport->addItem(preferenceText(p), int(p));
    m_transport->setObjectName(QStringLiteral("transport"));
    m_transport->setToolTip(tr("Which secured CoAP transports to try, in which order"));
    form->addRow(tr("&Transport:"), m_transport);
    addLine(form, QStringLiteral("certificate"), tr("Client &certificate:"),
            tr("PEM file with this console's certificate; the server derives the cuid from it"), true);
    addLine(form, QStringLiteral("privateKey"), tr("Private &key:"), tr("PEM file with the certificate's private key (no passphrase)"), true);
    addLine(form, QStringLiteral("caCertificate"), tr("C&A certificate:"),
            tr("PEM file with the CA(s) the server's certificate must chain to"), true);
    addLine(form, QStringLiteral("serverName"), tr("E&xpected server name:"),
            tr("Name or IP the server's certificate must be for; empty: the server address above"));
    field(QStringLiteral("serverName"))->setPlaceholderText(tr("the server address"));
    addLine(form, QStringLiteral("dataChannelUrl"), tr("&Data channel URL:"),
            tr("RESTCONF base of the data channel (RFC 8783), e.g. https://dots.example.net:8443; empty: none"));
    field(QStringLiteral("dataChannelUrl"))->setPlaceholderText(tr("none"));

    auto *details = new QFormLayout(m_certificateBox);
    details->addRow(tr("Subject:"), m_subject);
    details->addRow(tr("Issuer:"), m_issuer);
    details->addRow(tr("Alternative names:"), m_altNames);
    details->addRow(tr("Validity:"), m_validity);
    details->addRow(tr("cuid:"), m_cuid);
    details->addRow(tr("CA file:"), m_caSummary);
    m_cuid->setToolTip(tr("The DOTS client identifier (RFC 9132 section 4.4.1): derived from the certificate's public key"));

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(form);
    layout->addWidget(m_certificateBox);
    layout->addStretch(1);

    connect(m_transport, &QComboBox::currentIndexChanged, this, [this] {
        if (!m_loading)
            emit edited();
    });
    m_referenceTime = QDateTime();
    setProfile({});
}

QLineEdit *ProfileEditor::addLine(QFormLayout *form, const QString &name, const QString &label, const QString &tip,
                                  bool browse)
{
    auto *edit = new QLineEdit(this);
    edit->setObjectName(name);
    edit->setToolTip(tip);
    auto *caption = new QLabel(label, this);
    caption->setBuddy(edit);
    // The field, and under it its problem, shown only when there is one.
    auto *cell = new QWidget(this);
    auto *column = new QVBoxLayout(cell);
    column->setContentsMargins(0, 0, 0, 0);
    column->setSpacing(2);
    auto *row = new QHBoxLayout;
    row->addWidget(edit, 1);
    if (browse) {
        auto *button = new QToolButton(this);
        button->setText(tr("Browse…"));
        button->setToolTip(tr("Choose the file"));
        connect(button, &QToolButton::clicked, this, [this, edit, label] {
            const QString chosen = QFileDialog::getOpenFileName(this, QString(label).remove(u'&').remove(u':'), edit->text(),
                                                                tr("Certificates and keys (*.pem *.crt *.cer *.key *.der);;All files (*)"));
            if (!chosen.isEmpty())
                edit->setText(chosen);
        });
        row->addWidget(button);
    }
    column->addLayout(row);
    column->addWidget(problemLabel(this, name));
    form->addRow(caption, cell);
    connect(edit, &QLineEdit::textChanged, this, [this] {
        if (m_loading)
            return;
        revalidate();
        emit edited();
    });
    return edit;
}

QLineEdit *ProfileEditor::field(const QString &name) const
{
    return findChild<QLineEdit *>(name);
}

QString ProfileEditor::problem(const QString &field) const
{
    const auto *label = findChild<QLabel *>(field + QStringLiteral("Problem"));
    return label && !label->isHidden() ? label->text() : QString();
}

void ProfileEditor::setProblem(const QString &field, const std::optional<QString> &problem)
{
    auto *label = findChild<QLabel *>(field + QStringLiteral("Problem"));
    auto *edit = this->field(field);
    if (!label || !edit)
        return;
    label->setText(problem.value_or(QString()));
    label->setVisible(problem.has_value());
    edit->setStyleSheet(problem ? QStringLiteral("QLineEdit { border: 1px solid %1; }").arg(toneColor(Tone::Bad).name())
                                : QString());
    if (problem)
        m_valid = false;
}

void ProfileEditor::setProfile(const signal::ServerProfile &profile)
{
    m_loading = true;
    field(QStringLiteral("name"))->setText(profile.name);
    field(QStringLiteral("host"))->setText(profile.host);
    field(QStringLiteral("port"))->setText(QString::number(profile.port));
    m_transport->setCurrentIndex(m_transport->findData(int(profile.preference)));
    field(QStringLiteral("certificate"))->setText(profile.pki.certificateFile);
    field(QStringLiteral("privateKey"))->setText(profile.pki.privateKeyFile);
    field(QStringLiteral("caCertificate"))->setText(profile.pki.caFile);
    field(QStringLiteral("serverName"))->setText(profile.pki.peerName);
    field(QStringLiteral("dataChannelUrl"))->setText(profile.dataChannelUrl.toString());
    m_loading = false;
    revalidate();
}

signal::ServerProfile ProfileEditor::profile() const
{
    signal::ServerProfile p;
    p.name = field(QStringLiteral("name"))->text().trimmed();
    p.host = field(QStringLiteral("host"))->text();
    p.port = quint16(field(QStringLiteral("port"))->text().toUInt());
    p.preference = P(m_transport->currentData().toInt());
    p.pki.certificateFile = field(QStringLiteral("certificate"))->text();
    p.pki.privateKeyFile = field(QStringLiteral("privateKey"))->text();
    p.pki.caFile = field(QStringLiteral("caCertificate"))->text();
    p.pki.peerName = field(QStringLiteral("serverName"))->text();
    p.dataChannelUrl = QUrl(field(QStringLiteral("dataChannelUrl"))->text());
    return p;
}

void ProfileEditor::setTakenNames(const QStringList &names)
{
    m_takenNames = names;
    revalidate();
}

void ProfileEditor::setReferenceTime(const QDateTime &when)
{
    m_referenceTime = when;
    showCertificate();
}

bool ProfileEditor::isValid() const
{
    return m_valid;
}

void ProfileEditor::revalidate()
{
    const bool wasValid = m_valid;
    m_valid = true;
    const auto text = [this](const char *name) { return field(QString::fromLatin1(name))->text(); };
    setProblem(QStringLiteral("name"), profiles::checkProfileName(text("name"), m_takenNames));
    setProblem(QStringLiteral("host"), profiles::checkHost(text("host")));
    bool portOk = false;
    const qint64 port = text("port").toLongLong(&portOk);
    setProblem(QStringLiteral("port"), portOk ? profiles::checkServerPort(port)
                                              : std::optional<QString>(tr("enter a number from 1 to 65535")));
    setProblem(QStringLiteral("certificate"), profiles::checkCertificateFile(text("certificate")));
    setProblem(QStringLiteral("privateKey"), profiles::checkPrivateKeyFile(text("privateKey"), text("certificate")));
    setProblem(QStringLiteral("caCertificate"), profiles::checkCaFile(text("caCertificate")));
    setProblem(QStringLiteral("serverName"), profiles::checkExpectedServerName(text("serverName")));
    setProblem(QStringLiteral("dataChannelUrl"), profiles::checkDataChannelUrl(text("dataChannelUrl")));
    showCertificate();
    if (wasValid != m_valid)
        emit validityChanged(m_valid);
}

void ProfileEditor::showCertificate()
{
    const QDateTime now = m_referenceTime.isValid() ? m_referenceTime : QDateTime::currentDateTimeUtc();
    QString error;
    const auto details = profiles::CertificateDetails::fromFile(field(QStringLiteral("certificate"))->text(), &error);
    const QString none = tr("—");
    m_subject->setText(details ? details->subject : none);
    m_issuer->setText(details ? details->issuer : none);
    m_altNames->setText(details && !details->subjectAltNames.isEmpty() ? details->subjectAltNames.join(QStringLiteral(", ")) : none);
    m_cuid->setText(details ? details->cuid : none);
    if (!details) {
        m_validity->setText(none);
        m_validity->setStyleSheet({});
    } else {
        using V = profiles::CertificateDetails::Validity;
        const V v = details->validityAt(now);
        const Tone tone = v == V::Valid ? Tone::Good : v == V::ExpiringSoon ? Tone::Warning : Tone::Bad;
        m_validity->setText(details->validityText(now));
        m_validity->setStyleSheet(QStringLiteral("color: %1; font-weight: %2;")
                                      .arg(toneColor(tone).darker(v == V::Valid ? 130 : 110).name())
                                      .arg(v == V::Valid ? QStringLiteral("normal") : QStringLiteral("bold")));
    }
    const auto ca = profiles::CertificateDetails::fromFile(field(QStringLiteral("caCertificate"))->text(), &error);
    if (!ca) {
        m_caSummary->setText(none);
        m_caSummary->setStyleSheet({});
    } else {
        using V = profiles::CertificateDetails::Validity;
        const V v = ca->validityAt(now);
        QString text = tr("%1, %2").arg(ca->subject, ca->validityText(now));
        if (ca->certificatesInFile > 1)
            text += tr(" (and %n more certificate(s) in the file)", nullptr, ca->certificatesInFile - 1);
        m_caSummary->setText(text);
        m_caSummary->setStyleSheet(v == V::Valid ? QString()
                                                 : QStringLiteral("color: %1;").arg(toneColor(v == V::ExpiringSoon ? Tone::Warning : Tone::Bad).name()));
    }
}

QString ProfileEditor::certificateSummary() const
{
    return QStringList{tr("Subject: %1").arg(m_subject->text()), tr("Issuer: %1").arg(m_issuer->text()),
                       tr("Alternative names: %1").arg(m_altNames->text()), tr("Validity: %1").arg(m_validity->text()),
                       tr("cuid: %1").arg(m_cuid->text()), tr("CA file: %1").arg(m_caSummary->text())}
        .join(u'\n');
}

} // namespace dots::ui

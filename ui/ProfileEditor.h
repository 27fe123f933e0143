// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "profiles/CertificateDetails.h"
#include "signal/ServerProfile.h"

#include <QDateTime>
#include <QWidget>

class QComboBox;
class QFormLayout;
class QGroupBox;
class QLabel;
class QLineEdit;

namespace dots::ui {

// The fields of one server profile, each checked as typed with its problem in words right
// under it, and what the chosen client certificate says about us: subject, issuer,
// validity (amber when it expires soon, red when expired) and the cuid the server will see.
class ProfileEditor : public QWidget
{
    Q_OBJECT
public:
    explicit ProfileEditor(QWidget *parent = nullptr);

    void setProfile(const signal::ServerProfile &profile);
    signal::ServerProfile profile() const;
    // Names the profile may not take (the other saved profiles).
    void setTakenNames(const QStringList &names);
    // The date certificate validity is judged against (now by default).
    void setReferenceTime(const QDateTime &when);

    bool isValid() const;
    // The problem shown beside a field ("" when fine); fields are named by objectName
    // ("name", "host", "port", "certificate", "privateKey", "caCertificate", "serverName", "dataChannelUrl").
    QString problem(const QString &field) const;
    QLineEdit *field(const QString &name) const;
    QComboBox *transportBox() const { return m_transport; }
    // The certificate details as shown, one "label: value" line each.
    QString certificateSummary() const;

signals:
    void edited();
    void validityChanged(bool valid);

private:
    QLineEdit *addLine(QFormLayout *form, const QString &name, const QString &label, const QString &tip,
                       bool browse = false);
    void revalidate();
    void showCertificate();
    void setProblem(const QString &field, const std::optional<QString> &problem);

    QStringList m_takenNames;
    QDateTime m_referenceTime;
    QComboBox *m_transport;
    QGroupBox *m_certificateBox;
    QLabel *m_subject;
    QLabel *m_issuer;
    QLabel *m_altNames;
    QLabel *m_validity;
    QLabel *m_cuid;
    QLabel *m_caSummary;
    bool m_valid = false;
    bool m_loading = false;
};

} // namespace dots::ui

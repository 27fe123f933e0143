#pragma once

#include "signal/MitigationRequest.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace dots::ui {

// Asks for what to protect: target prefixes, ports, protocol and lifetime. Every field is
// checked as it is typed with the rules the codec applies, the problem is shown under the
// field, and OK stays disabled until the request would be accepted locally.
class NewMitigationDialog : public QDialog
{
    Q_OBJECT
public:
    explicit NewMitigationDialog(QWidget *parent = nullptr);

    // The request the fields describe (mid 0: the channel allocates one).
    signal::MitigationRequest request() const;
    bool isValid() const { return m_valid; }

private:
    void validate();
    QLabel *errorLabel(const QString &name);

    QLineEdit *m_prefixes;
    QLabel *m_prefixError;
    QLineEdit *m_ports;
    QLabel *m_portError;
    QComboBox *m_protocol;
    QSpinBox *m_lifetime;
    QCheckBox *m_indefinite;
    QLabel *m_lifetimeError;
    QLabel *m_requestError;
    QDialogButtonBox *m_buttons;
    bool m_valid = false;
};

} // namespace dots::ui

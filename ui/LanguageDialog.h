// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>

class QComboBox;

namespace dots::ui {

// View > Language: the language of the console's texts, or the system's. The choice is stored
// in the settings (ui/language) and applies at the next start, which the dialog says.
class LanguageDialog : public QDialog
{
    Q_OBJECT
public:
    explicit LanguageDialog(QWidget *parent = nullptr);

    // The selected language code; empty: follow the system.
    QString selectedCode() const;
    void selectCode(const QString &code);

    // Stores the selection; returns what to tell the analyst.
    QString store() const;

private:
    QComboBox *m_languages;
};

} // namespace dots::ui

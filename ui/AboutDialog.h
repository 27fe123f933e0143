// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>

namespace dots::ui {

// Help > About: the console's version, the versions of Qt, libcoap and OpenSSL it runs on
// (what support asks for first) and the licences of the console and of those libraries.
class AboutDialog : public QDialog
{
    Q_OBJECT
public:
    explicit AboutDialog(QWidget *parent = nullptr);

    // The dialog's text as rich text, for the dialog and for tests.
    static QString text();
    // Plain text for a support ticket: versions, operating system, display platform.
    static QString supportDetails();
};

} // namespace dots::ui

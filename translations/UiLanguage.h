// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLocale>
#include <QString>
#include <QStringList>

class QCoreApplication;

namespace dots::translations {

// The language of the console's texts: the one chosen in the settings (key ui/language of the
// "dots-console" settings), else the system's. English is the source language and needs no
// translation file; the others are compiled into the program (resource folder :/i18n).
class UiLanguage
{
public:
    static QString settingsKey() { return QStringLiteral("ui/language"); }

    // Language codes with a translation, English first: {"en", "de", ...}.
    static QStringList available();
    // The language's name in that language, e.g. "Deutsch" for "de".
    static QString nativeName(const QString &code);

    // The code stored in the settings; empty: follow the system.
    static QString chosen();
    // Stores the choice (empty: follow the system). It applies at the next start.
    static void choose(const QString &code);

    // The chosen language, else the system's locale.
    static QLocale effectiveLocale();
    // Installs the console's and Qt's own (qtbase, if installed) translations for `locale` on
    // the application; English where there is no translation for `locale`. Returns the code of
    // the console translation used, e.g. "de".
    static QString install(QCoreApplication *app, const QLocale &locale);
};

} // namespace dots::translations

// SPDX-License-Identifier: GPL-3.0-or-later
#include "UiLanguage.h"

#include <QCoreApplication>
#include <QDir>
#include <QLibraryInfo>
#include <QSettings>
#include <QTranslator>

namespace dots::translations {

namespace {

const QString kResourceDir = QStringLiteral(":/i18n");
const QString kFilePrefix = QStringLiteral("dots-console_");

// Settings agreed for the whole console, independent of the application object's names.
QSettings settings()
{
    return QSettings(QStringLiteral("dots-console"), QStringLiteral("dots-console"));
}

} // namespace

QStringList UiLanguage::available()
{
    QStringList codes{QStringLiteral("en")};
    const QStringList files = QDir(kResourceDir).entryList({kFilePrefix + QStringLiteral("*.qm")}, QDir::Files, QDir::Name);
    for (const QString &file : files) {
        const QString code = file.mid(kFilePrefix.size()).chopped(3);
        if (!codes.contains(code))
            codes << code;
    }
    return codes;
}

QString UiLanguage::nativeName(const QString &code)
{
    const QLocale locale(code);
    if (locale.language() == QLocale::English || locale.language() == QLocale::C)
        return QStringLiteral("English"); // not "American English": the texts are plain English
    QString name = locale.nativeLanguageName();
    if (!name.isEmpty())
        name[0] = name[0].toUpper();
    return name.isEmpty() ? code : name;
}

QString UiLanguage::chosen()
{
    return settings().value(settingsKey()).toString();
}

void UiLanguage::choose(const QString &code)
{
    auto s = settings();
    if (code.isEmpty())
        s.remove(settingsKey());
    else
        s.setValue(settingsKey(), code);
}

QLocale UiLanguage::effectiveLocale()
{
    const QString code = chosen();
    return code.isEmpty() ? QLocale::system() : QLocale(code);
}

QString UiLanguage::install(QCoreApplication *app, const QLocale &locale)
{
    // Qt's own texts (standard buttons, file dialogs) in the same language, where installed.
    auto *qt = new QTranslator(app);
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"), QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    else
        delete qt;

    // No translation for this language: English, whose file gives the plural forms.
    auto *console = new QTranslator(app);
    if (!console->load(locale, QStringLiteral("dots-console"), QStringLiteral("_"), kResourceDir)
        && !console->load(kFilePrefix + QStringLiteral("en"), kResourceDir)) {
        delete console;
        return QStringLiteral("en");
    }
    QCoreApplication::installTranslator(console);
    return console->language().section(QLatin1Char('_'), 0, 0);
}

} // namespace dots::translations

// SPDX-License-Identifier: GPL-3.0-or-later
// The console's translations: the German catalogue is complete and current with the sources
// (lupdate runs on them here), UiLanguage loads it (and Qt's own texts where installed), the
// widgets then speak German, plural forms follow the number, and the language chosen in
// View > Language is stored under ui/language.
#include "AboutDialog.h"
#include "LanguageDialog.h"
#include "MainWindow.h"
#include "MitigationDashboard.h"
#include "UiLanguage.h"
#include "models/FilterRuleText.h"
#include "models/MitigationTableModel.h"
#include "models/SignalEventLogModel.h"
#include "models/TrafficUnits.h"
#include "profiles/CertificateDetails.h"
#include "profiles/ProfileChecks.h"
#include "signal/SignalChannel.h"
#include "transport/TransportError.h"

#include <QAction>
#include <QComboBox>
#include <QCoro/QCoroTask>
#include <QDialogButtonBox>
#include <QFile>
#include <QLabel>
#include <QLibraryInfo>
#include <QMenuBar>
#include <QProcess>
#include <QPushButton>
#include <QRegularExpression>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>
#include <QXmlStreamReader>

using namespace dots;
using translations::UiLanguage;

class TranslationsTest : public QObject
{
    Q_OBJECT

private:
    // A .ts file as far as completeness goes: every message as "context: source", and the sources
    // of those without a finished translation (German has two plural forms, as English).
    struct Catalogue
    {
        QString language, error;
        QStringList messages, incomplete;
        QStringList wrongPlaceholders; // a translation that drops, adds or renumbers %1, %L1, %n
        int plurals = 0;
    };

    static QStringList placeholders(const QString &text)
    {
        static const QRegularExpression placeholder(QStringLiteral("%L?\\d+|%n"));
        QStringList found;
        for (auto it = placeholder.globalMatch(text); it.hasNext();)
            found << it.next().captured();
        found.sort();
        return found;
    }

    static Catalogue readCatalogue(const QString &path)
    {
        Catalogue c;
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            c.error = path + QStringLiteral(": ") + file.errorString();
            return c;
        }
        QXmlStreamReader xml(&file);
        QString context, source, translation;
        bool numerus = false, finished = true;
        QStringList forms;
        while (!xml.atEnd()) {
            xml.readNext();
            if (xml.isStartElement()) {
                const auto name = xml.name();
                if (name == QLatin1String("TS")) {
                    c.language = xml.attributes().value(QLatin1String("language")).toString();
                } else if (name == QLatin1String("name")) {
                    context = xml.readElementText();
                } else if (name == QLatin1String("message")) {
                    numerus = xml.attributes().value(QLatin1String("numerus")) == QLatin1String("yes");
                    forms.clear();
                    translation.clear();
                } else if (name == QLatin1String("source")) {
                    source = xml.readElementText();
                } else if (name == QLatin1String("translation")) {
                    // unfinished, vanished or obsolete
                    finished = !xml.attributes().hasAttribute(QLatin1String("type"));
                    if (!numerus)
                        translation = xml.readElementText();
                } else if (name == QLatin1String("numerusform")) {
                    forms << xml.readElementText();
                }
            } else if (xml.isEndElement() && xml.name() == QLatin1String("message")) {
                c.messages << context + QStringLiteral(": ") + source;
                c.plurals += numerus;
                const bool complete = numerus ? forms.size() == 2 && !forms.contains(QString()) : !translation.isEmpty();
                if (!finished || !complete)
                    c.incomplete << c.messages.last();
                for (const QString &form : numerus ? forms : QStringList{translation})
                    if (!form.isEmpty() && placeholders(form) != placeholders(source))
                        c.wrongPlaceholders << c.messages.last() + QStringLiteral(" => ") + form;
            }
        }
        if (xml.hasError())
            c.error = path + QStringLiteral(": ") + xml.errorString();
        return c;
    }

    static void removeTranslators()
    {
        const auto translators = qApp->findChildren<QTranslator *>();
        for (QTranslator *t : translators) {
            QCoreApplication::removeTranslator(t);
            delete t;
        }
    }

    static QStringList menuTitles(const QMainWindow &window)
    {
        QStringList titles;
        for (QAction *a : window.menuBar()->actions())
            titles << a->text();
        return titles;
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings(QStringLiteral("dots-console"), QStringLiteral("dots-console")).clear();
    }

    void cleanup() { removeTranslators(); }

    void germanCatalogueIsComplete()
    {
        const Catalogue de = readCatalogue(QStringLiteral(DOTS_TRANSLATIONS_DIR "/dots-console_de.ts"));
        QVERIFY2(de.error.isEmpty(), qPrintable(de.error));
        QCOMPARE(de.language, QStringLiteral("de"));
        QVERIFY(de.messages.size() > 100);
        QVERIFY(de.plurals > 0);
        QVERIFY2(de.incomplete.isEmpty(), qPrintable(QStringLiteral("not translated in dots-console_de.ts (build the target "
                                                                    "update_translations, then translate): ")
                                                     + de.incomplete.join(QStringLiteral(" | "))));
    }

    // lupdate run on today's sources (into a copy, the committed files stay as they are) finds
    // every text translated: a tr() added without its German fails here, not on an analyst's screen.
    void sourcesAreTranslated_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QStringList>("options");
        QTest::newRow("German") << QStringLiteral("dots-console_de.ts") << QStringList();
        QTest::newRow("English plural forms") << QStringLiteral("dots-console_en.ts") << QStringList{QStringLiteral("-pluralonly")};
    }

    void sourcesAreTranslated()
    {
        QFETCH(QString, file);
        QFETCH(QStringList, options);
        const QString committed = QStringLiteral(DOTS_TRANSLATIONS_DIR "/") + file;
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString updated = dir.filePath(file);
        QVERIFY(QFile::copy(committed, updated));
        QFile::setPermissions(updated, QFile::ReadOwner | QFile::WriteOwner);

        QProcess lupdate;
        lupdate.start(QStringLiteral(DOTS_LUPDATE),
                      QStringList{QStringLiteral("@" DOTS_LUPDATE_SOURCES), QStringLiteral("-no-obsolete"), QStringLiteral("-locations"),
                                  QStringLiteral("none")}
                          + options + QStringList{QStringLiteral("-ts"), updated});
        QVERIFY2(lupdate.waitForFinished(60000), qPrintable(QStringLiteral(DOTS_LUPDATE ": ") + lupdate.errorString()));
        const QString output = QString::fromLocal8Bit(lupdate.readAllStandardError() + lupdate.readAllStandardOutput());
        QVERIFY2(lupdate.exitStatus() == QProcess::NormalExit && lupdate.exitCode() == 0, qPrintable(output));

        // tr() in a class without Q_OBJECT or Q_DECLARE_TR_FUNCTIONS: lupdate files the text under
        // another context than the program looks it up in, so it stays English however translated.
        QStringList misfiled;
        for (const QString &line : output.split(QLatin1Char('\n')))
            if (line.contains(QLatin1String("lacks Q_OBJECT macro")))
                misfiled << line.trimmed();
        QVERIFY2(misfiled.isEmpty(), qPrintable(QStringLiteral("tr() whose context lupdate cannot know (use Q_DECLARE_TR_FUNCTIONS):\n")
                                                + misfiled.join(QLatin1Char('\n'))));

        const Catalogue fresh = readCatalogue(updated);
        QVERIFY2(fresh.error.isEmpty(), qPrintable(fresh.error));
        QVERIFY2(fresh.incomplete.isEmpty(),
                 qPrintable(QStringLiteral("%1 texts in the sources are not translated in translations/%2. Run "
                                           "`cmake --build build/dev --target update_translations`, translate what is marked "
                                           "unfinished, commit the .ts file. The texts:\n  %3")
                                .arg(fresh.incomplete.size())
                                .arg(file, fresh.incomplete.join(QStringLiteral("\n  ")))));

        QVERIFY2(fresh.wrongPlaceholders.isEmpty(),
                 qPrintable(QStringLiteral("translations/%1: the translation's placeholders differ from the source's:\n  %2")
                                .arg(file, fresh.wrongPlaceholders.join(QStringLiteral("\n  ")))));

        // Texts the sources no longer have: the committed file is behind (update_translations drops them).
        const Catalogue old = readCatalogue(committed);
        QStringList stale;
        for (const QString &key : old.messages)
            if (!fresh.messages.contains(key))
                stale << key;
        QVERIFY2(stale.isEmpty(), qPrintable(QStringLiteral("translations/%1 holds texts the sources no longer have; run the "
                                                            "target update_translations and commit the file:\n  %2")
                                                 .arg(file, stale.join(QStringLiteral("\n  ")))));
    }

    void availableLanguages()
    {
        const QStringList codes = UiLanguage::available();
        QCOMPARE(codes.value(0), QStringLiteral("en"));
        QVERIFY(codes.contains(QStringLiteral("de")));
        QCOMPARE(UiLanguage::nativeName(QStringLiteral("de")), QStringLiteral("Deutsch"));
        QCOMPARE(UiLanguage::nativeName(QStringLiteral("en")), QStringLiteral("English"));
    }

    void widgetsSpeakGerman()
    {
        QCOMPARE(UiLanguage::install(qApp, QLocale(QLocale::German, QLocale::Germany)), QStringLiteral("de"));
        models::MitigationTableModel mitigations;
        models::SignalEventLogModel log;
        ui::MainWindow window(&mitigations, &log);
        window.show();

        QCOMPARE(window.windowTitle(), QStringLiteral("DOTS-Konsole"));
        QCOMPARE(menuTitles(window),
                 (QStringList{QStringLiteral("&Datei"), QStringLiteral("&Abwehr"), QStringLiteral("A&nsicht"), QStringLiteral("&Hilfe")}));
        QCOMPARE(window.newMitigationAction()->text(), QStringLiteral("&Neue Abwehr …"));
        QCOMPARE(window.withdrawAction()->text(), QStringLiteral("&Zurückziehen"));
        QCOMPARE(mitigations.headerData(models::MitigationTableModel::TargetColumn, Qt::Horizontal).toString(),
                 QStringLiteral("Ziel"));
        auto *count = window.findChild<QLabel *>(QStringLiteral("mitigationCount"));
        QVERIFY(count);
        QCOMPARE(count->text(), QStringLiteral("0 Abwehrmaßnahmen"));
        auto *empty = window.findChild<QLabel *>(QStringLiteral("emptyState"));
        QVERIFY(empty);
        QVERIFY2(empty->text().startsWith(QStringLiteral("Keine Abwehrmaßnahmen.")), qPrintable(empty->text()));
        QCOMPARE(models::formatPackets(950), QStringLiteral("950 Pakete"));
        // Texts of core functions that are not QObjects, translated in their own contexts.
        QCOMPARE(models::describeActivation(data::ActivationType::Immediate), QStringLiteral("jetzt aktiv"));
        QCOMPARE(profiles::checkProfileName(QString(), {}).value_or(QString()), QStringLiteral("Geben Sie dem Profil einen Namen"));
        QString certificateError;
        QVERIFY(!profiles::CertificateDetails::fromFile(QString(), &certificateError));
        QCOMPARE(certificateError, QStringLiteral("keine Datei gewählt"));
        // The signal channel's log lines, in the contexts the log's and the telemetry client's tr() look them up in.
        const char *logContext = signal::SignalLog::staticMetaObject.className();
        const char *telemetry = signal::TelemetryClient::staticMetaObject.className();
        QCOMPARE(QCoreApplication::translate(logContext, "%1 for %2").arg(QStringLiteral("2.05"), QCoreApplication::translate(telemetry, "telemetry")),
                 QStringLiteral("2.05 für Telemetrie"));
        // And its errors, as a dialog shows them.
        signal::SignalChannel unconnected;
        auto fetching = unconnected.fetchSessionConfig();
        const auto fetched = QCoro::waitFor(fetching);
        QVERIFY(!fetched.ok());
        QCOMPARE(fetched.error().message, QStringLiteral("nicht mit einem DOTS-Server verbunden"));

        // Errors from below the UI, as the notice bar shows them.
        using transport::TransportError;
        QCOMPARE(TransportError::make(TransportError::Kind::UntrustedServerCertificate).toString(),
                 QStringLiteral("Serverzertifikat ist nicht von einer vertrauenswürdigen CA signiert"));

        ui::AboutDialog about(&window);
        QCOMPARE(about.windowTitle(), QStringLiteral("Über DOTS-Konsole"));
        QVERIFY(ui::AboutDialog::text().contains(QStringLiteral("Lizenzen")));
    }

    void germanPluralForms()
    {
        UiLanguage::install(qApp, QLocale(QLocale::German));
        const char *context = "dots::ui::MitigationDashboard";
        QCOMPARE(QCoreApplication::translate(context, "%n mitigation(s)", nullptr, 1), QStringLiteral("1 Abwehrmaßnahme"));
        QCOMPARE(QCoreApplication::translate(context, "%n mitigation(s)", nullptr, 3), QStringLiteral("3 Abwehrmaßnahmen"));
    }

    void englishWhereThereIsNoTranslation()
    {
        // French has no translation: English texts, with English plural forms.
        QCOMPARE(UiLanguage::install(qApp, QLocale(QLocale::French)), QStringLiteral("en"));
        const char *context = "dots::ui::MitigationDashboard";
        QCOMPARE(QCoreApplication::translate(context, "%n mitigation(s)", nullptr, 1), QStringLiteral("1 mitigation"));
        QCOMPARE(QCoreApplication::translate(context, "%n mitigation(s)", nullptr, 2), QStringLiteral("2 mitigations"));
        models::MitigationTableModel mitigations;
        QCOMPARE(mitigations.headerData(models::MitigationTableModel::TargetColumn, Qt::Horizontal).toString(),
                 QStringLiteral("Target"));
        QCOMPARE(transport::TransportError::make(transport::TransportError::Kind::Timeout).toString(),
                 QStringLiteral("no response from the server"));
    }

    void qtOwnTextsInGerman()
    {
        const QString qtbase = QLibraryInfo::path(QLibraryInfo::TranslationsPath) + QStringLiteral("/qtbase_de.qm");
        if (!QFile::exists(qtbase))
            QSKIP("Qt's German translation (package qt6-translations-l10n) is not installed");
        UiLanguage::install(qApp, QLocale(QLocale::German));
        QDialogButtonBox buttons(QDialogButtonBox::Cancel);
        QCOMPARE(buttons.button(QDialogButtonBox::Cancel)->text(), QStringLiteral("Abbrechen"));
    }

    void languageChoiceIsStored()
    {
        QVERIFY(UiLanguage::chosen().isEmpty());
        QCOMPARE(UiLanguage::effectiveLocale(), QLocale::system());

        ui::LanguageDialog dialog;
        auto *combo = dialog.findChild<QComboBox *>(QStringLiteral("languageCombo"));
        QVERIFY(combo);
        QCOMPARE(combo->currentIndex(), 0); // follows the system
        QVERIFY(combo->findText(QStringLiteral("Deutsch")) > 0);
        dialog.selectCode(QStringLiteral("de"));
        QCOMPARE(combo->currentText(), QStringLiteral("Deutsch"));
        QVERIFY(dialog.store().contains(QStringLiteral("Deutsch")));

        QCOMPARE(UiLanguage::chosen(), QStringLiteral("de"));
        QCOMPARE(QSettings(QStringLiteral("dots-console"), QStringLiteral("dots-console")).value(QStringLiteral("ui/language")).toString(),
                 QStringLiteral("de"));
        QCOMPARE(UiLanguage::effectiveLocale().language(), QLocale::German);

        ui::LanguageDialog again;
        QCOMPARE(again.selectedCode(), QStringLiteral("de"));
        again.selectCode(QString());
        again.store();
        QVERIFY(UiLanguage::chosen().isEmpty());
    }
};

QTEST_MAIN(TranslationsTest)
#include "tst_translations.moc"

// The console's translations: the German catalogue is complete, UiLanguage loads it (and Qt's
// own texts where installed), the widgets then speak German, plural forms follow the number,
// and the language chosen in View > Language is stored under ui/language.
#include "AboutDialog.h"
#include "LanguageDialog.h"
#include "MainWindow.h"
#include "MitigationDashboard.h"
#include "UiLanguage.h"
#include "models/MitigationTableModel.h"
#include "models/SignalEventLogModel.h"
#include "models/TrafficUnits.h"
#include "transport/TransportError.h"

#include <QAction>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QLabel>
#include <QLibraryInfo>
#include <QMenuBar>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTest>
#include <QTranslator>
#include <QXmlStreamReader>

using namespace dots;
using translations::UiLanguage;

class TranslationsTest : public QObject
{
    Q_OBJECT

private:
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
        QFile file(QStringLiteral(DOTS_TRANSLATIONS_DIR "/dots-console_de.ts"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QXmlStreamReader xml(&file);
        QString language, source, translation;
        bool numerus = false, finished = true;
        QStringList forms, incomplete;
        int messages = 0, plurals = 0;
        while (!xml.atEnd()) {
            xml.readNext();
            if (xml.isStartElement()) {
                const auto name = xml.name();
                if (name == QLatin1String("TS")) {
                    language = xml.attributes().value(QLatin1String("language")).toString();
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
                ++messages;
                plurals += numerus;
                // German has two plural forms: one, other.
                const bool complete = numerus ? forms.size() == 2 && !forms.contains(QString()) : !translation.isEmpty();
                if (!finished || !complete)
                    incomplete << source;
            }
        }
        QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
        QCOMPARE(language, QStringLiteral("de"));
        QVERIFY(messages > 100);
        QVERIFY(plurals > 0);
        QVERIFY2(incomplete.isEmpty(), qPrintable(QStringLiteral("not translated in dots-console_de.ts (build the target "
                                                                 "update_translations, then translate): ")
                                                  + incomplete.join(QStringLiteral(" | "))));
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

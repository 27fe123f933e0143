// SPDX-License-Identifier: GPL-3.0-or-later
// The data channel against an HTTPS server that answers badly on purpose (HostileRestconfServer):
// cut off, trickling, enormous, of the wrong content type. Each ends in an error in words,
// soon, without the client holding more than a bounded amount of the answer.
#include "HostileRestconfServer.h"
#include "ProcessMemory.h"
#include "data/DataChannel.h"
#include "pki/PkiGenerator.h"

#include <QCoro/QCoroTask>
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QtTest>

using namespace dots;
using namespace dots::data;
using Mode = HostileRestconfServer::Mode;

Q_DECLARE_METATYPE(HostileRestconfServer::Mode)

class DataChannelHostileTest : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString pkiDir() const { return m_dir.filePath(QStringLiteral("pki")); }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QCOMPARE(pki::PkiGenerator::ensure(pkiDir()), QString());
    }

    void badAnswersEndInWords_data()
    {
        QTest::addColumn<Mode>("mode");
        QTest::addColumn<QString>("words");
        QTest::newRow("truncated") << Mode::Truncated << QStringLiteral("cut off");
        QTest::newRow("trickle") << Mode::Trickle << QStringLiteral("did not finish its answer within 3 s");
        QTest::newRow("enormous") << Mode::Enormous << QStringLiteral("larger than 16 MiB");
        QTest::newRow("wrong content type") << Mode::WrongContentType << QStringLiteral("text/html");
    }
    void badAnswersEndInWords()
    {
        QFETCH(Mode, mode);
        QFETCH(QString, words);
        HostileRestconfServer server(pki::PkiFiles::inDirectory(pkiDir()), mode);
        const quint16 port = server.listen(QHostAddress::LocalHost);
        QVERIFY(port != 0);
        DataChannel channel;
        channel.setTimeout(1000);
        const auto files = pki::PkiFiles::inDirectory(pkiDir());
        QCOMPARE(channel.configure(QUrl(QStringLiteral("https://127.0.0.1:%1").arg(port)),
                                   {files.clientCertificate, files.clientKey, files.caCertificate, {}}),
                 QString());
        const double memoryBefore = test::residentMiB();
        QElapsedTimer clock;
        clock.start();
        auto reading = channel.capabilities();
        const auto answer = QCoro::waitFor(reading);
        const qint64 elapsed = clock.elapsed();
        const double memoryAfter = test::residentMiB();
        qInfo("%s after %lld ms, %lld bytes sent, resident memory %.1f -> %.1f MiB",
              qPrintable(answer.ok() ? QStringLiteral("accepted") : answer.error().toString()), elapsed, server.bytesSent,
              memoryBefore, memoryAfter);
        QVERIFY(!answer.ok());
        QVERIFY2(answer.error().toString().contains(words), qPrintable(answer.error().toString()));
        QVERIFY2(elapsed < 6000 * test::kSlowdown, qPrintable(QString::number(elapsed)));
        if (!test::kSanitized)
            QVERIFY2(memoryAfter - memoryBefore < 48, qPrintable(QString::number(memoryAfter - memoryBefore)));
    }
};

QTEST_GUILESS_MAIN(DataChannelHostileTest)
#include "DataChannelHostileTest.moc"

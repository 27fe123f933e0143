// SPDX-License-Identifier: GPL-3.0-or-later
// The dots-cbor executable: encode, decode, hex, errors on stderr with the path.
#include <QFile>
#include <QJsonDocument>
#include <QProcess>
#include <QTest>

namespace {

struct Run {
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

Run runTool(const QStringList &args, const QByteArray &input = {})
{
    QProcess process;
    process.start(QStringLiteral(DOTS_CBOR_EXE), args);
    if (!process.waitForStarted())
        qFatal("cannot start %s", DOTS_CBOR_EXE);
    process.write(input);
    process.closeWriteChannel();
    if (!process.waitForFinished(30000))
        qFatal("dots-cbor did not finish");
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1, process.readAllStandardOutput(),
            process.readAllStandardError()};
}

QString dataFile(const char *name) { return QStringLiteral(DOTS_TEST_DATA_DIR "/") + QLatin1StringView(name); }

QByteArray readFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot open %s", qPrintable(path));
    return file.readAll();
}

} // namespace

class TestDotsCborTool : public QObject {
    Q_OBJECT
private slots:
    void mitigationRequestRoundTripsExactly()
    {
        const QString file = dataFile("mitigation-request.json");
        const Run encoded = runTool({QStringLiteral("encode"), file});
        QCOMPARE(encoded.exitCode, 0);
        QVERIFY(encoded.err.isEmpty());
        QVERIFY(!encoded.out.isEmpty());
        QCOMPARE(quint8(encoded.out.at(0)), quint8(0xa1)); // a CBOR map with one root

        const Run decoded = runTool({QStringLiteral("decode")}, encoded.out);
        QCOMPARE(decoded.exitCode, 0);
        // The sample is written the way the tool prints JSON, so the text is identical.
        QCOMPARE(QString::fromUtf8(decoded.out), QString::fromUtf8(readFile(file)));
    }

    void hexBothWays()
    {
        const Run encoded = runTool({QStringLiteral("encode"), QStringLiteral("--hex")},
                                    R"({"ietf-dots-signal-channel:heartbeat":{"peer-hb-status":true}})");
        QCOMPARE(encoded.exitCode, 0);
        QCOMPARE(encoded.out, QByteArray("a11831a11833f5\n"));

        const Run decoded = runTool({QStringLiteral("decode"), QStringLiteral("--hex")}, "A1 18 31\n a1 18 33 f5\n");
        QCOMPARE(decoded.exitCode, 0);
        QCOMPARE(QJsonDocument::fromJson(decoded.out),
                 QJsonDocument::fromJson(R"({"ietf-dots-signal-channel:heartbeat":{"peer-hb-status":true}})"));
    }

    void badInputFailsWithThePath()
    {
        const Run run = runTool({QStringLiteral("encode")},
                                R"({"ietf-dots-signal-channel:mitigation-scope":{"scope":[{"target-port-range":[{"lower-port":1},{"lower-port":2,"upper-port":70000}]}]}})");
        QCOMPARE(run.exitCode, 1);
        QVERIFY(run.out.isEmpty());
        QCOMPARE(QString::fromUtf8(run.err).trimmed(),
                 QStringLiteral("dots-cbor: ietf-dots-signal-channel:mitigation-scope.scope[0].target-port-range[1]"
                                ".upper-port: 70000 is out of range 0..65535"));

        const Run truncated = runTool({QStringLiteral("decode"), QStringLiteral("--hex")}, "a101a1");
        QCOMPARE(truncated.exitCode, 1);
        QVERIFY(truncated.err.contains("malformed CBOR"));

        const Run notHex = runTool({QStringLiteral("decode"), QStringLiteral("--hex")}, "a1 zz");
        QCOMPARE(notHex.exitCode, 1);
        QVERIFY(notHex.err.contains("not hex"));

        const Run notJson = runTool({QStringLiteral("encode")}, "{");
        QCOMPARE(notJson.exitCode, 1);
        QVERIFY(notJson.err.contains("invalid JSON"));

        const Run missing = runTool({QStringLiteral("decode"), QStringLiteral("/nonexistent/file.cbor")});
        QCOMPARE(missing.exitCode, 1);
        QVERIFY(missing.err.contains("cannot open"));

        const Run lifetime0 = runTool({QStringLiteral("encode"), QStringLiteral("--request")},
                                      R"({"ietf-dots-signal-channel:mitigation-scope":{"scope":[{"lifetime":0}]}})");
        QCOMPARE(lifetime0.exitCode, 1);
        QVERIFY(lifetime0.err.contains("scope[0].lifetime: 0 is not a valid lifetime"));
    }

    void usage()
    {
        QCOMPARE(runTool({QStringLiteral("--version")}).out.trimmed(), QByteArray("dots-cbor 0.1.0"));
        const Run help = runTool({QStringLiteral("--help")});
        QCOMPARE(help.exitCode, 0);
        QVERIFY(help.out.contains("encode [FILE]"));
        QCOMPARE(runTool({QStringLiteral("frobnicate")}).exitCode, 2);
        QCOMPARE(runTool({}).exitCode, 2);
    }
};

QTEST_GUILESS_MAIN(TestDotsCborTool)
#include "tst_dots_cbor_tool.moc"

// SPDX-License-Identifier: GPL-3.0-or-later
// How mitigation requests fare on a lossy link: the signal channel over DTLS through a
// relay that drops a share of datagrams both ways, against the simulator on 127.0.0.1.
// Prints, per loss level, how many requests were answered within the retry deadline, their
// latency and how many copies each took. Only the lossless row is asserted.
#include "LossyUdpRelay.h"
#include "RequestCopyCounter.h"
#include "SimulatorProcess.h"
#include "pki/PkiGenerator.h"
#include "signal/ResourcePath.h"
#include "signal/SignalChannel.h"

#include <QCoro/QCoroTask>
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <memory>
#include <vector>

using namespace dots;
using namespace dots::signal;
using Direction = dots::test::LossyUdpRelay::Direction;

namespace {

struct Sample
{
    bool created = false;  // 2.01/2.04
    bool refused = false;  // the server answered with an error code
    double ms = 0;
    quint32 mid = 0;
    QString error;
};

QCoro::Task<> timedRequest(SignalChannel *channel, MitigationRequest request, std::shared_ptr<Sample> sample)
{
    QElapsedTimer clock;
    clock.start();
    auto sent = channel->requestMitigation(request);
    auto result = co_await sent;
    sample->ms = double(clock.nsecsElapsed()) / 1e6;
    sample->created = result.ok();
    if (result.ok()) {
        sample->mid = result.value().mid;
    } else {
        sample->refused = result.error().kind == SignalError::Kind::Coap;
        sample->error = result.error().toString();
    }
}

// Starts every request at once and waits for all (the tasks run from their start).
QCoro::Task<> concurrently(SignalChannel *channel, QList<MitigationRequest> requests, QList<std::shared_ptr<Sample>> samples)
{
    std::vector<QCoro::Task<>> running;
    for (qsizetype i = 0; i < requests.size(); ++i)
        running.push_back(timedRequest(channel, requests.at(i), samples.at(i)));
    for (auto &task : running)
        co_await task;
}

double percentile(QList<double> values, double p)
{
    if (values.isEmpty())
        return 0;
    std::sort(values.begin(), values.end());
    const auto index = qsizetype(std::ceil(p * double(values.size()))) - 1;
    return values.at(std::clamp<qsizetype>(index, 0, values.size() - 1));
}

MitigationRequest requestFor(const QString &prefix)
{
    MitigationRequest request;
    request.target.prefixes = {prefix};
    request.target.portRanges = {PortRange{443, std::nullopt}};
    request.target.protocols = {6};
    request.lifetime = 600;
    return request;
}

} // namespace

class SignalLossBench : public QObject
{
    Q_OBJECT

    static constexpr int kRequestsPerLevel = 30;

    QTemporaryDir m_dir;
    SimulatorProcess m_sim;
    std::unique_ptr<test::LossyUdpRelay> m_relay;
    SignalChannel m_channel;

    // Withdraws at 0 % loss what a level created, so every level starts from the same server state.
    void withdrawAll(const QList<quint32> &mids)
    {
        m_relay->setLoss(0.0);
        for (const quint32 mid : mids) {
            auto withdrawn = QCoro::waitFor(m_channel.withdrawMitigation(mid));
            QVERIFY2(withdrawn.ok(), qPrintable(withdrawn.error().toString()));
        }
    }

    // Sends kRequestsPerLevel requests at `loss`, `batch` at a time, prints one table row and
    // returns how many were created within the deadline.
    qsizetype measureLevel(int loss, int batch, int prefixBase)
    {
        const auto deadline = m_channel.retryPolicy().deadline;
        test::RequestCopyCounter copies(m_channel.coapClient());
        m_relay->resetCounters();
        m_relay->setLoss(loss / 100.0);
        QList<std::shared_ptr<Sample>> samples;
        QElapsedTimer levelClock;
        levelClock.start();
        for (int first = 0; first < kRequestsPerLevel; first += batch) {
            QList<MitigationRequest> requests;
            QList<std::shared_ptr<Sample>> batchSamples;
            for (int i = first; i < std::min(first + batch, kRequestsPerLevel); ++i) {
                requests << requestFor(QStringLiteral("10.%1.%2.0/24").arg(prefixBase).arg(i));
                batchSamples << std::make_shared<Sample>();
            }
            QCoro::waitFor(concurrently(&m_channel, requests, batchSamples));
            samples << batchSamples;
        }
        const double levelSeconds = double(levelClock.elapsed()) / 1000.0;
        const quint64 up = m_relay->forwarded(Direction::ClientToServer) + m_relay->dropped(Direction::ClientToServer);
        const quint64 down = m_relay->forwarded(Direction::ServerToClient) + m_relay->dropped(Direction::ServerToClient);

        QList<double> latencies;
        QList<quint32> mids;
        int attempts = 0;
        int refused = 0;
        for (const auto &s : std::as_const(samples)) {
            if (s->created) {
                mids << s->mid;
                if (s->ms <= double(deadline.count())) {
                    latencies << s->ms;
                    attempts += copies.copies(transport::Method::Put, resource::mitigation(m_channel.cuid(), s->mid));
                }
            } else {
                refused += s->refused ? 1 : 0;
                qInfo().noquote() << "not created at" << loss << "% loss:" << s->error;
            }
        }
        const auto created = latencies.size();
        std::printf("| %3d %% | %8lld | %17.0f %% | %9.1f | %6.1f | %13.2f |  %d refused; %.1f s; datagrams %llu up, %llu down\n",
                    loss, static_cast<long long>(samples.size()), 100.0 * double(created) / double(samples.size()),
                    percentile(latencies, 0.5), percentile(latencies, 0.95),
                    created ? double(attempts) / double(created) : 0.0, refused, levelSeconds,
                    static_cast<unsigned long long>(up), static_cast<unsigned long long>(down));
        std::fflush(stdout);
        withdrawAll(mids);
        return created;
    }

    static void printHeader(int batch)
    {
        std::printf("\n%d requests per level, %d at a time, 30 s deadline, loss both ways\n", kRequestsPerLevel, batch);
        std::printf("| loss | requests | answered within 30 s | median ms | p95 ms | mean attempts |\n");
        std::printf("|-----:|---------:|---------------------:|----------:|-------:|--------------:|\n");
        std::fflush(stdout);
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        const QString pkiDir = m_dir.filePath(QStringLiteral("pki"));
        QCOMPARE(pki::PkiGenerator::ensure(pkiDir), QString());
        const QString started = m_sim.start(pkiDir);
        QVERIFY2(started.isEmpty(), qPrintable(started));
        m_relay = std::make_unique<test::LossyUdpRelay>(m_sim.dtlsPort(), 2026);
        QVERIFY(m_relay->isListening());

        const auto files = pki::PkiFiles::inDirectory(pkiDir);
        ServerProfile profile;
        profile.name = QStringLiteral("simulator via relay");
        profile.host = QStringLiteral("127.0.0.1");
        profile.port = m_relay->port();
        profile.preference = transport::TransportPreference::DtlsOnly;
        profile.pki = {files.clientCertificate, files.clientKey, files.caCertificate, {}};
        auto connected = QCoro::waitFor(m_channel.connectToServer(profile));
        QVERIFY2(connected.ok(), qPrintable(connected.error().toString()));
    }

    void latencyWithoutLoss()
    {
        m_relay->setLoss(0.0);
        QList<double> ms;
        QList<quint32> mids;
        for (int i = 0; i < 20; ++i) {
            QElapsedTimer clock;
            clock.start();
            auto created = QCoro::waitFor(m_channel.requestMitigation(requestFor(QStringLiteral("10.255.0.%1/32").arg(i))));
            ms << double(clock.nsecsElapsed()) / 1e6;
            QVERIFY2(created.ok(), qPrintable(created.error().toString()));
            mids << created.value().mid;
        }
        std::printf("\nOne request at a time, 0 %% loss: median %.1f ms, p95 %.1f ms (%lld requests)\n",
                    percentile(ms, 0.5), percentile(ms, 0.95), static_cast<long long>(ms.size()));
        std::fflush(stdout);
        withdrawAll(mids);
    }

    // One request at a time, as an analyst sends them.
    void sweepLoss()
    {
        printHeader(1);
        for (const int loss : {0, 10, 20, 30, 40, 50}) {
            const auto created = measureLevel(loss, 1, loss);
            if (loss == 0)
                QCOMPARE(created, qsizetype(kRequestsPerLevel));
        }
    }

    // New mids must reach the server in increasing order (RFC 9132 section 4.4.1); under
    // loss, concurrent requests overtake each other and the lower ones are refused.
    void concurrentRequestsUnderLoss()
    {
        printHeader(10);
        measureLevel(0, 10, 100);
        measureLevel(30, 10, 130);
    }

    void cleanupTestCase()
    {
        m_channel.disconnectFromServer();
    }
};

QTEST_GUILESS_MAIN(SignalLossBench)
#include "SignalLossBench.moc"

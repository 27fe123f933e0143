// SPDX-License-Identifier: GPL-3.0-or-later
#include "signal/NonConfirmableExchange.h"

#include "transport/CoapClient.h"

#include <QCoro/QCoroSignal>
#include <QElapsedTimer>
#include <QPointer>
#include <QTimer>

#include <algorithm>
#include <memory>

// Every co_await awaits a named task: GCC 12 destroys a non-trivial temporary
// co_await operand twice.

namespace dots::signal {
namespace {

using transport::TransportError;
using Kind = TransportError::Kind;

// Shared by the exchange and its copies in flight; outlives whichever finishes first.
class Race : public QObject
{
    Q_OBJECT
public:
    bool decided = false;
    std::optional<transport::Result<transport::CoapResponse>> winner;
    TransportError lastError = TransportError::make(Kind::Timeout);
    QElapsedTimer clock;
    int attempts = 0;
    int answeredCopy = 0; // 1 for the first copy sent
    RttEstimator *rtt = nullptr;

    void decide(transport::Result<transport::CoapResponse> result)
    {
        if (decided)
            return;
        decided = true;
        winner = std::move(result);
        emit finished();
    }

signals:
    void finished();
};

// Errors after which another copy may still get through. A session that ends under copies in
// flight ends the exchange: the analyst hears at once that the session was lost rather than
// after the deadline (copies sent while no session is up still wait for a reconnect). A Reset
// (RST) ends it too: the server, inside the secure session, said it will not process the
// message, and would say so to every copy.
bool worthRetrying(const TransportError &error)
{
    switch (error.kind) {
    case Kind::Timeout:
    case Kind::NotConnected:
        return true;
    default:
        return false;
    }
}

QCoro::Task<> sendCopy(QPointer<transport::CoapClient> client, transport::CoapRequest request,
                       std::shared_ptr<Race> race)
{
    if (!client)
        co_return;
    const int copy = ++race->attempts;
    QElapsedTimer sent;
    sent.start();
    auto copySent = client->request(request);
    auto result = co_await copySent;
    if (race->decided) {
        // A late answer to an Observe registration made a second observation of the same
        // resource; the first one answered is the one kept, so end this one.
        if (result.ok() && result.value().isSuccess() && request.observe == transport::ObserveAction::Register && client)
            client->cancelObservation(result.value().token); // its answer is not needed
        co_return;
    }
    if (result.ok()) {
        if (race->rtt)
            race->rtt->addSample(std::chrono::duration_cast<std::chrono::microseconds>(
                std::chrono::nanoseconds(sent.nsecsElapsed())));
        race->answeredCopy = copy;
        race->decide(std::move(result));
    } else if (worthRetrying(result.error())) {
        race->lastError = result.error();
    } else {
        race->decide(std::move(result));
    }
}

} // namespace

std::chrono::milliseconds retransmitInterval(const RetryPolicy &policy, const RttEstimator &rtt)
{
    const auto rto = rtt.retransmissionTimeout();
    if (!rto)
        return policy.maxInterval;
    const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(*rto);
    return std::clamp(ms, policy.minInterval, policy.maxInterval);
}

QCoro::Task<ExchangeOutcome> sendNonConfirmable(transport::CoapClient *client,
                                                transport::CoapRequest request,
                                                RetryPolicy policy, RttEstimator *rtt)
{
    request.confirmable = false;
    // A copy stays answerable until the whole exchange's deadline.
    request.timeout = policy.deadline;

    auto race = std::make_shared<Race>();
    race->rtt = rtt;
    race->clock.start();
    QPointer<transport::CoapClient> guardedClient(client);

    QTimer repeat;
    repeat.setSingleShot(true);
    QObject::connect(&repeat, &QTimer::timeout, race.get(), [&, race]() {
        if (race->decided)
            return;
        if (race->clock.elapsed() >= policy.deadline.count()) {
            race->decide(race->lastError);
            return;
        }
        sendCopy(guardedClient, request, race);
        const auto next = rtt ? retransmitInterval(policy, *rtt) : policy.maxInterval;
        const auto left = policy.deadline - std::chrono::milliseconds(race->clock.elapsed());
        repeat.start(std::max(std::chrono::milliseconds(1), std::min(next, left)));
    });

    sendCopy(guardedClient, request, race);
    if (!race->decided) {
        repeat.start(rtt ? retransmitInterval(policy, *rtt) : policy.maxInterval);
        auto decided = qCoro(race.get(), &Race::finished);
        co_await decided;
    }
    repeat.stop();

    ExchangeOutcome outcome{*race->winner, race->attempts,
                            std::chrono::duration_cast<std::chrono::microseconds>(
                                std::chrono::nanoseconds(race->clock.nsecsElapsed())),
                            race->answeredCopy};
    co_return outcome;
}

} // namespace dots::signal

#include "NonConfirmableExchange.moc"

// SPDX-License-Identifier: GPL-3.0-or-later
#include "ListCommand.h"

#include "CommandContext.h"
#include "ExitCode.h"
#include "StatusFormat.h"

#include <algorithm>

namespace dots::cli {

void ListCommand::addOptions(QCommandLineParser &) const
{
}

QString ListCommand::readOptions(const QCommandLineParser &)
{
    return {};
}

QCoro::Task<int> ListCommand::run(CommandContext &context)
{
    auto connecting = context.connect();
    if (const int code = co_await connecting; code != Success)
        co_return code;
    auto resultTask = context.channel().refreshMitigations();
    auto result = co_await resultTask;
    if (!result.ok())
        co_return context.fail(result.error(), QStringLiteral("listing the mitigations"));

    QList<signal::MitigationStatus> statuses = result.value();
    std::sort(statuses.begin(), statuses.end(), [](const auto &a, const auto &b) { return a.mid < b.mid; });
    if (statuses.isEmpty())
        context.out().text(QStringLiteral("no mitigations"));
    for (const auto &status : statuses) {
        context.out().text(describeStatus(status));
        context.out().json(statusJson(status));
    }
    co_return Success;
}

} // namespace dots::cli

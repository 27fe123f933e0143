// SPDX-License-Identifier: GPL-3.0-or-later
#include "CapabilitiesCommand.h"

#include "CommandContext.h"
#include "DataFormat.h"
#include "ExitCode.h"

namespace dots::cli {

QCoro::Task<int> CapabilitiesCommand::run(CommandContext &context)
{
    // Registration reads the capabilities already.
    auto connecting = context.connectData();
    if (const int code = co_await connecting; code != Success)
        co_return code;
    const auto &capabilities = context.dataChannel().knownCapabilities();
    if (!capabilities) {
        Output::error(QStringLiteral("the server sent no capabilities"));
        co_return ServerRefused;
    }
    for (const QString &line : describeCapabilities(*capabilities))
        context.out().text(line);
    context.out().json(capabilities->toDocument());
    co_return Success;
}

} // namespace dots::cli

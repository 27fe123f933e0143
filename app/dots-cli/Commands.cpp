// SPDX-License-Identifier: GPL-3.0-or-later
#include "Commands.h"

#include "AclCommand.h"
#include "AliasCommand.h"
#include "CapabilitiesCommand.h"
#include "ConfigCommand.h"
#include "EfficacyCommand.h"
#include "ListCommand.h"
#include "RequestCommand.h"
#include "SessionCommand.h"
#include "TelemetryCommand.h"
#include "WatchCommand.h"
#include "WithdrawCommand.h"

namespace dots::cli {

std::vector<std::unique_ptr<Command>> allCommands()
{
    std::vector<std::unique_ptr<Command>> commands;
    commands.push_back(std::make_unique<SessionCommand>());
    commands.push_back(std::make_unique<RequestCommand>());
    commands.push_back(std::make_unique<ListCommand>());
    commands.push_back(std::make_unique<WatchCommand>());
    commands.push_back(std::make_unique<EfficacyCommand>());
    commands.push_back(std::make_unique<WithdrawCommand>());
    commands.push_back(std::make_unique<ConfigCommand>());
    commands.push_back(std::make_unique<TelemetryCommand>());
    commands.push_back(std::make_unique<AliasCommand>());
    commands.push_back(std::make_unique<AclCommand>());
    commands.push_back(std::make_unique<CapabilitiesCommand>());
    return commands;
}

QString commandList(const std::vector<std::unique_ptr<Command>> &commands)
{
    QString text;
    for (const auto &command : commands)
        text += QStringLiteral("  %1%2\n").arg(command->name(), -14).arg(command->summary());
    return text;
}

} // namespace dots::cli

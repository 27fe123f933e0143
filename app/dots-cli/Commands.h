// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Command.h"

#include <memory>
#include <vector>

namespace dots::cli {

// Every command, in the order --help lists them.
std::vector<std::unique_ptr<Command>> allCommands();
// "  session   Connect and ...", one line per command.
QString commandList(const std::vector<std::unique_ptr<Command>> &commands);

} // namespace dots::cli

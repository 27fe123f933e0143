// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Command.h"

#include "data/Alias.h"

namespace dots::cli {

// Aliases of the data channel (RFC 8783 section 6.1): named targets that mitigation
// requests refer to with --alias.
class AliasCommand : public Command
{
public:
    QString name() const override { return QStringLiteral("alias"); }
    QString summary() const override { return QStringLiteral("Data channel aliases: alias list | show | create | delete."); }
    QString usage() const override;
    void addOptions(QCommandLineParser &parser) const override;
    bool takesArguments() const override { return true; }
    QString readOptions(const QCommandLineParser &parser) override;
    QCoro::Task<int> run(CommandContext &context) override;

private:
    enum class Action { List, Show, Create, Delete };
    Action m_action = Action::List;
    QString m_name;
    QList<data::Alias> m_aliases; // create: from the options or the file
    bool m_replace = false;
};

} // namespace dots::cli

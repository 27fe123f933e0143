// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Command.h"

#include "data/Acl.h"

namespace dots::cli {

// ACLs of the data channel (RFC 8783 section 6.2): filtering rules the server applies
// immediately, during a mitigation, or not at all (activation-type).
class AclCommand : public Command
{
public:
    QString name() const override { return QStringLiteral("acl"); }
    QString summary() const override
    {
        return QStringLiteral("Data channel ACLs: acl list | show | create | delete | activate | deactivate.");
    }
    QString usage() const override;
    void addOptions(QCommandLineParser &parser) const override;
    bool takesArguments() const override { return true; }
    QString readOptions(const QCommandLineParser &parser) override;
    QCoro::Task<int> run(CommandContext &context) override;

private:
    enum class Action { List, Show, Create, Delete, Activate };
    QCoro::Task<int> activate(CommandContext &context);

    Action m_action = Action::List;
    QString m_name;
    QList<data::Acl> m_acls; // create: from the options or the file
    bool m_replace = false;
    data::ActivationType m_activation = data::ActivationType::Immediate; // activate
};

} // namespace dots::cli

// SPDX-License-Identifier: GPL-3.0-or-later
#include "TestPki.h"

#include <QDir>
#include <QFileInfo>
#include <QProcess>

namespace dots::test {

TestPki::TestPki() : m_dir(std::make_unique<QTemporaryDir>())
{
    if (!m_dir->isValid()) {
        m_error = QStringLiteral("cannot create a temporary directory: %1").arg(m_dir->errorString());
        return;
    }
    QProcess script;
    script.setProcessChannelMode(QProcess::MergedChannels);
    script.start(QStringLiteral("/bin/sh"), {scriptPath(), m_dir->path()});
    if (!script.waitForFinished(60000) || script.exitStatus() != QProcess::NormalExit
        || script.exitCode() != 0) {
        m_error = QStringLiteral("make-test-pki.sh failed: %1")
                      .arg(QString::fromLocal8Bit(script.readAll()).trimmed());
        return;
    }
    for (const QString &name : {QStringLiteral("ca.crt"), QStringLiteral("server.crt"),
                                QStringLiteral("client1.key"), QStringLiteral("rogue-server.crt")}) {
        if (!QFileInfo::exists(path(name))) {
            m_error = QStringLiteral("make-test-pki.sh did not produce %1").arg(name);
            return;
        }
    }
    m_valid = true;
}

TestPki::~TestPki() = default;

QString TestPki::directory() const
{
    return m_dir->path();
}

QString TestPki::path(const QString &fileName) const
{
    return QDir(m_dir->path()).filePath(fileName);
}

TestPki::Identity TestPki::identity(const QString &name) const
{
    return {path(name + QStringLiteral(".crt")), path(name + QStringLiteral(".key"))};
}

QString TestPki::scriptPath()
{
    return QStringLiteral(DOTS_TEST_PKI_SCRIPT);
}

} // namespace dots::test

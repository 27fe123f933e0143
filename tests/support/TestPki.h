// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QTemporaryDir>

#include <memory>

namespace dots::test {

// A throw-away PKI generated with the openssl command line into a temporary
// directory (make-test-pki.sh), removed when the object goes.
//
//   ca            trusted CA
//   server        CN dots-server.test; SAN DNS:localhost, DNS:dots-server.test,
//                 IP:127.0.0.1, IP:::1
//   client1/2     client certificates from ca
//   otherServer   from ca, only for DNS:other.example (name checks must fail)
//   rogueCa       an unrelated CA, with rogueClient and rogueServer (same names as server)
class TestPki
{
public:
    struct Identity
    {
        QString certificate;
        QString privateKey;
    };

    TestPki();
    ~TestPki();
    TestPki(const TestPki &) = delete;
    TestPki &operator=(const TestPki &) = delete;

    bool isValid() const { return m_valid; }
    QString errorString() const { return m_error; }
    QString directory() const;
    QString path(const QString &fileName) const;

    QString caCertificate() const { return path(QStringLiteral("ca.crt")); }
    QString rogueCaCertificate() const { return path(QStringLiteral("rogue-ca.crt")); }
    Identity server() const { return identity(QStringLiteral("server")); }
    Identity client1() const { return identity(QStringLiteral("client1")); }
    Identity client2() const { return identity(QStringLiteral("client2")); }
    Identity otherServer() const { return identity(QStringLiteral("other-server")); }
    Identity rogueClient() const { return identity(QStringLiteral("rogue-client")); }
    Identity rogueServer() const { return identity(QStringLiteral("rogue-server")); }

    // The generator script, for tools that want a PKI on disk.
    static QString scriptPath();

private:
    Identity identity(const QString &name) const;

    std::unique_ptr<QTemporaryDir> m_dir;
    bool m_valid = false;
    QString m_error;
};

} // namespace dots::test

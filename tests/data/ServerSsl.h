// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "pki/PkiGenerator.h"

#include <QFile>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>

// The TLS side of the tests' own HTTPS peers: the demo PKI's server certificate and key (EC or
// RSA), no client certificate asked for.
inline QSslConfiguration serverSsl(const dots::pki::PkiFiles &files)
{
    QFile certFile(files.serverCertificate), keyFile(files.serverKey);
    certFile.open(QIODevice::ReadOnly);
    keyFile.open(QIODevice::ReadOnly);
    const QByteArray keyPem = keyFile.readAll();
    QSslKey key(keyPem, QSsl::Ec);
    if (key.isNull())
        key = QSslKey(keyPem, QSsl::Rsa);
    QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
    ssl.setLocalCertificate(QSslCertificate(certFile.readAll()));
    ssl.setPrivateKey(key);
    ssl.setPeerVerifyMode(QSslSocket::VerifyNone);
    return ssl;
}

// SPDX-License-Identifier: GPL-3.0-or-later
#include "DataServer.h"

#include "types/Cuid.h"

#include <QDateTime>
#include <QFile>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QJsonDocument>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslSocket>

namespace dots::simulator {

namespace {
QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

QByteArray methodName(QHttpServerRequest::Method m)
{
    switch (m) {
    case QHttpServerRequest::Method::Get: return "GET";
    case QHttpServerRequest::Method::Put: return "PUT";
    case QHttpServerRequest::Method::Delete: return "DELETE";
    case QHttpServerRequest::Method::Post: return "POST";
    case QHttpServerRequest::Method::Head: return "HEAD";
    case QHttpServerRequest::Method::Options: return "OPTIONS";
    case QHttpServerRequest::Method::Patch: return "PATCH";
    default: break;
    }
    return "OTHER";
}
} // namespace

DataServer::DataServer(DataCore &core, QObject *parent) : QAbstractHttpServer(parent), m_core(core)
{
    m_clock.start();
    m_epochMs = QDateTime::currentMSecsSinceEpoch();
}

QString DataServer::setPki(const transport::PkiConfig &pki)
{
    if (const QString p = pki.problem(); !p.isEmpty())
        return p;
    const auto certs = QSslCertificate::fromData(readAll(pki.certificateFile), QSsl::Pem);
    if (certs.isEmpty())
        return QStringLiteral("%1 holds no PEM certificate").arg(pki.certificateFile);
    const QByteArray keyPem = readAll(pki.privateKeyFile);
    QSslKey key(keyPem, QSsl::Ec, QSsl::Pem);
    if (key.isNull())
        key = QSslKey(keyPem, QSsl::Rsa, QSsl::Pem);
    if (key.isNull())
        return QStringLiteral("%1 holds no EC or RSA private key in PEM").arg(pki.privateKeyFile);
    const auto cas = QSslCertificate::fromData(readAll(pki.caFile), QSsl::Pem);
    if (cas.isEmpty())
        return QStringLiteral("%1 holds no PEM certificate").arg(pki.caFile);
    QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
    ssl.setLocalCertificateChain(certs);
    ssl.setPrivateKey(key);
    ssl.setCaCertificates(cas);
    // A DOTS client must present a certificate from our CA (RFC 8783 section 8).
    ssl.setPeerVerifyMode(QSslSocket::VerifyPeer);
    sslSetup(ssl);
    return {};
}

quint16 DataServer::listenOn(const QHostAddress &address, quint16 port)
{
    return listen(address, port);
}

bool DataServer::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket)
{
    DataRequest r;
    const auto *ssl = qobject_cast<QSslSocket *>(socket);
    const QSslCertificate peer = ssl ? ssl->peerCertificate() : QSslCertificate();
    if (!peer.isNull())
        r.clientCuid = dots::cuid::fromCertificate(peer.toDer()).value_or(QString());
    r.method = methodName(request.method());
    r.path = request.url().path(QUrl::FullyEncoded).toUtf8();
    r.contentType = request.value(QByteArrayLiteral("Content-Type"));
    if (r.contentType.isEmpty())
        r.contentType = request.value(QByteArrayLiteral("content-type"));
    r.body = request.body();

    DataResponse answer;
    if (r.clientCuid.isEmpty()) {
        answer = {401, QByteArrayLiteral("application/yang-data+json"),
                  QJsonDocument(data::restconfErrorsJson({data::RestconfError{QStringLiteral("protocol"), data::errorTag::accessDenied(), {},
                                                                              QStringLiteral("no client certificate"), {}}}))
                      .toJson()};
    } else {
        answer = m_core.handle(r, m_epochMs + m_clock.elapsed());
    }
    if (m_sink) {
        QJsonObject line{{QStringLiteral("channel"), QStringLiteral("data")}, {QStringLiteral("cuid"), r.clientCuid},
                         {QStringLiteral("method"), QString::fromLatin1(r.method)}, {QStringLiteral("path"), QString::fromUtf8(r.path)},
                         {QStringLiteral("status"), answer.status}};
        if (!r.body.isEmpty())
            line.insert(QStringLiteral("request"), QJsonDocument::fromJson(r.body).object());
        if (answer.status >= 400)
            line.insert(QStringLiteral("response"), QJsonDocument::fromJson(answer.body).object());
        m_sink(line);
    }
    auto responder = makeResponder(request, socket);
    const auto status = QHttpServerResponder::StatusCode(answer.status);
    if (answer.body.isEmpty())
        responder.write(status);
    else
        responder.write(answer.body, answer.contentType, status);
    return true;
}

void DataServer::missingHandler(const QHttpServerRequest &request, QTcpSocket *socket)
{
    makeResponder(request, socket).write(QHttpServerResponder::StatusCode::NotFound);
}

} // namespace dots::simulator

// SPDX-License-Identifier: GPL-3.0-or-later
// dots-cbor: translate DOTS signal-channel messages between JSON (YANG names) and
// CBOR (integer keys) with the same codec the console uses.
#include "codec/Codec.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QJsonDocument>
#include <QJsonParseError>

#include <cctype>
#include <cstdio>
#include <optional>

namespace {

int fail(const QString &message)
{
    std::fputs(qPrintable(QStringLiteral("dots-cbor: %1\n").arg(message)), stderr);
    return 1;
}

std::optional<QByteArray> readInput(const QString &path, QString *error)
{
    QFile file;
    if (path.isEmpty() || path == u"-") {
        if (!file.open(stdin, QIODevice::ReadOnly)) {
            *error = QStringLiteral("cannot read standard input");
            return std::nullopt;
        }
    } else {
        file.setFileName(path);
        if (!file.open(QIODevice::ReadOnly)) {
            *error = QStringLiteral("cannot open %1: %2").arg(path, file.errorString());
            return std::nullopt;
        }
    }
    return file.readAll();
}

bool writeOutput(const QByteArray &bytes)
{
    return std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout) == size_t(bytes.size())
           && std::fflush(stdout) == 0;
}

// Hex text as people paste it: any whitespace, upper or lower case, optional 0x.
std::optional<QByteArray> fromHexText(const QByteArray &text, QString *error)
{
    QByteArray digits;
    digits.reserve(text.size());
    for (char c : text) {
        if (!QChar::isSpace(uchar(c)))
            digits.append(c);
    }
    if (digits.startsWith("0x") || digits.startsWith("0X"))
        digits.remove(0, 2);
    for (char c : digits) {
        if (!std::isxdigit(uchar(c))) {
            *error = QStringLiteral("input is not hex text: unexpected '%1'").arg(QChar(c));
            return std::nullopt;
        }
    }
    if (digits.size() % 2 != 0) {
        *error = QStringLiteral("hex input has an odd number of digits");
        return std::nullopt;
    }
    return QByteArray::fromHex(digits);
}

int encode(const QByteArray &input, bool hex, const dots::codec::Options &options)
{
    QJsonParseError parseError;
    const QJsonDocument json = QJsonDocument::fromJson(input, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return fail(QStringLiteral("invalid JSON at offset %1: %2").arg(parseError.offset).arg(parseError.errorString()));
    const auto cbor = dots::codec::encodeJson(json, options);
    if (!cbor)
        return fail(cbor.errorString());
    const QByteArray out = hex ? cbor.value().toHex() + '\n' : cbor.value();
    return writeOutput(out) ? 0 : fail(QStringLiteral("cannot write output"));
}

int decode(const QByteArray &input, bool hex, const dots::codec::Options &options)
{
    QByteArray bytes = input;
    if (hex) {
        QString error;
        const auto decoded = fromHexText(input, &error);
        if (!decoded)
            return fail(error);
        bytes = *decoded;
    }
    const auto json = dots::codec::decodeCbor(bytes, options);
    if (!json)
        return fail(json.errorString());
    return writeOutput(json.value().toJson(QJsonDocument::Indented)) ? 0 : fail(QStringLiteral("cannot write output"));
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("dots-cbor"));
    QCoreApplication::setApplicationVersion(QStringLiteral(DOTS_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Translate DOTS signal-channel messages (RFC 9132, 9133, 9244, 9066, 9362) between\n"
        "JSON with YANG names and CBOR with integer keys (application/dots+cbor).\n\n"
        "  encode [FILE]   JSON from FILE or standard input -> CBOR on standard output\n"
        "  decode [FILE]   CBOR from FILE or standard input -> indented JSON"));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption hexOption(QStringLiteral("hex"),
                                      QStringLiteral("encode: write lowercase hex text; decode: read hex text "
                                                     "(whitespace ignored)."));
    const QCommandLineOption skipOption(QStringLiteral("skip-unknown"),
                                        QStringLiteral("Drop unknown comprehension-optional keys instead of "
                                                       "showing them as \"unknown-<key>\"."));
    const QCommandLineOption requestOption(QStringLiteral("request"),
                                           QStringLiteral("Apply client-to-server rules (lifetime 0 is invalid)."));
    parser.addOption(hexOption);
    parser.addOption(skipOption);
    parser.addOption(requestOption);
    parser.addPositionalArgument(QStringLiteral("command"), QStringLiteral("encode or decode"));
    parser.addPositionalArgument(QStringLiteral("file"), QStringLiteral("Input file; standard input when absent or -."),
                                 QStringLiteral("[file]"));
    parser.process(app);

    const QStringList args = parser.positionalArguments();
    if (args.isEmpty() || args.size() > 2 || (args[0] != u"encode" && args[0] != u"decode")) {
        std::fputs(qPrintable(parser.helpText()), stderr);
        return 2;
    }

    QString error;
    const auto input = readInput(args.value(1), &error);
    if (!input)
        return fail(error);

    dots::codec::Options options;
    if (parser.isSet(skipOption))
        options.unknownOptional = dots::codec::UnknownOptionalKeys::Skip;
    if (parser.isSet(requestOption))
        options.direction = dots::codec::MessageDirection::ClientToServer;

    const bool hex = parser.isSet(hexOption);
    return args[0] == u"encode" ? encode(*input, hex, options) : decode(*input, hex, options);
}

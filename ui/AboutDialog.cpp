// SPDX-License-Identifier: GPL-3.0-or-later
#include "AboutDialog.h"

#include "BuildInfo.h"

#include <QApplication>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSysInfo>
#include <QVBoxLayout>

namespace dots::ui {

AboutDialog::AboutDialog(QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("aboutDialog"));
    setWindowTitle(tr("About DOTS Console"));

    auto *icon = new QLabel(this);
    icon->setPixmap(QApplication::windowIcon().pixmap(64, 64));
    icon->setAlignment(Qt::AlignTop);

    auto *label = new QLabel(text(), this);
    label->setObjectName(QStringLiteral("aboutText"));
    label->setTextFormat(Qt::RichText);
    label->setWordWrap(true);
    label->setOpenExternalLinks(false);
    // Versions are what support asks for: let the analyst select and copy them.
    label->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    label->setMinimumWidth(460);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    QPushButton *copy = buttons->addButton(tr("&Copy support details"), QDialogButtonBox::ActionRole);
    copy->setObjectName(QStringLiteral("copySupportDetails"));
    copy->setToolTip(tr("Versions, operating system and display platform, for a support ticket"));
    connect(copy, &QPushButton::clicked, this, [copy] {
        QGuiApplication::clipboard()->setText(supportDetails());
        copy->setText(tr("Copied"));
    });

    auto *row = new QHBoxLayout;
    row->addWidget(icon);
    row->addWidget(label, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(row);
    layout->addWidget(buttons);
}

QString AboutDialog::supportDetails()
{
    // Untranslated: support reads it whatever language the console speaks.
    QStringList lines;
    lines << QStringLiteral("DOTS Console %1").arg(BuildInfo::consoleVersion())
          << QStringLiteral("Qt %1 (built with %2)").arg(BuildInfo::qtVersion(), QLatin1String(QT_VERSION_STR))
          << QStringLiteral("libcoap %1, Q-Block %2").arg(BuildInfo::libcoapVersion(),
                                                         BuildInfo::libcoapHasQBlock() ? QStringLiteral("yes") : QStringLiteral("no"))
          << BuildInfo::opensslVersion()
          << QStringLiteral("%1, kernel %2 %3, %4").arg(QSysInfo::prettyProductName(), QSysInfo::kernelType(),
                                                        QSysInfo::kernelVersion(), QSysInfo::currentCpuArchitecture())
          << QStringLiteral("display platform %1, language %2").arg(QGuiApplication::platformName(), QLocale().name());
    return lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

QString AboutDialog::text()
{
    const auto row = [](const QString &name, const QString &value) {
        return QStringLiteral("<tr><td>%1</td><td style=\"padding-left: 12px\">%2</td></tr>").arg(name.toHtmlEscaped(), value.toHtmlEscaped());
    };
    const QString qt = BuildInfo::qtVersion() == QLatin1String(QT_VERSION_STR)
        ? BuildInfo::qtVersion()
        : tr("%1 (built with %2)").arg(BuildInfo::qtVersion(), QLatin1String(QT_VERSION_STR));
    const QString libcoap = BuildInfo::libcoapHasQBlock() ? tr("%1 with Q-Block (RFC 9177)").arg(BuildInfo::libcoapVersion())
                                                          : tr("%1 without Q-Block (RFC 9177)").arg(BuildInfo::libcoapVersion());

    QString html;
    html += QStringLiteral("<h3>%1</h3>").arg(tr("DOTS Console %1").arg(BuildInfo::consoleVersion()).toHtmlEscaped());
    html += QStringLiteral("<p>%1</p>").arg(tr("Operator console for DDoS Open Threat Signaling (DOTS): asks a DOTS server "
                                              "for mitigation over the signal channel (RFC 9132) and shows how it goes.")
                                               .toHtmlEscaped());
    html += QStringLiteral("<p><b>%1</b></p><table cellspacing=\"2\">").arg(tr("Running on").toHtmlEscaped());
    html += row(tr("Qt"), qt);
    html += row(tr("libcoap"), libcoap);
    QString openssl = BuildInfo::opensslVersion(); // "OpenSSL 3.0.x <date>"
    if (openssl.startsWith(QLatin1String("OpenSSL ")))
        openssl = openssl.mid(8);
    html += row(tr("OpenSSL"), openssl);
    html += QStringLiteral("</table><p><b>%1</b></p><table cellspacing=\"2\">").arg(tr("Licences").toHtmlEscaped());
    html += row(tr("DOTS Console"), tr("GNU GPL version 3 or later, with no warranty"));
    html += row(tr("Qt"), tr("GNU LGPL version 3 or GNU GPL version 2"));
    html += row(tr("Qt Charts"), tr("GNU GPL version 3"));
    html += row(tr("libcoap"), tr("BSD 2-clause licence"));
    html += row(tr("OpenSSL"), tr("Apache License 2.0"));
    html += row(tr("QCoro"), tr("MIT licence"));
    html += row(tr("SQLite"), tr("public domain"));
    html += QStringLiteral("</table><p>%1</p>")
                .arg(tr("Each library's licence text is installed with it, in /usr/share/doc/PACKAGE/copyright.").toHtmlEscaped());
    return html;
}

} // namespace dots::ui

// SPDX-License-Identifier: GPL-3.0-or-later
#include "SeverityPalette.h"

#include "signal/MitigationStatusCode.h"

namespace dots::ui {

QColor toneColor(Tone tone)
{
    switch (tone) {
    case Tone::Neutral: return QColor(0x9e, 0x9e, 0x9e);
    case Tone::Info: return QColor(0x1e, 0x88, 0xe5);
    case Tone::Good: return QColor(0x2e, 0x7d, 0x32);
    case Tone::Warning: return QColor(0xf9, 0xa8, 0x25);
    case Tone::Bad: return QColor(0xc6, 0x28, 0x28);
    }
    return {};
}

QColor toneTextColor(Tone tone)
{
    // Amber and light grey need dark text to stay readable.
    return (tone == Tone::Warning || tone == Tone::Neutral) ? QColor(0x21, 0x21, 0x21) : QColor(Qt::white);
}

QColor toneOnLightColor(Tone tone)
{
    // The amber fill is too pale for text on white.
    return tone == Tone::Warning ? QColor(0x8a, 0x5a, 0x00) : toneColor(tone);
}

Tone toneOfSeverity(int severity)
{
    if (severity < 0)
        return Tone::Neutral;
    switch (signal::StatusSeverity(severity)) {
    case signal::StatusSeverity::Neutral: return Tone::Neutral;
    case signal::StatusSeverity::Info: return Tone::Info;
    case signal::StatusSeverity::Success: return Tone::Good;
    case signal::StatusSeverity::Warning: return Tone::Warning;
    case signal::StatusSeverity::Critical: return Tone::Bad;
    }
    return Tone::Neutral;
}

} // namespace dots::ui

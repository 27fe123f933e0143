// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QColor>
#include <QString>

namespace dots::ui {

// The console's traffic-light colours, shared by the status badge and the connection
// indicator so that green, amber and red mean the same everywhere.
enum class Tone { Neutral, Info, Good, Warning, Bad };

QColor toneColor(Tone tone);        // fill of a badge or dot
QColor toneTextColor(Tone tone);    // readable text on that fill
QColor toneOnLightColor(Tone tone); // text in the tone itself on a light background (amber darkened)
// signal::StatusSeverity as int (MitigationTableModel::SeverityRole); -1 = no status yet.
Tone toneOfSeverity(int severity);

} // namespace dots::ui

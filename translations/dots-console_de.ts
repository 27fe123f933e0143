<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>ConsoleConnection</name>
    <message>
        <source>Demo simulator (127.0.0.1:%1)</source>
        <translation>Demo-Simulator (127.0.0.1:%1)</translation>
    </message>
    <message>
        <source>Demo mode: %1</source>
        <translation>Demo-Modus: %1</translation>
    </message>
    <message>
        <source>&amp;Profiles…</source>
        <translation>&amp;Profile …</translation>
    </message>
    <message>
        <source>Create, edit and choose the DOTS servers to connect to</source>
        <translation>DOTS-Server zum Verbinden anlegen, bearbeiten und wählen</translation>
    </message>
    <message>
        <source>&amp;Connect</source>
        <translation>&amp;Verbinden</translation>
    </message>
    <message>
        <source>Connect to the active profile&apos;s server</source>
        <translation>Mit dem Server des aktiven Profils verbinden</translation>
    </message>
    <message>
        <source>&amp;Disconnect</source>
        <translation>&amp;Trennen</translation>
    </message>
    <message>
        <source>End the session with the server</source>
        <translation>Die Sitzung mit dem Server beenden</translation>
    </message>
    <message>
        <source>&amp;Connection</source>
        <translation>&amp;Verbindung</translation>
    </message>
    <message>
        <source>The profile %1 cannot be used: %2. Fix it under Connection → Profiles….</source>
        <translation>Das Profil %1 ist nicht verwendbar: %2. Korrigieren Sie es unter Verbindung → Profile ….</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>Verbinde mit %1 …</translation>
    </message>
    <message>
        <source>Disconnected. Connection → Connect resumes the session.</source>
        <translation>Getrennt. Verbindung → Verbinden setzt die Sitzung fort.</translation>
    </message>
    <message>
        <source>Demo mode: the demo certificates could not be created in %1: %2</source>
        <translation>Demo-Modus: Die Demo-Zertifikate konnten in %1 nicht erzeugt werden: %2</translation>
    </message>
    <message>
        <source>Demo mode needs dots-simulator, which was found neither next to this program nor on PATH. Give its location with --simulator PATH.</source>
        <translation>Der Demo-Modus braucht dots-simulator, das weder neben diesem Programm noch im PATH gefunden wurde. Geben Sie den Ort mit --simulator PFAD an.</translation>
    </message>
    <message>
        <source>Starting the demo server…</source>
        <translation>Demo-Server wird gestartet …</translation>
    </message>
    <message>
        <source>Demo mode without attacks: the demo scenario (demo.json) was not found.</source>
        <translation>Demo-Modus ohne Angriffe: Das Demo-Szenario (demo.json) wurde nicht gefunden.</translation>
    </message>
    <message>
        <source>Demo mode: a simulated DOTS server on this computer plays attacks on %1, in turn, over and over. Request a mitigation for one of them (Ctrl+N) to watch it work.</source>
        <translation>Demo-Modus: Ein simulierter DOTS-Server auf diesem Rechner spielt immer wieder abwechselnd Angriffe auf %1 ab. Fordern Sie für eines dieser Ziele eine Abwehr an (Strg+N) und sehen Sie ihr bei der Arbeit zu.</translation>
    </message>
    <message>
        <source>Could not connect to %1: %2</source>
        <translation>Keine Verbindung zu %1: %2</translation>
    </message>
    <message>
        <source>Connected to %1: %2.</source>
        <translation>Verbunden mit %1: %2.</translation>
    </message>
    <message>
        <source>Protect %1…</source>
        <translation>%1 schützen …</translation>
    </message>
</context>
<context>
    <name>DemoServer</name>
    <message>
        <source>the demo server %1 could not be started: %2</source>
        <translation>der Demo-Server %1 konnte nicht gestartet werden: %2</translation>
    </message>
    <message>
        <source>the demo server crashed. %1</source>
        <translation>der Demo-Server ist abgestürzt. %1</translation>
    </message>
    <message>
        <source>the demo server stopped (exit code %1). %2</source>
        <translation>der Demo-Server wurde beendet (Exit-Code %1). %2</translation>
    </message>
    <message>
        <source>the demo server did not start listening within 15 s. %1</source>
        <translation>der Demo-Server hat nicht innerhalb von 15 s zu lauschen begonnen. %1</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>lifetime not stated</source>
        <translation>Laufzeit nicht angegeben</translation>
    </message>
    <message>
        <source>indefinite lifetime</source>
        <translation>unbegrenzte Laufzeit</translation>
    </message>
    <message>
        <source>lifetime %1</source>
        <translation>Laufzeit %1</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a port or a range like 8000-8080</source>
        <translation>„%1“ ist weder ein Port noch ein Bereich wie 8000-8080</translation>
    </message>
    <message>
        <source>DOTS Console</source>
        <translation>DOTS-Konsole</translation>
    </message>
    <message>
        <source>Operator console for DDoS Open Threat Signaling (DOTS, RFC 9132).</source>
        <translation>Bedienkonsole für DDoS Open Threat Signaling (DOTS, RFC 9132).</translation>
    </message>
    <message>
        <source>Start the bundled DOTS server simulator and connect to it (the default while no server profile is configured).</source>
        <translation>Den mitgelieferten DOTS-Server-Simulator starten und sich mit ihm verbinden (Voreinstellung, solange kein Serverprofil eingerichtet ist).</translation>
    </message>
    <message>
        <source>The dots-simulator executable for demo mode (default: next to this build, else on PATH).</source>
        <translation>Das Programm dots-simulator für den Demo-Modus (Voreinstellung: neben diesem Build, sonst im PATH).</translation>
    </message>
    <message>
        <source>path</source>
        <translation>Pfad</translation>
    </message>
    <message>
        <source>Save a PNG of the main window to &lt;file&gt; after --screenshot-delay seconds, then quit.</source>
        <translation>Nach --screenshot-delay Sekunden ein PNG des Hauptfensters in &lt;file&gt; speichern, dann beenden.</translation>
    </message>
    <message>
        <source>file</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Seconds to wait before --screenshot (default 5).</source>
        <translation>Sekunden Wartezeit vor --screenshot (Voreinstellung 5).</translation>
    </message>
    <message>
        <source>seconds</source>
        <translation>Sekunden</translation>
    </message>
    <message>
        <source>The audit log and mid counter cannot be kept in %1: %2. Actions are shown for this run only.</source>
        <translation>Audit-Log und Mid-Zähler können nicht in %1 gespeichert werden: %2. Aktionen werden nur für diesen Lauf angezeigt.</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>all ports</source>
        <translation>alle Ports</translation>
    </message>
    <message>
        <source>all protocols</source>
        <translation>alle Protokolle</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>conflict</source>
        <translation>Konflikt</translation>
    </message>
    <message>
        <source>with mitigation %1</source>
        <translation>mit Abwehr %1</translation>
    </message>
    <message>
        <source>on %1</source>
        <translation>für %1</translation>
    </message>
    <message>
        <source>retry in %1 s</source>
        <translation>neuer Versuch in %1 s</translation>
    </message>
    <message>
        <source>not reported</source>
        <translation>nicht gemeldet</translation>
    </message>
    <message>
        <source>Data channel of %1: %2</source>
        <translation>Datenkanal von %1: %2</translation>
    </message>
    <message>
        <source>page</source>
        <translation>Seite</translation>
    </message>
    <message>
        <source>Aliases</source>
        <translation>Aliasse</translation>
    </message>
    <message>
        <source>Filters</source>
        <translation>Filter</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a port range like 1000-2000</source>
        <translation>„%1“ ist kein Portbereich wie 1000-2000</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a port: give 53, 1000-2000, &gt;=1024, &lt;=1023 or !=22</source>
        <translation>„%1“ ist kein Port: 53, 1000-2000, &gt;=1024, &lt;=1023 oder !=22 angeben</translation>
    </message>
    <message>
        <source>Show this page first: mitigations, aliases, filters or telemetry.</source>
        <translation>Diese Seite zuerst zeigen: mitigations, aliases, filters oder telemetry.</translation>
    </message>
    <message>
        <source>Telemetry</source>
        <translation>Telemetrie</translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; is not a whole number</source>
        <translation>%1: „%2“ ist keine ganze Zahl</translation>
    </message>
    <message>
        <source>tsid %1: configuration, notify every %2 s, server telemetry %3</source>
        <translation>tsid %1: Konfiguration, Benachrichtigung alle %2 s, Server-Telemetrie %3</translation>
    </message>
    <message>
        <source>(default)</source>
        <translation>(Vorgabe)</translation>
    </message>
    <message>
        <source>on</source>
        <translation>an</translation>
    </message>
    <message>
        <source>off</source>
        <translation>aus</translation>
    </message>
    <message>
        <source>(link)</source>
        <translation>(Link)</translation>
    </message>
    <message>
        <source>tsid %1: pipe capacity %2</source>
        <translation>tsid %1: Leitungskapazität %2</translation>
    </message>
    <message>
        <source>tsid %1: baseline of %2</source>
        <translation>tsid %1: Baseline für %2</translation>
    </message>
    <message>
        <source>tsid %1: empty</source>
        <translation>tsid %1: leer</translation>
    </message>
    <message>
        <source>(and %1 more)</source>
        <translation>(und %1 weitere)</translation>
    </message>
</context>
<context>
    <name>dots::models::AclTableModel</name>
    <message numerus="yes">
        <source>%1 (+%n more)</source>
        <translation>
            <numerusform>%1 (+%n weitere)</numerusform>
            <numerusform>%1 (+%n weitere)</numerusform>
        </translation>
    </message>
    <message>
        <source>no rules</source>
        <translation>keine Regeln</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>not stated</source>
        <translation>nicht angegeben</translation>
    </message>
    <message>
        <source>in %1</source>
        <translation>in %1</translation>
    </message>
    <message>
        <source>Filter</source>
        <translation>Filter</translation>
    </message>
    <message>
        <source>Rules</source>
        <translation>Regeln</translation>
    </message>
    <message>
        <source>Matched</source>
        <translation>Treffer</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Läuft ab</translation>
    </message>
    <message>
        <source>Activation</source>
        <translation>Aktivierung</translation>
    </message>
</context>
<context>
    <name>dots::models::AliasTableModel</name>
    <message>
        <source>all</source>
        <translation>alle</translation>
    </message>
    <message>
        <source>not stated</source>
        <translation>nicht angegeben</translation>
    </message>
    <message>
        <source>in %1</source>
        <translation>in %1</translation>
    </message>
    <message>
        <source>Alias</source>
        <translation>Alias</translation>
    </message>
    <message>
        <source>Targets</source>
        <translation>Ziele</translation>
    </message>
    <message>
        <source>Ports</source>
        <translation>Ports</translation>
    </message>
    <message>
        <source>Protocols</source>
        <translation>Protokolle</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Läuft ab</translation>
    </message>
</context>
<context>
    <name>dots::models::AuditLogModel</name>
    <message>
        <source>Request</source>
        <translation>Anforderung</translation>
    </message>
    <message>
        <source>Withdraw</source>
        <translation>Zurückziehen</translation>
    </message>
    <message>
        <source>Renew</source>
        <translation>Verlängern</translation>
    </message>
    <message>
        <source>Efficacy update</source>
        <translation>Efficacy-Update</translation>
    </message>
    <message>
        <source>Session config change</source>
        <translation>Sitzungskonfiguration geändert</translation>
    </message>
    <message>
        <source>Session config reset</source>
        <translation>Sitzungskonfiguration zurückgesetzt</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>Verbinden</translation>
    </message>
    <message>
        <source>Disconnect</source>
        <translation>Trennen</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Sonstiges</translation>
    </message>
    <message>
        <source>The audit log could not be read: %1</source>
        <translation>Das Audit-Log konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Not recorded in the audit log: %1</source>
        <translation>Nicht im Audit-Log vermerkt: %1</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>%1 UTC</source>
        <translation>%1 UTC</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>Bediener</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Mid</source>
        <translation>Mid</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Was</translation>
    </message>
    <message>
        <source>Filter activation</source>
        <translation>Filteraktivierung</translation>
    </message>
    <message>
        <source>Alias creation</source>
        <translation>Alias anlegen</translation>
    </message>
    <message>
        <source>Alias replacement</source>
        <translation>Alias ersetzen</translation>
    </message>
    <message>
        <source>Alias deletion</source>
        <translation>Alias löschen</translation>
    </message>
    <message>
        <source>Filter creation</source>
        <translation>Filter anlegen</translation>
    </message>
    <message>
        <source>Filter replacement</source>
        <translation>Filter ersetzen</translation>
    </message>
    <message>
        <source>Filter deletion</source>
        <translation>Filter löschen</translation>
    </message>
    <message>
        <source>sent</source>
        <translation>gesendet</translation>
    </message>
    <message>
        <source>done</source>
        <translation>erledigt</translation>
    </message>
    <message>
        <source>Outcome not recorded in the audit log: %1</source>
        <translation>Ergebnis nicht im Audit-Log vermerkt: %1</translation>
    </message>
    <message>
        <source>The request was sent; no answer has been recorded (still waiting, or the program ended first).</source>
        <translation>Die Anfrage wurde gesendet; keine Antwort vermerkt (sie steht noch aus, oder das Programm endete vorher).</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Ergebnis</translation>
    </message>
</context>
<context>
    <name>dots::models::FilterRuleText</name>
    <message>
        <source>ports %1-%2</source>
        <translation>Ports %1-%2</translation>
    </message>
    <message>
        <source>port %1</source>
        <translation>Port %1</translation>
    </message>
    <message>
        <source>port not %1</source>
        <translation>Port nicht %1</translation>
    </message>
    <message>
        <source>ports up to %1</source>
        <translation>Ports bis %1</translation>
    </message>
    <message>
        <source>ports from %1</source>
        <translation>Ports ab %1</translation>
    </message>
    <message>
        <source>any</source>
        <translation>beliebig</translation>
    </message>
    <message>
        <source>active now</source>
        <translation>jetzt aktiv</translation>
    </message>
    <message>
        <source>on during a mitigation</source>
        <translation>aktiv bei laufender Abwehr</translation>
    </message>
    <message>
        <source>off</source>
        <translation>aus</translation>
    </message>
    <message>
        <source>IPv6 traffic</source>
        <translation>IPv6-Verkehr</translation>
    </message>
    <message>
        <source>IPv4 traffic</source>
        <translation>IPv4-Verkehr</translation>
    </message>
    <message>
        <source>all traffic</source>
        <translation>gesamten Verkehr</translation>
    </message>
    <message>
        <source>from</source>
        <translation>von</translation>
    </message>
    <message>
        <source>to</source>
        <translation>nach</translation>
    </message>
    <message>
        <source>flags %1</source>
        <translation>Flags %1</translation>
    </message>
    <message>
        <source>type %1 code %2</source>
        <translation>Typ %1 Code %2</translation>
    </message>
    <message>
        <source>type %1</source>
        <translation>Typ %1</translation>
    </message>
    <message>
        <source>rate %1</source>
        <translation>Rate %1</translation>
    </message>
    <message>
        <source>accept</source>
        <translation>annehmen</translation>
    </message>
    <message>
        <source>drop</source>
        <translation>verwerfen</translation>
    </message>
    <message>
        <source>reject</source>
        <translation>zurückweisen</translation>
    </message>
    <message>
        <source>packets with don&apos;t-fragment set</source>
        <translation>Pakete mit gesetztem Don&apos;t-Fragment</translation>
    </message>
    <message>
        <source>fragments</source>
        <translation>Fragmente</translation>
    </message>
    <message>
        <source>first fragments</source>
        <translation>erste Fragmente</translation>
    </message>
    <message>
        <source>last fragments</source>
        <translation>letzte Fragmente</translation>
    </message>
    <message>
        <source> or </source>
        <translation> oder </translation>
    </message>
    <message>
        <source> and </source>
        <translation> und </translation>
    </message>
    <message>
        <source>except %1</source>
        <translation>außer %1</translation>
    </message>
    <message>
        <source>only %1</source>
        <translation>nur %1</translation>
    </message>
    <message>
        <source>none of TCP flags %1</source>
        <translation>keines der TCP-Flags %1</translation>
    </message>
    <message>
        <source>any of TCP flags %1</source>
        <translation>eines der TCP-Flags %1</translation>
    </message>
    <message>
        <source>TCP flags %1 not all set</source>
        <translation>TCP-Flags %1 nicht alle gesetzt</translation>
    </message>
    <message>
        <source>TCP flags %1 set</source>
        <translation>TCP-Flags %1 gesetzt</translation>
    </message>
</context>
<context>
    <name>dots::models::MitigationTableModel</name>
    <message>
        <source>Requested</source>
        <translation>Angefordert</translation>
    </message>
    <message>
        <source>indefinite</source>
        <translation>unbegrenzt</translation>
    </message>
    <message>
        <source>expired</source>
        <translation>abgelaufen</translation>
    </message>
    <message>
        <source>conflict</source>
        <translation>Konflikt</translation>
    </message>
    <message>
        <source>The server suggests retrying in %1 s</source>
        <translation>Der Server schlägt einen neuen Versuch in %1 s vor</translation>
    </message>
    <message>
        <source>Mid</source>
        <translation>Mid</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <source>Lifetime left</source>
        <translation>Restlaufzeit</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Gestartet</translation>
    </message>
    <message>
        <source>Dropped bit rate</source>
        <translation>Verworfene Bitrate</translation>
    </message>
    <message>
        <source>Dropped packet rate</source>
        <translation>Verworfene Paketrate</translation>
    </message>
    <message>
        <source>Bytes dropped</source>
        <translation>Verworfene Bytes</translation>
    </message>
    <message>
        <source>Packets dropped</source>
        <translation>Verworfene Pakete</translation>
    </message>
    <message>
        <source>Conflict</source>
        <translation>Konflikt</translation>
    </message>
    <message>
        <source>bps-dropped %1 bytes per second, as the server sent it</source>
        <translation>bps-dropped %1 Byte pro Sekunde, wie vom Server gesendet</translation>
    </message>
    <message>
        <source>pps-dropped %1 packets per second, as the server sent it</source>
        <translation>pps-dropped %1 Pakete pro Sekunde, wie vom Server gesendet</translation>
    </message>
    <message>
        <source>nothing heard from the server for two heartbeat intervals</source>
        <translation>seit zwei Heartbeat-Intervallen nichts vom Server gehört</translation>
    </message>
    <message>
        <source>the session to the server is lost</source>
        <translation>die Sitzung zum Server ist verloren</translation>
    </message>
    <message>
        <source>Last known state: %1 (received %2)</source>
        <translation>Letzter bekannter Stand: %1 (empfangen %2)</translation>
    </message>
</context>
<context>
    <name>dots::models::SessionTableModel</name>
    <message>
        <source>disconnected</source>
        <translation>getrennt</translation>
    </message>
    <message>
        <source>connecting</source>
        <translation>verbinde</translation>
    </message>
    <message>
        <source>connected</source>
        <translation>verbunden</translation>
    </message>
    <message>
        <source>lost — reconnecting</source>
        <translation>verloren — verbinde neu</translation>
    </message>
    <message>
        <source>DTLS</source>
        <translation>DTLS</translation>
    </message>
    <message>
        <source>TLS</source>
        <translation>TLS</translation>
    </message>
    <message>
        <source>off</source>
        <translation>aus</translation>
    </message>
    <message>
        <source>every %1 s</source>
        <translation>alle %1 s</translation>
    </message>
    <message>
        <source>%1 of %2 allowed</source>
        <translation>%1 von %2 erlaubten</translation>
    </message>
    <message>
        <source>%1: heartbeat %2 s, missing-hb %3, max-retransmit %4, ack-timeout %5 s, ack-random-factor %6</source>
        <translation>%1: Heartbeat %2 s, missing-hb %3, max-retransmit %4, ack-timeout %5 s, ack-random-factor %6</translation>
    </message>
    <message>
        <source>mitigating</source>
        <translation>bei Abwehr</translation>
    </message>
    <message>
        <source>idle</source>
        <translation>im Leerlauf</translation>
    </message>
    <message>
        <source>%1 port %2, cuid %3</source>
        <translation>%1 Port %2, cuid %3</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>Transport</source>
        <translation>Transport</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Last RTT</source>
        <translation>Letzte RTT</translation>
    </message>
    <message>
        <source>Heartbeat</source>
        <translation>Heartbeat</translation>
    </message>
    <message>
        <source>Missed heartbeats</source>
        <translation>Verpasste Heartbeats</translation>
    </message>
    <message>
        <source>Negotiated configuration</source>
        <translation>Ausgehandelte Konfiguration</translation>
    </message>
    <message>
        <source>no answers, server hears us</source>
        <translation>keine Antworten, Server hört uns</translation>
    </message>
    <message>
        <source>connected — no answers</source>
        <translation>verbunden — keine Antworten</translation>
    </message>
    <message>
        <source>%1 ago</source>
        <translation>vor %1</translation>
    </message>
    <message>
        <source>No answer from the server for more than two heartbeat intervals, but its own heartbeats say it receives ours: the link towards us is likely flooded. The session is kept (RFC 9132 section 4.7).</source>
        <translation>Seit mehr als zwei Heartbeat-Intervallen keine Antwort vom Server, aber seine eigenen Heartbeats melden, dass er unsere empfängt: Die Leitung zu uns ist wahrscheinlich überflutet. Die Sitzung bleibt bestehen (RFC 9132 Abschnitt 4.7).</translation>
    </message>
    <message>
        <source>No answer from the server for more than two heartbeat intervals: requests may not be getting through.</source>
        <translation>Seit mehr als zwei Heartbeat-Intervallen keine Antwort vom Server: Anfragen kommen möglicherweise nicht durch.</translation>
    </message>
    <message>
        <source>Time since the server last answered a request, a heartbeat or sent a notification</source>
        <translation>Zeit, seit der Server zuletzt eine Anfrage oder einen Heartbeat beantwortet oder eine Benachrichtigung gesendet hat</translation>
    </message>
    <message>
        <source>Last answer</source>
        <translation>Letzte Antwort</translation>
    </message>
</context>
<context>
    <name>dots::models::SignalEventLogModel</name>
    <message>
        <source>sent</source>
        <translation>gesendet</translation>
    </message>
    <message>
        <source>received</source>
        <translation>empfangen</translation>
    </message>
    <message>
        <source>%1 (undecodable: %2)</source>
        <translation>%1 (nicht dekodierbar: %2)</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>Richtung</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Nachricht</translation>
    </message>
</context>
<context>
    <name>dots::models::TelemetryModel</name>
    <message>
        <source>%1 — attack %2</source>
        <translation>%1 — Angriff %2</translation>
    </message>
</context>
<context>
    <name>dots::models::TrafficUnits</name>
    <message>
        <source>packets</source>
        <translation>Pakete</translation>
    </message>
</context>
<context>
    <name>dots::profiles::CertificateDetails</name>
    <message>
        <source>not valid before %1 (in %2)</source>
        <translation>nicht gültig vor %1 (in %2)</translation>
    </message>
    <message>
        <source>expired on %1 (%2 ago)</source>
        <translation>abgelaufen am %1 (vor %2)</translation>
    </message>
    <message>
        <source>expires soon: valid until %1 (%2 left)</source>
        <translation>läuft bald ab: gültig bis %1 (noch %2)</translation>
    </message>
    <message>
        <source>valid until %1 (%2 left)</source>
        <translation>gültig bis %1 (noch %2)</translation>
    </message>
    <message>
        <source>no file chosen</source>
        <translation>keine Datei gewählt</translation>
    </message>
    <message>
        <source>%1 cannot be read: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1 does not exist</source>
        <translation>%1 existiert nicht</translation>
    </message>
    <message>
        <source>the file holds no certificate (PEM or DER expected)</source>
        <translation>die Datei enthält kein Zertifikat (PEM oder DER erwartet)</translation>
    </message>
    <message>
        <source>1 day</source>
        <translation>1 Tag</translation>
    </message>
    <message>
        <source>%1 days</source>
        <translation>%1 Tage</translation>
    </message>
</context>
<context>
    <name>dots::profiles::ProfileChecks</name>
    <message>
        <source>choose a file</source>
        <translation>Wählen Sie eine Datei</translation>
    </message>
    <message>
        <source>%1 does not exist</source>
        <translation>%1 existiert nicht</translation>
    </message>
    <message>
        <source>%1 cannot be read: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>neither an IP address nor a host name: %1</source>
        <translation>weder eine IP-Adresse noch ein Hostname: %1</translation>
    </message>
    <message>
        <source>give the profile a name</source>
        <translation>Geben Sie dem Profil einen Namen</translation>
    </message>
    <message>
        <source>another profile is called %1</source>
        <translation>ein anderes Profil heißt bereits %1</translation>
    </message>
    <message>
        <source>enter the server&apos;s host name or IP address</source>
        <translation>Geben Sie den Hostnamen oder die IP-Adresse des Servers ein</translation>
    </message>
    <message>
        <source>remove the spaces around the name</source>
        <translation>Entfernen Sie die Leerzeichen um den Namen</translation>
    </message>
    <message>
        <source>%1 is not a port: use 1 to 65535 (DOTS uses 4646)</source>
        <translation>%1 ist kein Port: 1 bis 65535 verwenden (DOTS nutzt 4646)</translation>
    </message>
    <message>
        <source>the file holds no private key that can be read without a passphrase (PEM or DER expected)</source>
        <translation>die Datei enthält keinen privaten Schlüssel, der ohne Passphrase lesbar ist (PEM oder DER erwartet)</translation>
    </message>
    <message>
        <source>this key does not belong to the certificate</source>
        <translation>dieser Schlüssel gehört nicht zum Zertifikat</translation>
    </message>
    <message>
        <source>not a URL: %1</source>
        <translation>keine URL: %1</translation>
    </message>
    <message>
        <source>the data channel needs https:// (RFC 8783 runs RESTCONF over TLS)</source>
        <translation>der Datenkanal braucht https:// (RFC 8783 betreibt RESTCONF über TLS)</translation>
    </message>
    <message>
        <source>the URL names no host</source>
        <translation>die URL nennt keinen Host</translation>
    </message>
    <message>
        <source>name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>server</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>port</source>
        <translation>Port</translation>
    </message>
    <message>
        <source>client certificate</source>
        <translation>Client-Zertifikat</translation>
    </message>
    <message>
        <source>private key</source>
        <translation>privater Schlüssel</translation>
    </message>
    <message>
        <source>CA certificate</source>
        <translation>CA-Zertifikat</translation>
    </message>
    <message>
        <source>expected server name</source>
        <translation>erwarteter Servername</translation>
    </message>
    <message>
        <source>data channel URL</source>
        <translation>Datenkanal-URL</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>dots::profiles::ProfileStore</name>
    <message>
        <source>%1 (copy)</source>
        <translation>%1 (Kopie)</translation>
    </message>
    <message>
        <source>%1 (copy %2)</source>
        <translation>%1 (Kopie %2)</translation>
    </message>
</context>
<context>
    <name>dots::signal</name>
    <message>
        <source>Overlapping targets</source>
        <translation>Überlappende Ziele</translation>
    </message>
    <message>
        <source>Conflicts with an accept-list</source>
        <translation>Konflikt mit einer Accept-Liste</translation>
    </message>
    <message>
        <source>Client identifier (cuid) collision</source>
        <translation>Kollision der Client-Kennung (cuid)</translation>
    </message>
    <message>
        <source>Mitigation in progress</source>
        <translation>Abwehr läuft</translation>
    </message>
    <message>
        <source>Attack successfully mitigated</source>
        <translation>Angriff erfolgreich abgewehrt</translation>
    </message>
    <message>
        <source>Attack stopped</source>
        <translation>Angriff beendet</translation>
    </message>
    <message>
        <source>Attack exceeds mitigation capability</source>
        <translation>Angriff übersteigt die Abwehrkapazität</translation>
    </message>
    <message>
        <source>Withdrawn, terminating</source>
        <translation>Zurückgezogen, wird beendet</translation>
    </message>
    <message>
        <source>Mitigation terminated</source>
        <translation>Abwehr beendet</translation>
    </message>
    <message>
        <source>Mitigation withdrawn</source>
        <translation>Abwehr zurückgezogen</translation>
    </message>
    <message>
        <source>Armed: triggers on signal loss</source>
        <translation>Scharf: löst bei Signalverlust aus</translation>
    </message>
    <message>
        <source>Unknown status %1</source>
        <translation>Unbekannter Status %1</translation>
    </message>
</context>
<context>
    <name>dots::signal::MitigationClient</name>
    <message>
        <source>the request is not valid</source>
        <translation>die Anforderung ist ungültig</translation>
    </message>
    <message>
        <source>no mitigation identifier available</source>
        <translation>keine Abwehr-ID (mid) verfügbar</translation>
    </message>
    <message>
        <source>mitigation request %1</source>
        <translation>Abwehranforderung %1</translation>
    </message>
    <message>
        <source>the request cannot be encoded</source>
        <translation>die Anforderung lässt sich nicht kodieren</translation>
    </message>
    <message>
        <source>mitigation %1 was not requested from this console</source>
        <translation>Abwehr %1 wurde nicht von dieser Konsole angefordert</translation>
    </message>
    <message>
        <source>mitigation %1 is not known</source>
        <translation>Abwehr %1 ist nicht bekannt</translation>
    </message>
    <message>
        <source>efficacy update for mitigation %1</source>
        <translation>Efficacy-Update für Abwehr %1</translation>
    </message>
    <message>
        <source>the update cannot be encoded</source>
        <translation>das Update lässt sich nicht kodieren</translation>
    </message>
    <message>
        <source>withdrawal of mitigation %1</source>
        <translation>Zurückziehen der Abwehr %1</translation>
    </message>
    <message>
        <source>listing mitigations</source>
        <translation>Auflisten der Abwehrmaßnahmen</translation>
    </message>
    <message>
        <source>the mitigation list could not be decoded</source>
        <translation>die Liste der Abwehrmaßnahmen ließ sich nicht dekodieren</translation>
    </message>
    <message>
        <source>notification for mitigation %1</source>
        <translation>Benachrichtigung zu Abwehr %1</translation>
    </message>
    <message>
        <source>renewing mitigation %1 failed: %2</source>
        <translation>Erneuern der Abwehrmaßnahme %1 fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>mitigation request %1 held back: the server refused this scope for a conflict and asked to wait %2 s more before it is sent again (retry-timer)</source>
        <translation>Mitigationsanfrage %1 zurückgehalten: Der Server hat diesen Umfang wegen eines Konflikts abgelehnt und gebeten, noch %2 s zu warten, bevor sie erneut gesendet wird (retry-timer)</translation>
    </message>
</context>
<context>
    <name>dots::signal::SessionConfigClient</name>
    <message>
        <source>reading the session configuration</source>
        <translation>Lesen der Sitzungskonfiguration</translation>
    </message>
    <message>
        <source>the session configuration could not be decoded</source>
        <translation>die Sitzungskonfiguration ließ sich nicht dekodieren</translation>
    </message>
    <message>
        <source>the server has no session configuration (4.04): using the RFC 9132 defaults</source>
        <translation>der Server hat keine Sitzungskonfiguration (4.04): es gelten die Vorgaben von RFC 9132</translation>
    </message>
    <message>
        <source>the proposal is outside the server&apos;s ranges</source>
        <translation>der Vorschlag liegt außerhalb der Wertebereiche des Servers</translation>
    </message>
    <message>
        <source>session configuration proposal</source>
        <translation>Vorschlag zur Sitzungskonfiguration</translation>
    </message>
    <message>
        <source>the proposal cannot be encoded</source>
        <translation>der Vorschlag lässt sich nicht kodieren</translation>
    </message>
    <message>
        <source>session configuration reset</source>
        <translation>Zurücksetzen der Sitzungskonfiguration</translation>
    </message>
    <message>
        <source>the session configuration could not be read again (%1); keeping the values in force</source>
        <translation>die Sitzungskonfiguration konnte nicht erneut gelesen werden (%1); die geltenden Werte bleiben</translation>
    </message>
    <message>
        <source>session configuration</source>
        <translation>Sitzungskonfiguration</translation>
    </message>
</context>
<context>
    <name>dots::signal::SignalChannel</name>
    <message>
        <source>the handshake succeeded but the server does not answer (reading the session configuration: %1); trying again</source>
        <translation>der Handshake gelang, aber der Server antwortet nicht (Lesen der Sitzungskonfiguration: %1); neuer Versuch folgt</translation>
    </message>
</context>
<context>
    <name>dots::signal::SignalExchange</name>
    <message>
        <source>the signal channel was closed</source>
        <translation>der Signalkanal wurde geschlossen</translation>
    </message>
    <message>
        <source>not connected to a DOTS server</source>
        <translation>nicht mit einem DOTS-Server verbunden</translation>
    </message>
    <message>
        <source>with mitigation %1</source>
        <translation>mit Abwehr %1</translation>
    </message>
    <message>
        <source>retry in %1 s</source>
        <translation>neuer Versuch in %1 s</translation>
    </message>
    <message>
        <source>the server found the request malformed</source>
        <translation>der Server hält die Anfrage für fehlerhaft</translation>
    </message>
    <message>
        <source>the server does not allow this client to do that</source>
        <translation>der Server erlaubt diesem Client das nicht</translation>
    </message>
    <message>
        <source>the server does not know it</source>
        <translation>der Server kennt sie nicht</translation>
    </message>
    <message>
        <source>the server reports a conflict</source>
        <translation>der Server meldet einen Konflikt</translation>
    </message>
    <message>
        <source>the server has no such mitigation to update</source>
        <translation>der Server hat keine solche Abwehr zum Aktualisieren</translation>
    </message>
    <message>
        <source>the server cannot accept these values</source>
        <translation>der Server kann diese Werte nicht annehmen</translation>
    </message>
    <message>
        <source>the server is busy; try again in %1 s</source>
        <translation>der Server ist ausgelastet; neuer Versuch in %1 s</translation>
    </message>
    <message>
        <source>the server is busy</source>
        <translation>der Server ist ausgelastet</translation>
    </message>
    <message>
        <source>the server answered %1</source>
        <translation>der Server antwortete %1</translation>
    </message>
    <message>
        <source>%1 refused (%2): %3</source>
        <translation>%1 abgelehnt (%2): %3</translation>
    </message>
    <message>
        <source>a gateway on the way found a forwarding loop (Hop-Limit reached); the gateways&apos; routes need fixing</source>
        <translation>ein Gateway auf dem Weg hat eine Weiterleitungsschleife erkannt (Hop-Limit erreicht); die Routen der Gateways müssen korrigiert werden</translation>
    </message>
</context>
<context>
    <name>dots::signal::SignalLog</name>
    <message>
        <source>%1 for %2</source>
        <translation>%1 für %2</translation>
    </message>
    <message>
        <source>unexpected content format %1</source>
        <translation>unerwartetes Content-Format %1</translation>
    </message>
    <message>
        <source> (Hop-Limit %1)</source>
        <translation> (Hop-Limit %1)</translation>
    </message>
</context>
<context>
    <name>dots::signal::SignalSession</name>
    <message>
        <source>connection attempt was cancelled</source>
        <translation>Verbindungsversuch abgebrochen</translation>
    </message>
    <message>
        <source>cannot derive the client identifier from %1: %2</source>
        <translation>aus %1 lässt sich keine Client-Kennung (cuid) ableiten: %2</translation>
    </message>
    <message>
        <source>connecting to %1 port %2</source>
        <translation>verbinde mit %1 Port %2</translation>
    </message>
    <message>
        <source>the signal channel was closed</source>
        <translation>der Signalkanal wurde geschlossen</translation>
    </message>
    <message>
        <source>disconnected by the operator</source>
        <translation>vom Bediener getrennt</translation>
    </message>
    <message>
        <source>reconnect failed: %1</source>
        <translation>Wiederverbinden fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>session closed: %1</source>
        <translation>Sitzung geschlossen: %1</translation>
    </message>
    <message>
        <source>heartbeat</source>
        <translation>Heartbeat</translation>
    </message>
    <message>
        <source>heartbeats answered again</source>
        <translation>Heartbeats werden wieder beantwortet</translation>
    </message>
    <message>
        <source>%1 heartbeats in a row went unanswered</source>
        <translation>%1 Heartbeats in Folge unbeantwortet</translation>
    </message>
    <message>
        <source>%1 %2 (from the server)</source>
        <translation>%1 %2 (vom Server)</translation>
    </message>
    <message>
        <source>%1 for the server&apos;s heartbeat</source>
        <translation>%1 auf den Heartbeat des Servers</translation>
    </message>
    <message>
        <source>%1: waiting for the server&apos;s first answer</source>
        <translation>%1: warte auf die erste Antwort des Servers</translation>
    </message>
    <message>
        <source> (Hop-Limit %1)</source>
        <translation> (Hop-Limit %1)</translation>
    </message>
</context>
<context>
    <name>dots::signal::TelemetryClient</name>
    <message>
        <source>telemetry</source>
        <translation>Telemetrie</translation>
    </message>
    <message>
        <source>reading the telemetry setup</source>
        <translation>Lesen der Telemetrie-Einrichtung</translation>
    </message>
    <message>
        <source>the telemetry setup could not be decoded</source>
        <translation>die Telemetrie-Einrichtung ließ sich nicht dekodieren</translation>
    </message>
    <message>
        <source>the telemetry setup is not valid</source>
        <translation>die Telemetrie-Einrichtung ist ungültig</translation>
    </message>
    <message>
        <source>telemetry setup %1</source>
        <translation>Telemetrie-Einrichtung %1</translation>
    </message>
    <message>
        <source>the telemetry setup cannot be encoded</source>
        <translation>die Telemetrie-Einrichtung lässt sich nicht kodieren</translation>
    </message>
    <message>
        <source>deleting telemetry setup %1</source>
        <translation>Löschen der Telemetrie-Einrichtung %1</translation>
    </message>
    <message>
        <source>deleting the telemetry setups</source>
        <translation>Löschen der Telemetrie-Einrichtungen</translation>
    </message>
    <message>
        <source>the telemetry is not valid</source>
        <translation>die Telemetrie ist ungültig</translation>
    </message>
    <message>
        <source>no telemetry identifier available</source>
        <translation>keine Telemetrie-Kennung verfügbar</translation>
    </message>
    <message>
        <source>telemetry %1</source>
        <translation>Telemetrie %1</translation>
    </message>
    <message>
        <source>the telemetry cannot be encoded</source>
        <translation>die Telemetrie lässt sich nicht kodieren</translation>
    </message>
    <message>
        <source>the server does not let telemetry be observed yet; trying again in %1 s</source>
        <translation>der Server lässt die Telemetrie noch nicht beobachten; neuer Versuch in %1 s</translation>
    </message>
</context>
<context>
    <name>dots::transport::TransportError</name>
    <message>
        <source>no %1 handshake with %2 within %3 ms</source>
        <translation>kein %1-Handshake mit %2 innerhalb von %3 ms</translation>
    </message>
    <message>
        <source>could not start a secure session (certificate or key not usable)</source>
        <translation>keine gesicherte Sitzung möglich (Zertifikat oder Schlüssel nicht verwendbar)</translation>
    </message>
    <message>
        <source>server certificate is for %1, not %2</source>
        <translation>Serverzertifikat gilt für %1, nicht für %2</translation>
    </message>
    <message>
        <source>server certificate has expired</source>
        <translation>Serverzertifikat ist abgelaufen</translation>
    </message>
    <message>
        <source>server certificate is not valid yet</source>
        <translation>Serverzertifikat ist noch nicht gültig</translation>
    </message>
    <message>
        <source>the transport configuration is invalid</source>
        <translation>die Transportkonfiguration ist ungültig</translation>
    </message>
    <message>
        <source>the server name could not be resolved</source>
        <translation>der Servername konnte nicht aufgelöst werden</translation>
    </message>
    <message>
        <source>connection refused</source>
        <translation>Verbindung abgelehnt</translation>
    </message>
    <message>
        <source>handshake timed out</source>
        <translation>Zeitüberschreitung beim Handshake</translation>
    </message>
    <message>
        <source>server certificate is not signed by a trusted CA</source>
        <translation>Serverzertifikat ist nicht von einer vertrauenswürdigen CA signiert</translation>
    </message>
    <message>
        <source>server certificate is for another name</source>
        <translation>Serverzertifikat gilt für einen anderen Namen</translation>
    </message>
    <message>
        <source>server certificate is not valid</source>
        <translation>Serverzertifikat ist ungültig</translation>
    </message>
    <message>
        <source>server rejected our client certificate</source>
        <translation>Server hat unser Client-Zertifikat abgelehnt</translation>
    </message>
    <message>
        <source>secure connection failed</source>
        <translation>gesicherte Verbindung fehlgeschlagen</translation>
    </message>
    <message>
        <source>no response from the server</source>
        <translation>keine Antwort vom Server</translation>
    </message>
    <message>
        <source>server reset the message</source>
        <translation>Server hat die Nachricht zurückgesetzt (Reset)</translation>
    </message>
    <message>
        <source>connection to the server was lost</source>
        <translation>Verbindung zum Server verloren</translation>
    </message>
    <message>
        <source>not connected to a server</source>
        <translation>nicht mit einem Server verbunden</translation>
    </message>
    <message>
        <source>request cancelled</source>
        <translation>Anfrage abgebrochen</translation>
    </message>
    <message>
        <source>request could not be built</source>
        <translation>Anfrage konnte nicht erstellt werden</translation>
    </message>
    <message>
        <source>the server shares no protocol version or cipher suite with the console</source>
        <translation>der Server teilt keine Protokollversion und keine Cipher-Suite mit der Konsole</translation>
    </message>
    <message>
        <source>the server&apos;s security is weaker than DOTS allows</source>
        <translation>die Sicherheit des Servers ist schwächer, als DOTS es erlaubt</translation>
    </message>
    <message>
        <source>no answer before the session had to be set up again; it may not have reached the server</source>
        <translation>keine Antwort, bevor die Sitzung neu aufgebaut werden musste; sie hat den Server möglicherweise nicht erreicht</translation>
    </message>
</context>
<context>
    <name>dots::ui::AboutDialog</name>
    <message>
        <source>About DOTS Console</source>
        <translation>Über DOTS-Konsole</translation>
    </message>
    <message>
        <source>%1 (built with %2)</source>
        <translation>%1 (gebaut mit %2)</translation>
    </message>
    <message>
        <source>%1 with Q-Block (RFC 9177)</source>
        <translation>%1 mit Q-Block (RFC 9177)</translation>
    </message>
    <message>
        <source>%1 without Q-Block (RFC 9177)</source>
        <translation>%1 ohne Q-Block (RFC 9177)</translation>
    </message>
    <message>
        <source>DOTS Console %1</source>
        <translation>DOTS-Konsole %1</translation>
    </message>
    <message>
        <source>Operator console for DDoS Open Threat Signaling (DOTS): asks a DOTS server for mitigation over the signal channel (RFC 9132) and shows how it goes.</source>
        <translation>Bedienkonsole für DDoS Open Threat Signaling (DOTS): fordert über den Signalkanal (RFC 9132) Abwehr bei einem DOTS-Server an und zeigt, wie sie verläuft.</translation>
    </message>
    <message>
        <source>Running on</source>
        <translation>Läuft mit</translation>
    </message>
    <message>
        <source>Qt</source>
        <translation>Qt</translation>
    </message>
    <message>
        <source>libcoap</source>
        <translation>libcoap</translation>
    </message>
    <message>
        <source>OpenSSL</source>
        <translation>OpenSSL</translation>
    </message>
    <message>
        <source>Licences</source>
        <translation>Lizenzen</translation>
    </message>
    <message>
        <source>DOTS Console</source>
        <translation>DOTS-Konsole</translation>
    </message>
    <message>
        <source>GNU LGPL version 3 or GNU GPL version 2</source>
        <translation>GNU LGPL Version 3 oder GNU GPL Version 2</translation>
    </message>
    <message>
        <source>BSD 2-clause licence</source>
        <translation>BSD-Lizenz mit 2 Klauseln</translation>
    </message>
    <message>
        <source>Apache License 2.0</source>
        <translation>Apache License 2.0</translation>
    </message>
    <message>
        <source>QCoro</source>
        <translation>QCoro</translation>
    </message>
    <message>
        <source>MIT licence</source>
        <translation>MIT-Lizenz</translation>
    </message>
    <message>
        <source>SQLite</source>
        <translation>SQLite</translation>
    </message>
    <message>
        <source>public domain</source>
        <translation>gemeinfrei</translation>
    </message>
    <message>
        <source>Each library&apos;s licence text is installed with it, in /usr/share/doc/PACKAGE/copyright.</source>
        <translation>Der Lizenztext jeder Bibliothek wird mit ihr installiert, in /usr/share/doc/PAKET/copyright.</translation>
    </message>
    <message>
        <source>GNU GPL version 3 or later, with no warranty</source>
        <translation>GNU GPL Version 3 oder später, ohne Gewährleistung</translation>
    </message>
    <message>
        <source>Qt Charts</source>
        <translation>Qt Charts</translation>
    </message>
    <message>
        <source>GNU GPL version 3</source>
        <translation>GNU GPL Version 3</translation>
    </message>
    <message>
        <source>&amp;Copy support details</source>
        <translation>Support-Angaben &amp;kopieren</translation>
    </message>
    <message>
        <source>Versions, operating system and display platform, for a support ticket</source>
        <translation>Versionen, Betriebssystem und Anzeige-Plattform, für eine Support-Anfrage</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>Kopiert</translation>
    </message>
</context>
<context>
    <name>dots::ui::AliasDialog</name>
    <message>
        <source>Edit alias %1</source>
        <translation>Alias %1 bearbeiten</translation>
    </message>
    <message>
        <source>New alias</source>
        <translation>Neuer Alias</translation>
    </message>
    <message>
        <source>e.g. web-front</source>
        <translation>z. B. web-front</translation>
    </message>
    <message>
        <source>e.g. 203.0.113.0/24, 2001:db8:6401::/96</source>
        <translation>z. B. 203.0.113.0/24, 2001:db8:6401::/96</translation>
    </message>
    <message>
        <source>all ports; or e.g. 53, 80, 8000-8080</source>
        <translation>alle Ports; oder z. B. 53, 80, 8000-8080</translation>
    </message>
    <message>
        <source>all protocols; or e.g. TCP, UDP, 47</source>
        <translation>alle Protokolle; oder z. B. TCP, UDP, 47</translation>
    </message>
    <message>
        <source>optional, e.g. www.example.com</source>
        <translation>optional, z. B. www.example.com</translation>
    </message>
    <message>
        <source>optional, e.g. https://www.example.com/login</source>
        <translation>optional, z. B. https://www.example.com/login</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>Target prefixes:</source>
        <translation>Zielpräfixe:</translation>
    </message>
    <message>
        <source>Ports:</source>
        <translation>Ports:</translation>
    </message>
    <message>
        <source>Protocols:</source>
        <translation>Protokolle:</translation>
    </message>
    <message>
        <source>Domain names:</source>
        <translation>Domainnamen:</translation>
    </message>
    <message>
        <source>URIs:</source>
        <translation>URIs:</translation>
    </message>
    <message>
        <source>Give at least one target prefix, domain name or URI.</source>
        <translation>Geben Sie mindestens ein Zielpräfix, einen Domainnamen oder eine URI an.</translation>
    </message>
    <message>
        <source>Give the alias a name</source>
        <translation>Geben Sie dem Alias einen Namen</translation>
    </message>
</context>
<context>
    <name>dots::ui::AliasesPage</name>
    <message>
        <source>&amp;New alias…</source>
        <translation>&amp;Neuer Alias …</translation>
    </message>
    <message>
        <source>Search aliases by name, target, port or protocol</source>
        <translation>Aliasse nach Name, Ziel, Port oder Protokoll durchsuchen</translation>
    </message>
    <message>
        <source>Name a set of targets once; mitigation requests can then use the name</source>
        <translation>Eine Menge von Zielen einmal benennen; Abwehranforderungen können dann den Namen nutzen</translation>
    </message>
    <message>
        <source>No data channel: this server profile has no data-channel URL, so aliases cannot be managed.</source>
        <translation>Kein Datenkanal: Dieses Serverprofil hat keine Datenkanal-URL, daher lassen sich keine Aliasse verwalten.</translation>
    </message>
    <message>
        <source>No aliases yet. An alias names a set of targets (prefixes, ports, protocols, domain names) once, so that mitigation requests can refer to it. Create one with New alias.</source>
        <translation>Noch keine Aliasse. Ein Alias benennt eine Menge von Zielen (Präfixe, Ports, Protokolle, Domainnamen) einmal, damit Abwehranforderungen darauf verweisen können. Legen Sie einen mit Neuer Alias an.</translation>
    </message>
    <message>
        <source>No alias matches &quot;%1&quot;.</source>
        <translation>Kein Alias passt zu „%1“.</translation>
    </message>
    <message>
        <source>Reading aliases…</source>
        <translation>Lese Aliasse …</translation>
    </message>
    <message>
        <source>Could not read the aliases: %1</source>
        <translation>Die Aliasse konnten nicht gelesen werden: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n alias(es) on the server.</source>
        <translation>
            <numerusform>%n Alias auf dem Server.</numerusform>
            <numerusform>%n Aliasse auf dem Server.</numerusform>
        </translation>
    </message>
    <message>
        <source>Creating alias %1…</source>
        <translation>Lege Alias %1 an …</translation>
    </message>
    <message>
        <source>Saving alias %1…</source>
        <translation>Speichere Alias %1 …</translation>
    </message>
    <message>
        <source>Alias %1 was not saved: %2</source>
        <translation>Alias %1 wurde nicht gespeichert: %2</translation>
    </message>
    <message>
        <source>Alias %1 created.</source>
        <translation>Alias %1 angelegt.</translation>
    </message>
    <message>
        <source>Alias %1 saved.</source>
        <translation>Alias %1 gespeichert.</translation>
    </message>
    <message>
        <source>Delete alias %1? Mitigation requests can no longer refer to it.</source>
        <translation>Alias %1 löschen? Abwehranforderungen können dann nicht mehr darauf verweisen.</translation>
    </message>
    <message>
        <source>Delete alias</source>
        <translation>Alias löschen</translation>
    </message>
    <message>
        <source>Alias %1 was not deleted: %2</source>
        <translation>Alias %1 wurde nicht gelöscht: %2</translation>
    </message>
    <message>
        <source>Alias %1 deleted.</source>
        <translation>Alias %1 gelöscht.</translation>
    </message>
    <message>
        <source>create alias %1 (%2)</source>
        <translation>Alias %1 (%2) angelegt</translation>
    </message>
    <message>
        <source>create alias %1 (%2) failed: %3</source>
        <translation>Anlegen des Alias %1 (%2) fehlgeschlagen: %3</translation>
    </message>
    <message>
        <source>replace alias %1 (%2)</source>
        <translation>Alias %1 ersetzt (%2)</translation>
    </message>
    <message>
        <source>replace alias %1 (%2) failed: %3</source>
        <translation>Ersetzen des Alias %1 (%2) fehlgeschlagen: %3</translation>
    </message>
    <message>
        <source>delete alias %1 (%2)</source>
        <translation>Alias %1 (%2) gelöscht</translation>
    </message>
    <message>
        <source>delete alias %1 (%2) failed: %3</source>
        <translation>Löschen des Alias %1 (%2) fehlgeschlagen: %3</translation>
    </message>
</context>
<context>
    <name>dots::ui::AttackDetailsView</name>
    <message>
        <source>Attack</source>
        <translation>Angriff</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Schweregrad</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Beginn</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>Ende</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>Quellen</translation>
    </message>
    <message>
        <source>not reported</source>
        <translation>nicht gemeldet</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keiner</translation>
    </message>
    <message>
        <source>low</source>
        <translation>niedrig</translation>
    </message>
    <message>
        <source>medium</source>
        <translation>mittel</translation>
    </message>
    <message>
        <source>high</source>
        <translation>hoch</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source> (vendor %1)</source>
        <translation> (Hersteller %1)</translation>
    </message>
    <message>
        <source>no description</source>
        <translation>keine Beschreibung</translation>
    </message>
    <message>
        <source>ongoing</source>
        <translation>dauert an</translation>
    </message>
</context>
<context>
    <name>dots::ui::AuditLogDock</name>
    <message>
        <source>Audit log</source>
        <translation>Audit-Log</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Als CSV exportieren …</translation>
    </message>
    <message>
        <source>Search what was done, e.g. 203.0.113 or withdraw</source>
        <translation>Durchsuchen, was getan wurde, z. B. 203.0.113 oder zurückziehen</translation>
    </message>
    <message>
        <source>All actions</source>
        <translation>Alle Aktionen</translation>
    </message>
    <message>
        <source>Save the entries matching the search as a CSV file (RFC 4180, UTC times)</source>
        <translation>Die zur Suche passenden Einträge als CSV-Datei speichern (RFC 4180, Zeiten in UTC)</translation>
    </message>
    <message>
        <source>No entry matches the search.</source>
        <translation>Kein Eintrag passt zur Suche.</translation>
    </message>
    <message>
        <source>dots-audit-%1.csv</source>
        <translation>dots-audit-%1.csv</translation>
    </message>
    <message>
        <source>Export audit log</source>
        <translation>Audit-Log exportieren</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <source>Exported to %1.</source>
        <translation>Nach %1 exportiert.</translation>
    </message>
    <message>
        <source>Export failed: %1</source>
        <translation>Export fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Nothing recorded yet. Requests, withdrawals, renewals, efficacy reports, session changes and changes to aliases and filters are recorded here with who made them and when.</source>
        <translation>Noch nichts vermerkt. Anforderungen, Rückzüge, Verlängerungen, Efficacy-Meldungen, Sitzungsänderungen sowie Änderungen an Aliasen und Filtern werden hier mit Urheber und Zeitpunkt vermerkt.</translation>
    </message>
</context>
<context>
    <name>dots::ui::ConnectionStatusWidget</name>
    <message>
        <source>Blinks green when the server answers a heartbeat, red when one goes unanswered</source>
        <translation>Blinkt grün, wenn der Server einen Heartbeat beantwortet, rot, wenn einer unbeantwortet bleibt</translation>
    </message>
    <message>
        <source>Round-trip time of the last answered heartbeat or request</source>
        <translation>Umlaufzeit des zuletzt beantworteten Heartbeats oder Requests</translation>
    </message>
    <message>
        <source>Heartbeats in a row without an answer; the session counts as lost beyond the allowed number</source>
        <translation>Heartbeats in Folge ohne Antwort; über der erlaubten Zahl gilt die Sitzung als verloren</translation>
    </message>
    <message>
        <source>not connected yet</source>
        <translation>noch nicht verbunden</translation>
    </message>
    <message>
        <source>Disconnected</source>
        <translation>Getrennt</translation>
    </message>
    <message>
        <source>Disconnected: %1</source>
        <translation>Getrennt: %1</translation>
    </message>
    <message>
        <source>Server: none</source>
        <translation>Server: keiner</translation>
    </message>
    <message>
        <source>Transport: -</source>
        <translation>Transport: -</translation>
    </message>
    <message>
        <source>RTT: -</source>
        <translation>RTT: -</translation>
    </message>
    <message>
        <source>Missed: -</source>
        <translation>Verpasst: -</translation>
    </message>
    <message>
        <source>Connected, heartbeats missing</source>
        <translation>Verbunden, Heartbeats fehlen</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>Verbunden</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Verbinde …</translation>
    </message>
    <message>
        <source>Session lost, reconnecting</source>
        <translation>Sitzung verloren, verbinde neu</translation>
    </message>
    <message>
        <source>Session lost: %1</source>
        <translation>Sitzung verloren: %1</translation>
    </message>
    <message>
        <source>Server: %1</source>
        <translation>Server: %1</translation>
    </message>
    <message>
        <source>DTLS (UDP)</source>
        <translation>DTLS (UDP)</translation>
    </message>
    <message>
        <source>TLS (TCP)</source>
        <translation>TLS (TCP)</translation>
    </message>
    <message>
        <source>RTT: %1</source>
        <translation>RTT: %1</translation>
    </message>
    <message>
        <source>Missed: %1 of %2 allowed</source>
        <translation>Verpasst: %1 von %2 erlaubten</translation>
    </message>
    <message>
        <source>Missed: %1</source>
        <translation>Verpasst: %1</translation>
    </message>
    <message>
        <source>Time since the server last answered a heartbeat or request, or sent a notification; amber once nothing came for two heartbeat intervals</source>
        <translation>Zeit, seit der Server zuletzt einen Heartbeat oder eine Anfrage beantwortet oder eine Benachrichtigung gesendet hat; gelb, sobald zwei Heartbeat-Intervalle lang nichts kam</translation>
    </message>
    <message>
        <source>Last answer: -</source>
        <translation>Letzte Antwort: -</translation>
    </message>
    <message>
        <source>Connected, nothing heard for %1</source>
        <translation>Verbunden, seit %1 nichts gehört</translation>
    </message>
    <message>
        <source>Last answer %1 ago</source>
        <translation>Letzte Antwort vor %1</translation>
    </message>
    <message>
        <source>Server hears us; its answers do not reach us</source>
        <translation>Server hört uns; seine Antworten erreichen uns nicht</translation>
    </message>
    <message>
        <source>
Heartbeats every %1 s.</source>
        <translation>
Heartbeats alle %1 s.</translation>
    </message>
</context>
<context>
    <name>dots::ui::DataListPage</name>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Bearbeiten …</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Löschen</translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation>Akt&amp;ualisieren</translation>
    </message>
</context>
<context>
    <name>dots::ui::DesktopNotifier</name>
    <message>
        <source>DOTS session lost</source>
        <translation>DOTS-Sitzung verloren</translation>
    </message>
    <message>
        <source>The signal channel to %1 is lost: heartbeats are not answered. The console keeps trying to reconnect; the mitigations shown are the last known state.</source>
        <translation>Der Signalkanal zu %1 ist verloren: Heartbeats bleiben unbeantwortet. Die Konsole versucht weiter, sich neu zu verbinden; die angezeigten Abwehrmaßnahmen sind der letzte bekannte Stand.</translation>
    </message>
    <message>
        <source>DOTS session back</source>
        <translation>DOTS-Sitzung wieder da</translation>
    </message>
    <message>
        <source>The signal channel to %1 works again.</source>
        <translation>Der Signalkanal zu %1 funktioniert wieder.</translation>
    </message>
    <message>
        <source>Mitigation %1: %2</source>
        <translation>Abwehr %1: %2</translation>
    </message>
    <message>
        <source>%1 — was: %2</source>
        <translation>%1 — vorher: %2</translation>
    </message>
</context>
<context>
    <name>dots::ui::EventLogDock</name>
    <message>
        <source>Signal channel log</source>
        <translation>Signalkanal-Protokoll</translation>
    </message>
    <message>
        <source>Select a message to see its body as JSON.</source>
        <translation>Wählen Sie eine Nachricht, um ihren Inhalt als JSON zu sehen.</translation>
    </message>
    <message>
        <source>Could not decode the body: %1</source>
        <translation>Inhalt nicht dekodierbar: %1</translation>
    </message>
    <message>
        <source>(no body)</source>
        <translation>(kein Inhalt)</translation>
    </message>
    <message>
        <source>Search messages, e.g. mid=3 or 4.09</source>
        <translation>Nachrichten durchsuchen, z. B. mid=3 oder 4.09</translation>
    </message>
    <message>
        <source>Heartbeats</source>
        <translation>Heartbeats</translation>
    </message>
    <message>
        <source>Show the heartbeats sent and answered both ways</source>
        <translation>Die in beide Richtungen gesendeten und beantworteten Heartbeats zeigen</translation>
    </message>
    <message>
        <source>Notifications</source>
        <translation>Benachrichtigungen</translation>
    </message>
    <message>
        <source>Show the server&apos;s Observe notifications (mitigation status updates)</source>
        <translation>Die Observe-Benachrichtigungen des Servers zeigen (Statusänderungen der Abwehr)</translation>
    </message>
</context>
<context>
    <name>dots::ui::FilterRuleDialog</name>
    <message>
        <source>only packets with SYN set</source>
        <translation>nur Pakete mit gesetztem SYN</translation>
    </message>
    <message>
        <source>only fragments</source>
        <translation>nur Fragmente</translation>
    </message>
    <message>
        <source>Edit filter %1</source>
        <translation>Filter %1 bearbeiten</translation>
    </message>
    <message>
        <source>New filter</source>
        <translation>Neuer Filter</translation>
    </message>
    <message>
        <source>e.g. limit-dns-responses</source>
        <translation>z. B. limit-dns-responses</translation>
    </message>
    <message>
        <source>On during a mitigation</source>
        <translation>Aktiv bei laufender Abwehr</translation>
    </message>
    <message>
        <source>Active now</source>
        <translation>Jetzt aktiv</translation>
    </message>
    <message>
        <source>Off (kept for later)</source>
        <translation>Aus (für später aufbewahrt)</translation>
    </message>
    <message>
        <source>Drop</source>
        <translation>Verwerfen</translation>
    </message>
    <message>
        <source>Accept</source>
        <translation>Annehmen</translation>
    </message>
    <message>
        <source>Accept up to a rate</source>
        <translation>Bis zu einer Rate annehmen</translation>
    </message>
    <message>
        <source> Mbit/s</source>
        <translation> Mbit/s</translation>
    </message>
    <message>
        <source>Any protocol</source>
        <translation>Beliebiges Protokoll</translation>
    </message>
    <message>
        <source>TCP</source>
        <translation>TCP</translation>
    </message>
    <message>
        <source>UDP</source>
        <translation>UDP</translation>
    </message>
    <message>
        <source>ICMP</source>
        <translation>ICMP</translation>
    </message>
    <message>
        <source>any; or e.g. 203.0.113.0/24</source>
        <translation>beliebig; oder z. B. 203.0.113.0/24</translation>
    </message>
    <message>
        <source>any; or e.g. 198.51.100.53/32</source>
        <translation>beliebig; oder z. B. 198.51.100.53/32</translation>
    </message>
    <message>
        <source>any; 53, 1000-2000, &gt;=1024</source>
        <translation>beliebig; 53, 1000-2000, &gt;=1024</translation>
    </message>
    <message>
        <source>any type</source>
        <translation>beliebiger Typ</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>Filters:</source>
        <translation>Filter:</translation>
    </message>
    <message>
        <source>Action:</source>
        <translation>Aktion:</translation>
    </message>
    <message>
        <source>Protocol:</source>
        <translation>Protokoll:</translation>
    </message>
    <message>
        <source>From:</source>
        <translation>Von:</translation>
    </message>
    <message>
        <source>From port:</source>
        <translation>Von Port:</translation>
    </message>
    <message>
        <source>To:</source>
        <translation>Nach:</translation>
    </message>
    <message>
        <source>To port:</source>
        <translation>Nach Port:</translation>
    </message>
    <message>
        <source>TCP:</source>
        <translation>TCP:</translation>
    </message>
    <message>
        <source>ICMP type:</source>
        <translation>ICMP-Typ:</translation>
    </message>
    <message>
        <source>Fragments:</source>
        <translation>Fragmente:</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>Regel</translation>
    </message>
    <message>
        <source>JSON</source>
        <translation>JSON</translation>
    </message>
    <message numerus="yes">
        <source>This filter has %n more rule(s) after the first; they are kept as they are.</source>
        <translation>
            <numerusform>Dieser Filter hat nach der ersten noch %n weitere Regel; sie bleibt unverändert.</numerusform>
            <numerusform>Dieser Filter hat nach der ersten noch %n weitere Regeln; sie bleiben unverändert.</numerusform>
        </translation>
    </message>
    <message>
        <source>Ports need protocol TCP or UDP.</source>
        <translation>Ports brauchen das Protokoll TCP oder UDP.</translation>
    </message>
    <message>
        <source>The SYN flag needs protocol TCP.</source>
        <translation>Das SYN-Flag braucht das Protokoll TCP.</translation>
    </message>
    <message>
        <source>An ICMP type needs protocol ICMP.</source>
        <translation>Ein ICMP-Typ braucht das Protokoll ICMP.</translation>
    </message>
    <message>
        <source>From and To must both be IPv4 or both IPv6.</source>
        <translation>Von und Nach müssen beide IPv4 oder beide IPv6 sein.</translation>
    </message>
    <message>
        <source>The server cannot enforce this: %1</source>
        <translation>Der Server kann das nicht durchsetzen: %1</translation>
    </message>
    <message>
        <source>Give the filter a name</source>
        <translation>Geben Sie dem Filter einen Namen</translation>
    </message>
    <message>
        <source>Reject (drop and tell the sender)</source>
        <translation>Zurückweisen (verwerfen und dem Absender melden)</translation>
    </message>
</context>
<context>
    <name>dots::ui::FiltersPage</name>
    <message>
        <source>&amp;New filter…</source>
        <translation>&amp;Neuer Filter …</translation>
    </message>
    <message>
        <source>&amp;Activate now</source>
        <translation>Jetzt &amp;aktivieren</translation>
    </message>
    <message>
        <source>Deac&amp;tivate</source>
        <translation>Deak&amp;tivieren</translation>
    </message>
    <message>
        <source>Search filters by name or rule, e.g. &quot;udp&quot; or &quot;203.0.113&quot;</source>
        <translation>Filter nach Name oder Regel durchsuchen, z. B. „udp“ oder „203.0.113“</translation>
    </message>
    <message>
        <source>Select a filter to see it as the server has it (JSON).</source>
        <translation>Wählen Sie einen Filter, um ihn so zu sehen, wie der Server ihn hat (JSON).</translation>
    </message>
    <message>
        <source>Filter with the selected rules now. During an attack this goes over the signal channel (RFC 9133).</source>
        <translation>Jetzt mit den gewählten Regeln filtern. Während eines Angriffs geht das über den Signalkanal (RFC 9133).</translation>
    </message>
    <message>
        <source>Stop filtering with the selected rules; the filter stays on the server for later.</source>
        <translation>Das Filtern mit den gewählten Regeln beenden; der Filter bleibt für später auf dem Server.</translation>
    </message>
    <message>
        <source>&lt;i&gt;What the server can filter on is not known yet.&lt;/i&gt;</source>
        <translation>&lt;i&gt;Wonach der Server filtern kann, ist noch nicht bekannt.&lt;/i&gt;</translation>
    </message>
    <message>
        <source>IPv6</source>
        <translation>IPv6</translation>
    </message>
    <message>
        <source>IPv4</source>
        <translation>IPv4</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <source>&lt;b&gt;The server filters&lt;/b&gt; %1 &amp;nbsp;·&amp;nbsp; &lt;b&gt;protocols&lt;/b&gt; %2 &amp;nbsp;·&amp;nbsp; &lt;b&gt;actions&lt;/b&gt; %3 &amp;nbsp;·&amp;nbsp; &lt;b&gt;rate limits&lt;/b&gt; %4 &amp;nbsp;·&amp;nbsp; &lt;b&gt;fragments&lt;/b&gt; %5 &amp;nbsp;·&amp;nbsp; &lt;b&gt;TCP flags&lt;/b&gt; %6</source>
        <translation>&lt;b&gt;Der Server filtert&lt;/b&gt; %1 &amp;nbsp;·&amp;nbsp; &lt;b&gt;Protokolle&lt;/b&gt; %2 &amp;nbsp;·&amp;nbsp; &lt;b&gt;Aktionen&lt;/b&gt; %3 &amp;nbsp;·&amp;nbsp; &lt;b&gt;Ratenlimits&lt;/b&gt; %4 &amp;nbsp;·&amp;nbsp; &lt;b&gt;Fragmente&lt;/b&gt; %5 &amp;nbsp;·&amp;nbsp; &lt;b&gt;TCP-Flags&lt;/b&gt; %6</translation>
    </message>
    <message>
        <source>(not stated)</source>
        <translation>(nicht angegeben)</translation>
    </message>
    <message>
        <source>&amp;Activate now (attack: mitigation %1)</source>
        <translation>Jetzt &amp;aktivieren (Angriff: Abwehr %1)</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; — %2:&lt;br&gt;%3</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; — %2:&lt;br&gt;%3</translation>
    </message>
    <message>
        <source>No data channel: this server profile has no data-channel URL, so filters cannot be managed.</source>
        <translation>Kein Datenkanal: Dieses Serverprofil hat keine Datenkanal-URL, daher lassen sich keine Filter verwalten.</translation>
    </message>
    <message>
        <source>No filters yet. A filter is a list of rules such as &quot;drop UDP from 203.0.113.0/24 to port 53&quot;; prepare them now and switch them on when an attack comes. Create one with New filter.</source>
        <translation>Noch keine Filter. Ein Filter ist eine Liste von Regeln wie „UDP von 203.0.113.0/24 an Port 53 verwerfen“; bereiten Sie sie jetzt vor und schalten Sie sie bei einem Angriff ein. Legen Sie einen mit Neuer Filter an.</translation>
    </message>
    <message>
        <source>No filter matches &quot;%1&quot;.</source>
        <translation>Kein Filter passt zu „%1“.</translation>
    </message>
    <message>
        <source>Reading filters…</source>
        <translation>Lese Filter …</translation>
    </message>
    <message>
        <source>Could not read the filters: %1</source>
        <translation>Die Filter konnten nicht gelesen werden: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n filter(s) on the server.</source>
        <translation>
            <numerusform>%n Filter auf dem Server.</numerusform>
            <numerusform>%n Filter auf dem Server.</numerusform>
        </translation>
    </message>
    <message>
        <source>Creating filter %1…</source>
        <translation>Lege Filter %1 an …</translation>
    </message>
    <message>
        <source>Saving filter %1…</source>
        <translation>Speichere Filter %1 …</translation>
    </message>
    <message>
        <source>Filter %1 was not saved: %2</source>
        <translation>Filter %1 wurde nicht gespeichert: %2</translation>
    </message>
    <message>
        <source>Filter %1 created.</source>
        <translation>Filter %1 angelegt.</translation>
    </message>
    <message>
        <source>Filter %1 saved.</source>
        <translation>Filter %1 gespeichert.</translation>
    </message>
    <message>
        <source>Delete filter %1? It can no longer be switched on during an attack.</source>
        <translation>Filter %1 löschen? Er lässt sich dann bei einem Angriff nicht mehr einschalten.</translation>
    </message>
    <message>
        <source>Delete filter</source>
        <translation>Filter löschen</translation>
    </message>
    <message>
        <source>Filter %1 was not deleted: %2</source>
        <translation>Filter %1 wurde nicht gelöscht: %2</translation>
    </message>
    <message>
        <source>Filter %1 deleted.</source>
        <translation>Filter %1 gelöscht.</translation>
    </message>
    <message>
        <source>Filter %1: asking for &quot;%2&quot; with mitigation %3…</source>
        <translation>Filter %1: fordere „%2“ mit Abwehr %3 an …</translation>
    </message>
    <message>
        <source>Filter %1 was not changed: %2</source>
        <translation>Filter %1 wurde nicht geändert: %2</translation>
    </message>
    <message>
        <source>Filter %1: %2 (with mitigation %3).</source>
        <translation>Filter %1: %2 (mit Abwehr %3).</translation>
    </message>
    <message>
        <source>Filter %1: asking for &quot;%2&quot;…</source>
        <translation>Filter %1: fordere „%2“ an …</translation>
    </message>
    <message>
        <source>Filter %1: %2.</source>
        <translation>Filter %1: %2.</translation>
    </message>
    <message>
        <source>create filter %1 (%2)</source>
        <translation>Filter %1 (%2) angelegt</translation>
    </message>
    <message>
        <source>create filter %1 (%2) failed: %3</source>
        <translation>Anlegen des Filters %1 (%2) fehlgeschlagen: %3</translation>
    </message>
    <message>
        <source>replace filter %1 (%2)</source>
        <translation>Filter %1 ersetzt (%2)</translation>
    </message>
    <message>
        <source>replace filter %1 (%2) failed: %3</source>
        <translation>Ersetzen des Filters %1 (%2) fehlgeschlagen: %3</translation>
    </message>
    <message>
        <source>delete filter %1 (%2)</source>
        <translation>Filter %1 (%2) gelöscht</translation>
    </message>
    <message>
        <source>delete filter %1 (%2) failed: %3</source>
        <translation>Löschen des Filters %1 (%2) fehlgeschlagen: %3</translation>
    </message>
    <message>
        <source>set filter %1 to &quot;%2&quot; with mitigation %3</source>
        <translation>Filter %1 mit Abwehr %3 auf „%2“ gesetzt</translation>
    </message>
    <message>
        <source>set filter %1 to &quot;%2&quot; with mitigation %3 failed: %4</source>
        <translation>Setzen des Filters %1 mit Abwehr %3 auf „%2“ fehlgeschlagen: %4</translation>
    </message>
    <message>
        <source>set filter %1 to &quot;%2&quot;</source>
        <translation>Filter %1 auf „%2“ gesetzt</translation>
    </message>
    <message>
        <source>set filter %1 to &quot;%2&quot; failed: %3</source>
        <translation>Setzen des Filters %1 auf „%2“ fehlgeschlagen: %3</translation>
    </message>
</context>
<context>
    <name>dots::ui::LanguageDialog</name>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>System language (%1)</source>
        <translation>Systemsprache (%1)</translation>
    </message>
    <message>
        <source>The new language applies when the console is restarted.</source>
        <translation>Die neue Sprache gilt nach einem Neustart der Konsole.</translation>
    </message>
    <message>
        <source>Language of the console:</source>
        <translation>Sprache der Konsole:</translation>
    </message>
    <message>
        <source>From its next start the console follows the system language.</source>
        <translation>Ab dem nächsten Start folgt die Konsole der Systemsprache.</translation>
    </message>
    <message>
        <source>From its next start the console speaks %1.</source>
        <translation>Ab dem nächsten Start spricht die Konsole %1.</translation>
    </message>
</context>
<context>
    <name>dots::ui::MainWindow</name>
    <message>
        <source>DOTS Console</source>
        <translation>DOTS-Konsole</translation>
    </message>
    <message>
        <source>no server (see the message above)</source>
        <translation>kein Server (siehe Meldung oben)</translation>
    </message>
    <message>
        <source>&amp;New mitigation…</source>
        <translation>&amp;Neue Abwehr …</translation>
    </message>
    <message>
        <source>Ask the server to mitigate an attack on a target (Ctrl+N)</source>
        <translation>Den Server bitten, einen Angriff auf ein Ziel abzuwehren (Strg+N)</translation>
    </message>
    <message>
        <source>&amp;Withdraw</source>
        <translation>&amp;Zurückziehen</translation>
    </message>
    <message>
        <source>Withdraw the selected mitigation (Delete)</source>
        <translation>Die gewählte Abwehr zurückziehen (Entf)</translation>
    </message>
    <message>
        <source>&amp;Renew</source>
        <translation>&amp;Verlängern</translation>
    </message>
    <message>
        <source>Extend the selected mitigation&apos;s lifetime (Ctrl+R)</source>
        <translation>Die Laufzeit der gewählten Abwehr verlängern (Strg+R)</translation>
    </message>
    <message>
        <source>Report: still &amp;under attack</source>
        <translation>Melden: weiterhin &amp;unter Angriff</translation>
    </message>
    <message>
        <source>Tell the server the attack still hurts (efficacy update)</source>
        <translation>Dem Server melden, dass der Angriff weiter schadet (Efficacy-Update)</translation>
    </message>
    <message>
        <source>Report: attack &amp;mitigated</source>
        <translation>Melden: Angriff &amp;abgewehrt</translation>
    </message>
    <message>
        <source>Tell the server the mitigation works (efficacy update)</source>
        <translation>Dem Server melden, dass die Abwehr wirkt (Efficacy-Update)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Mitigation</source>
        <translation>&amp;Abwehr</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>A&amp;nsicht</translation>
    </message>
    <message>
        <source>&amp;Language…</source>
        <translation>&amp;Sprache …</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About DOTS Console</source>
        <translation>Ü&amp;ber DOTS-Konsole</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Über &amp;Qt</translation>
    </message>
    <message>
        <source>Mitigation</source>
        <translation>Abwehr</translation>
    </message>
    <message>
        <source>No server to send a mitigation request to.</source>
        <translation>Kein Server, an den eine Abwehranforderung gehen könnte.</translation>
    </message>
    <message>
        <source>Requesting mitigation for %1…</source>
        <translation>Fordere Abwehr für %1 an …</translation>
    </message>
    <message>
        <source>Mitigation request for %1 failed: %2</source>
        <translation>Abwehranforderung für %1 fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>Mitigation %1 requested for %2: accepted, %3.</source>
        <translation>Abwehr %1 für %2 angefordert: angenommen, %3.</translation>
    </message>
    <message>
        <source>Withdraw mitigation</source>
        <translation>Abwehr zurückziehen</translation>
    </message>
    <message>
        <source>Withdraw mitigation %1 (%2)? The server stops mitigating this target.</source>
        <translation>Abwehr %1 (%2) zurückziehen? Der Server hört auf, dieses Ziel zu schützen.</translation>
    </message>
    <message>
        <source>Withdrawing mitigation %1…</source>
        <translation>Ziehe Abwehr %1 zurück …</translation>
    </message>
    <message>
        <source>Withdrawing mitigation %1 failed: %2</source>
        <translation>Zurückziehen der Abwehr %1 fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>Mitigation %1 withdrawn.</source>
        <translation>Abwehr %1 zurückgezogen.</translation>
    </message>
    <message>
        <source>Renewing mitigation %1…</source>
        <translation>Verlängere Abwehr %1 …</translation>
    </message>
    <message>
        <source>Renewing mitigation %1 failed: %2</source>
        <translation>Verlängern der Abwehr %1 fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>Mitigation %1 renewed: %2.</source>
        <translation>Abwehr %1 verlängert: %2.</translation>
    </message>
    <message>
        <source>still under attack</source>
        <translation>weiterhin unter Angriff</translation>
    </message>
    <message>
        <source>attack mitigated</source>
        <translation>Angriff abgewehrt</translation>
    </message>
    <message>
        <source>Reporting &quot;%1&quot; for mitigation %2…</source>
        <translation>Melde „%1“ für Abwehr %2 …</translation>
    </message>
    <message>
        <source>Efficacy update for mitigation %1 failed: %2</source>
        <translation>Efficacy-Update für Abwehr %1 fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>Reported &quot;%1&quot; for mitigation %2.</source>
        <translation>„%1“ für Abwehr %2 gemeldet.</translation>
    </message>
    <message>
        <source>&amp;Duplicate as new…</source>
        <translation>Als neue &amp;duplizieren …</translation>
    </message>
    <message>
        <source>Open a new request with the selected mitigation&apos;s scope (Ctrl+D)</source>
        <translation>Eine neue Anforderung mit dem Umfang der gewählten Abwehr öffnen (Strg+D)</translation>
    </message>
    <message>
        <source>Desktop &amp;notifications</source>
        <translation>Desktop-&amp;Benachrichtigungen</translation>
    </message>
    <message>
        <source>Tell me when a mitigation changes status or the session is lost</source>
        <translation>Benachrichtigen, wenn eine Abwehr ihren Status ändert oder die Sitzung verloren geht</translation>
    </message>
    <message>
        <source>The language of the console&apos;s texts (applies at the next start)</source>
        <translation>Die Sprache der Konsolentexte (gilt ab dem nächsten Start)</translation>
    </message>
    <message>
        <source>request mitigation %1 for %2, %3</source>
        <translation>Abwehr %1 für %2 angefordert, %3</translation>
    </message>
    <message>
        <source>unstated cause</source>
        <translation>ohne angegebenen Grund</translation>
    </message>
    <message>
        <source>The server reports a conflict: %1; it suggests retrying in %2.</source>
        <translation>Der Server meldet einen Konflikt: %1; er schlägt einen neuen Versuch in %2 vor.</translation>
    </message>
    <message>
        <source>The server reports a conflict: %1.</source>
        <translation>Der Server meldet einen Konflikt: %1.</translation>
    </message>
    <message>
        <source>withdraw mitigation %1 (%2)</source>
        <translation>Abwehr %1 (%2) zurückgezogen</translation>
    </message>
    <message>
        <source>report &quot;%1&quot; for mitigation %2</source>
        <translation>„%1“ für Abwehr %2 gemeldet</translation>
    </message>
    <message>
        <source>Mitigations</source>
        <translation>Abwehrmaßnahmen</translation>
    </message>
    <message>
        <source>renew mitigation %1 reached the server after all: %2</source>
        <translation>Verlängerung von Mitigation %1 hat den Server doch erreicht: %2</translation>
    </message>
    <message>
        <source>Mitigation %1 was renewed after all: the server&apos;s answer came late; %2.</source>
        <translation>Mitigation %1 wurde doch verlängert: die Antwort des Servers kam spät; %2.</translation>
    </message>
    <message>
        <source>dropping %1 (%2)</source>
        <translation>verwirft %1 (%2)</translation>
    </message>
    <message>
        <source>no drop figures yet</source>
        <translation>noch keine Zahlen zu verworfenem Verkehr</translation>
    </message>
    <message>
        <source>Now: %1, %2, lifetime left %3.</source>
        <translation>Jetzt: %1, %2, verbleibende Laufzeit %3.</translation>
    </message>
    <message>
        <source>&amp;Reset layout</source>
        <translation>Anordnung &amp;zurücksetzen</translation>
    </message>
    <message>
        <source>Docks and window size as at the first start</source>
        <translation>Leisten und Fenstergröße wie beim ersten Start</translation>
    </message>
    <message>
        <source>request for %1 failed: no mitigation identifier available (%2)</source>
        <translation>Anfrage für %1 fehlgeschlagen: keine Mitigation-Kennung verfügbar (%2)</translation>
    </message>
    <message>
        <source>Mitigation request for %1 failed: no mitigation identifier available (%2)</source>
        <translation>Mitigation-Anfrage für %1 fehlgeschlagen: keine Mitigation-Kennung verfügbar (%2)</translation>
    </message>
    <message>
        <source>renew mitigation %1</source>
        <translation>Mitigation %1 verlängern</translation>
    </message>
</context>
<context>
    <name>dots::ui::MitigationDashboard</name>
    <message>
        <source>Filter by target, status, mid…</source>
        <translation>Nach Ziel, Status, Mid filtern …</translation>
    </message>
    <message>
        <source>Mitigations</source>
        <translation>Abwehrmaßnahmen</translation>
    </message>
    <message>
        <source>%1 shown of %2</source>
        <translation>%1 angezeigt von %2</translation>
    </message>
    <message>
        <source> — last known state, the session is lost</source>
        <translation> — letzter bekannter Stand, die Sitzung ist verloren</translation>
    </message>
    <message>
        <source>No mitigations. Request one with New mitigation (Ctrl+N).</source>
        <translation>Keine Abwehrmaßnahmen. Fordern Sie eine mit Neue Abwehr an (Strg+N).</translation>
    </message>
    <message>
        <source>No mitigations. New mitigation (Ctrl+N) is available once the server is connected.</source>
        <translation>Keine Abwehrmaßnahmen. Neue Abwehr (Strg+N) ist verfügbar, sobald der Server verbunden ist.</translation>
    </message>
    <message>
        <source>No mitigation matches &quot;%1&quot;.</source>
        <translation>Keine Abwehr passt zu „%1“.</translation>
    </message>
    <message numerus="yes">
        <source>%n mitigation(s)</source>
        <translation>
            <numerusform>%n Abwehrmaßnahme</numerusform>
            <numerusform>%n Abwehrmaßnahmen</numerusform>
        </translation>
    </message>
    <message>
        <source> — last known state, nothing heard from the server</source>
        <translation> — letzter bekannter Stand, nichts vom Server gehört</translation>
    </message>
</context>
<context>
    <name>dots::ui::MitigationDetailDock</name>
    <message>
        <source>Mitigation details</source>
        <translation>Abwehrdetails</translation>
    </message>
    <message>
        <source>Select a mitigation to see its full scope, the statuses it went through and the JSON the server sent.</source>
        <translation>Wählen Sie eine Abwehr, um ihren vollen Umfang, ihre bisherigen Status und das JSON des Servers zu sehen.</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <source>Prefixes:</source>
        <translation>Präfixe:</translation>
    </message>
    <message>
        <source>Ports:</source>
        <translation>Ports:</translation>
    </message>
    <message>
        <source>Protocols:</source>
        <translation>Protokolle:</translation>
    </message>
    <message>
        <source>FQDNs:</source>
        <translation>FQDNs:</translation>
    </message>
    <message>
        <source>URIs:</source>
        <translation>URIs:</translation>
    </message>
    <message>
        <source>Aliases:</source>
        <translation>Aliasse:</translation>
    </message>
    <message>
        <source>Lifetime left:</source>
        <translation>Restlaufzeit:</translation>
    </message>
    <message>
        <source>Started:</source>
        <translation>Gestartet:</translation>
    </message>
    <message>
        <source>Trigger:</source>
        <translation>Auslöser:</translation>
    </message>
    <message>
        <source>Filters:</source>
        <translation>Filter:</translation>
    </message>
    <message>
        <source>Conflict:</source>
        <translation>Konflikt:</translation>
    </message>
    <message>
        <source>Dropped:</source>
        <translation>Verworfen:</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>Seit</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Scope</source>
        <translation>Umfang</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <source>JSON</source>
        <translation>JSON</translation>
    </message>
    <message>
        <source>Mitigation %1 is gone: withdrawn or expired.</source>
        <translation>Abwehr %1 ist nicht mehr da: zurückgezogen oder abgelaufen.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Mitigation %1&lt;/b&gt; &amp;nbsp;&lt;span style=&quot;background:%2; color:%3&quot;&gt;&amp;nbsp;%4&amp;nbsp;&lt;/span&gt;</source>
        <translation>&lt;b&gt;Abwehr %1&lt;/b&gt; &amp;nbsp;&lt;span style=&quot;background:%2; color:%3&quot;&gt;&amp;nbsp;%4&amp;nbsp;&lt;/span&gt;</translation>
    </message>
    <message>
        <source>no status yet</source>
        <translation>noch kein Status</translation>
    </message>
    <message>
        <source>not reported yet</source>
        <translation>noch nicht gemeldet</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>not started</source>
        <translation>nicht gestartet</translation>
    </message>
    <message>
        <source>mitigate now</source>
        <translation>sofort abwehren</translation>
    </message>
    <message>
        <source>only if the signal session is lost (trigger-mitigation false)</source>
        <translation>nur bei Verlust der Signalsitzung (trigger-mitigation false)</translation>
    </message>
    <message>
        <source>%1, %2 now; %3, %4 in all</source>
        <translation>%1, %2 jetzt; %3, %4 insgesamt</translation>
    </message>
</context>
<context>
    <name>dots::ui::MitigationProxyModel</name>
    <message>
        <source>Started %1</source>
        <translation>Gestartet %1</translation>
    </message>
    <message>
        <source>Last known state: %1.</source>
        <translation>Letzter bekannter Stand: %1.</translation>
    </message>
</context>
<context>
    <name>dots::ui::NewMitigationDialog</name>
    <message>
        <source>Indefinite</source>
        <translation>Unbegrenzt</translation>
    </message>
    <message>
        <source>New mitigation</source>
        <translation>Neue Abwehr</translation>
    </message>
    <message>
        <source>e.g. 203.0.113.0/24, 2001:db8:6401::/96</source>
        <translation>z. B. 203.0.113.0/24, 2001:db8:6401::/96</translation>
    </message>
    <message>
        <source>all ports; or e.g. 53, 80, 8000-8080</source>
        <translation>alle Ports; oder z. B. 53, 80, 8000-8080</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Request mitigation</source>
        <translation>Abwehr anfordern</translation>
    </message>
    <message>
        <source>all protocols; or e.g. TCP, UDP, 47</source>
        <translation>alle Protokolle; oder z. B. TCP, UDP, 47</translation>
    </message>
    <message>
        <source>optional, e.g. www.example.com</source>
        <translation>optional, z. B. www.example.com</translation>
    </message>
    <message>
        <source>optional, e.g. https://www.example.com/shop</source>
        <translation>optional, z. B. https://www.example.com/shop</translation>
    </message>
    <message>
        <source>optional: names of aliases prepared on the data channel</source>
        <translation>optional: Namen von Aliassen aus dem Datenkanal</translation>
    </message>
    <message>
        <source>Start mitigating now</source>
        <translation>Abwehr sofort beginnen</translation>
    </message>
    <message>
        <source>Protocol names (%1) or IANA protocol numbers 0–255, separated by commas</source>
        <translation>Protokollnamen (%1) oder IANA-Protokollnummern 0–255, durch Kommas getrennt</translation>
    </message>
    <message>
        <source>An alias names a set of targets kept by the server (RFC 8783); the server mitigates all of them</source>
        <translation>Ein Alias benennt eine beim Server hinterlegte Menge von Zielen (RFC 8783); der Server schützt sie alle</translation>
    </message>
    <message>
        <source>Mitigate until withdrawn (lifetime -1)</source>
        <translation>Abwehren bis zum Zurückziehen (Laufzeit -1)</translation>
    </message>
    <message>
        <source>Unchecked, the server keeps the request ready and mitigates only if the signal session is lost (trigger-mitigation false)</source>
        <translation>Nicht angehakt hält der Server die Anforderung bereit und wehrt nur ab, wenn die Signalsitzung verloren geht (trigger-mitigation false)</translation>
    </message>
    <message>
        <source>Target &amp;prefixes:</source>
        <translation>Ziel&amp;präfixe:</translation>
    </message>
    <message>
        <source>P&amp;orts:</source>
        <translation>P&amp;orts:</translation>
    </message>
    <message>
        <source>Pro&amp;tocols:</source>
        <translation>Pro&amp;tokolle:</translation>
    </message>
    <message>
        <source>&amp;FQDNs:</source>
        <translation>&amp;FQDNs:</translation>
    </message>
    <message>
        <source>&amp;URIs:</source>
        <translation>&amp;URIs:</translation>
    </message>
    <message>
        <source>&amp;Aliases:</source>
        <translation>&amp;Aliasse:</translation>
    </message>
    <message>
        <source>&amp;Lifetime:</source>
        <translation>&amp;Laufzeit:</translation>
    </message>
    <message>
        <source>Enter at least one target: a prefix, an FQDN, a URI or an alias</source>
        <translation>Geben Sie mindestens ein Ziel ein: ein Präfix, einen FQDN, eine URI oder einen Alias</translation>
    </message>
    <message>
        <source>Prepared aliases:</source>
        <translation>Vorbereitete Aliasse:</translation>
    </message>
    <message>
        <source>Filters:</source>
        <translation>Filter:</translation>
    </message>
    <message>
        <source>Ticked filters are switched on with this request.</source>
        <translation>Angehakte Filter werden mit dieser Anforderung eingeschaltet.</translation>
    </message>
    <message>
        <source>Filters can be switched on with a request only while another mitigation is active.</source>
        <translation>Filter lassen sich mit einer Anforderung nur einschalten, während eine andere Abwehr aktiv ist.</translation>
    </message>
    <message>
        <source>%1 has host bits set; the network is %2</source>
        <translation>In %1 sind Host-Bits gesetzt; das Netz ist %2</translation>
    </message>
    <message>
        <source>Use %1</source>
        <translation>%1 verwenden</translation>
    </message>
</context>
<context>
    <name>dots::ui::NoticeBar</name>
    <message>
        <source>Dismiss</source>
        <translation>Schließen</translation>
    </message>
</context>
<context>
    <name>dots::ui::ProfileEditor</name>
    <message>
        <source>DTLS first, then TLS (recommended, RFC 9132)</source>
        <translation>Erst DTLS, dann TLS (empfohlen, RFC 9132)</translation>
    </message>
    <message>
        <source>TLS first, then DTLS</source>
        <translation>Erst TLS, dann DTLS</translation>
    </message>
    <message>
        <source>DTLS only (coaps, UDP)</source>
        <translation>Nur DTLS (coaps, UDP)</translation>
    </message>
    <message>
        <source>TLS only (coaps+tcp, TCP)</source>
        <translation>Nur TLS (coaps+tcp, TCP)</translation>
    </message>
    <message>
        <source>Client certificate</source>
        <translation>Client-Zertifikat</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>How this server is listed; also keys its mitigation ids and history</source>
        <translation>So wird dieser Server aufgeführt; ordnet auch seine Mitigation-IDs und seinen Verlauf zu</translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation>&amp;Server:</translation>
    </message>
    <message>
        <source>The DOTS server&apos;s host name or IP address</source>
        <translation>Hostname oder IP-Adresse des DOTS-Servers</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>&amp;Port:</translation>
    </message>
    <message>
        <source>The signal channel&apos;s port (DOTS: 4646)</source>
        <translation>Port des Signalkanals (DOTS: 4646)</translation>
    </message>
    <message>
        <source>Which secured CoAP transports to try, in which order</source>
        <translation>Welche gesicherten CoAP-Transporte in welcher Reihenfolge versucht werden</translation>
    </message>
    <message>
        <source>&amp;Transport:</source>
        <translation>&amp;Transport:</translation>
    </message>
    <message>
        <source>Client &amp;certificate:</source>
        <translation>Client-&amp;Zertifikat:</translation>
    </message>
    <message>
        <source>PEM file with this console&apos;s certificate; the server derives the cuid from it</source>
        <translation>PEM-Datei mit dem Zertifikat dieser Konsole; der Server leitet daraus die cuid ab</translation>
    </message>
    <message>
        <source>Private &amp;key:</source>
        <translation>Privater &amp;Schlüssel:</translation>
    </message>
    <message>
        <source>PEM file with the certificate&apos;s private key (no passphrase)</source>
        <translation>PEM-Datei mit dem privaten Schlüssel des Zertifikats (ohne Passphrase)</translation>
    </message>
    <message>
        <source>C&amp;A certificate:</source>
        <translation>C&amp;A-Zertifikat:</translation>
    </message>
    <message>
        <source>PEM file with the CA(s) the server&apos;s certificate must chain to</source>
        <translation>PEM-Datei mit der oder den CAs, auf die das Serverzertifikat zurückführen muss</translation>
    </message>
    <message>
        <source>E&amp;xpected server name:</source>
        <translation>E&amp;rwarteter Servername:</translation>
    </message>
    <message>
        <source>Name or IP the server&apos;s certificate must be for; empty: the server address above</source>
        <translation>Name oder IP, für die das Serverzertifikat ausgestellt sein muss; leer: die Serveradresse oben</translation>
    </message>
    <message>
        <source>the server address</source>
        <translation>die Serveradresse</translation>
    </message>
    <message>
        <source>&amp;Data channel URL:</source>
        <translation>&amp;Datenkanal-URL:</translation>
    </message>
    <message>
        <source>RESTCONF base of the data channel (RFC 8783), e.g. https://dots.example.net:8443; empty: none</source>
        <translation>RESTCONF-Basis des Datenkanals (RFC 8783), z. B. https://dots.example.net:8443; leer: keiner</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>Subject:</source>
        <translation>Inhaber:</translation>
    </message>
    <message>
        <source>Issuer:</source>
        <translation>Aussteller:</translation>
    </message>
    <message>
        <source>Alternative names:</source>
        <translation>Alternative Namen:</translation>
    </message>
    <message>
        <source>Validity:</source>
        <translation>Gültigkeit:</translation>
    </message>
    <message>
        <source>cuid:</source>
        <translation>cuid:</translation>
    </message>
    <message>
        <source>CA file:</source>
        <translation>CA-Datei:</translation>
    </message>
    <message>
        <source>The DOTS client identifier (RFC 9132 section 4.4.1): derived from the certificate&apos;s public key</source>
        <translation>Die DOTS-Client-Kennung (RFC 9132, Abschnitt 4.4.1): aus dem öffentlichen Schlüssel des Zertifikats abgeleitet</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen …</translation>
    </message>
    <message>
        <source>Choose the file</source>
        <translation>Datei wählen</translation>
    </message>
    <message>
        <source>Certificates and keys (*.pem *.crt *.cer *.key *.der);;All files (*)</source>
        <translation>Zertifikate und Schlüssel (*.pem *.crt *.cer *.key *.der);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>enter a number from 1 to 65535</source>
        <translation>Geben Sie eine Zahl von 1 bis 65535 ein</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message numerus="yes">
        <source> (and %n more certificate(s) in the file)</source>
        <translation>
            <numerusform> (und %n weiteres Zertifikat in der Datei)</numerusform>
            <numerusform> (und %n weitere Zertifikate in der Datei)</numerusform>
        </translation>
    </message>
    <message>
        <source>Subject: %1</source>
        <translation>Inhaber: %1</translation>
    </message>
    <message>
        <source>Issuer: %1</source>
        <translation>Aussteller: %1</translation>
    </message>
    <message>
        <source>Alternative names: %1</source>
        <translation>Alternative Namen: %1</translation>
    </message>
    <message>
        <source>Validity: %1</source>
        <translation>Gültigkeit: %1</translation>
    </message>
    <message>
        <source>cuid: %1</source>
        <translation>cuid: %1</translation>
    </message>
    <message>
        <source>CA file: %1</source>
        <translation>CA-Datei: %1</translation>
    </message>
</context>
<context>
    <name>dots::ui::ProfilesDialog</name>
    <message>
        <source>&amp;New</source>
        <translation>&amp;Neu</translation>
    </message>
    <message>
        <source>D&amp;uplicate</source>
        <translation>D&amp;uplizieren</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>&amp;Löschen …</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <source>&amp;Connect</source>
        <translation>&amp;Verbinden</translation>
    </message>
    <message>
        <source>Connection profiles</source>
        <translation>Verbindungsprofile</translation>
    </message>
    <message>
        <source>&lt;b&gt;Demo simulator&lt;/b&gt;&lt;p&gt;The bundled DOTS server simulator, started on this computer (127.0.0.1) with certificates generated on first use. It plays attacks that come and go, so every screen has something to show.&lt;/p&gt;&lt;p&gt;Nothing to set up: choose it and press Connect.&lt;/p&gt;</source>
        <translation>&lt;b&gt;Demo-Simulator&lt;/b&gt;&lt;p&gt;Der mitgelieferte DOTS-Server-Simulator, auf diesem Rechner (127.0.0.1) gestartet, mit Zertifikaten, die bei der ersten Nutzung erzeugt werden. Er spielt Angriffe ab, die kommen und gehen, damit jede Ansicht etwas zu zeigen hat.&lt;/p&gt;&lt;p&gt;Nichts einzurichten: Wählen Sie ihn und drücken Sie Verbinden.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Add a profile for a DOTS server</source>
        <translation>Ein Profil für einen DOTS-Server hinzufügen</translation>
    </message>
    <message>
        <source>Copy the selected profile under a new name</source>
        <translation>Das gewählte Profil unter neuem Namen kopieren</translation>
    </message>
    <message>
        <source>Delete the selected profile</source>
        <translation>Das gewählte Profil löschen</translation>
    </message>
    <message>
        <source>Save the changes to this profile</source>
        <translation>Die Änderungen an diesem Profil speichern</translation>
    </message>
    <message>
        <source>Save, make this the active profile and connect to it</source>
        <translation>Speichern, zum aktiven Profil machen und verbinden</translation>
    </message>
    <message>
        <source>%1 (active)</source>
        <translation>%1 (aktiv)</translation>
    </message>
    <message>
        <source>Demo simulator</source>
        <translation>Demo-Simulator</translation>
    </message>
    <message>
        <source>The bundled simulator on this computer</source>
        <translation>Der mitgelieferte Simulator auf diesem Rechner</translation>
    </message>
    <message>
        <source>New profile</source>
        <translation>Neues Profil</translation>
    </message>
    <message>
        <source>Fix the fields marked in red to save or connect.</source>
        <translation>Korrigieren Sie die rot markierten Felder, um zu speichern oder zu verbinden.</translation>
    </message>
    <message>
        <source>Not saved: fix the fields marked in red first.</source>
        <translation>Nicht gespeichert: Korrigieren Sie zuerst die rot markierten Felder.</translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation>%1 gespeichert.</translation>
    </message>
    <message>
        <source>Copied as %1.</source>
        <translation>Als %1 kopiert.</translation>
    </message>
    <message>
        <source>Delete the profile %1? It is the active one: the console will use the demo simulator the next time it connects.</source>
        <translation>Das Profil %1 löschen? Es ist das aktive: Die Konsole nutzt bei der nächsten Verbindung den Demo-Simulator.</translation>
    </message>
    <message>
        <source>Delete the profile %1?</source>
        <translation>Das Profil %1 löschen?</translation>
    </message>
    <message>
        <source>Delete profile</source>
        <translation>Profil löschen</translation>
    </message>
    <message>
        <source>Deleted %1.</source>
        <translation>%1 gelöscht.</translation>
    </message>
</context>
<context>
    <name>dots::ui::SessionDock</name>
    <message>
        <source>Session</source>
        <translation>Sitzung</translation>
    </message>
    <message>
        <source>&amp;Session</source>
        <translation>&amp;Sitzung</translation>
    </message>
    <message>
        <source>Show the session: negotiated values, the server&apos;s ranges, and a form to propose new ones</source>
        <translation>Die Sitzung zeigen: ausgehandelte Werte, die Bereiche des Servers und ein Formular für neue Vorschläge</translation>
    </message>
</context>
<context>
    <name>dots::ui::SessionView</name>
    <message>
        <source>Heartbeat interval</source>
        <translation>Heartbeat-Intervall</translation>
    </message>
    <message>
        <source>Missed heartbeats allowed</source>
        <translation>Erlaubte verpasste Heartbeats</translation>
    </message>
    <message>
        <source>Max. retransmissions</source>
        <translation>Max. Wiederholungen</translation>
    </message>
    <message>
        <source>ACK timeout</source>
        <translation>ACK-Timeout</translation>
    </message>
    <message>
        <source>ACK random factor</source>
        <translation>ACK-Zufallsfaktor</translation>
    </message>
    <message>
        <source>Q-Block: max. payloads</source>
        <translation>Q-Block: max. Nutzlasten</translation>
    </message>
    <message>
        <source>Q-Block: NON max. retransmit</source>
        <translation>Q-Block: NON max. Wiederholungen</translation>
    </message>
    <message>
        <source>Q-Block: NON timeout</source>
        <translation>Q-Block: NON-Timeout</translation>
    </message>
    <message>
        <source>Q-Block: NON receive timeout</source>
        <translation>Q-Block: NON-Empfangs-Timeout</translation>
    </message>
    <message>
        <source>Q-Block: NON probing wait</source>
        <translation>Q-Block: NON-Probing-Wartezeit</translation>
    </message>
    <message>
        <source>Q-Block: NON partial wait</source>
        <translation>Q-Block: NON-Teil-Wartezeit</translation>
    </message>
    <message>
        <source>&amp;Propose</source>
        <translation>&amp;Vorschlagen</translation>
    </message>
    <message>
        <source>Back to server &amp;defaults</source>
        <translation>Zurück zu den Server-&amp;Vorgaben</translation>
    </message>
    <message>
        <source>Re-&amp;read</source>
        <translation>Neu &amp;lesen</translation>
    </message>
    <message>
        <source>Ask the server to use the values typed above (PUT config, RFC 9132 section 4.5.2)</source>
        <translation>Den Server bitten, die oben eingegebenen Werte zu verwenden (PUT config, RFC 9132 Abschnitt 4.5.2)</translation>
    </message>
    <message>
        <source>Ask the server to go back to its default values (DELETE config)</source>
        <translation>Den Server bitten, zu seinen Vorgabewerten zurückzukehren (DELETE config)</translation>
    </message>
    <message>
        <source>Read the server&apos;s values and ranges again (GET config)</source>
        <translation>Werte und Bereiche des Servers neu lesen (GET config)</translation>
    </message>
    <message>
        <source>Parameter</source>
        <translation>Parameter</translation>
    </message>
    <message>
        <source>Mitigating: in force</source>
        <translation>Bei Abwehr: gültig</translation>
    </message>
    <message>
        <source>allowed</source>
        <translation>erlaubt</translation>
    </message>
    <message>
        <source>propose</source>
        <translation>vorschlagen</translation>
    </message>
    <message>
        <source>Idle: in force</source>
        <translation>Leerlauf: gültig</translation>
    </message>
    <message>
        <source>%1 to propose for %2 (%3)</source>
        <translation>%1 als Vorschlag für %2 (%3)</translation>
    </message>
    <message>
        <source>while a mitigation is active</source>
        <translation>während eine Abwehr aktiv ist</translation>
    </message>
    <message>
        <source>while no mitigation is active</source>
        <translation>während keine Abwehr aktiv ist</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>not stated</source>
        <translation>nicht angegeben</translation>
    </message>
    <message>
        <source>No session yet.</source>
        <translation>Noch keine Sitzung.</translation>
    </message>
    <message>
        <source>The server&apos;s session configuration has not been read. Re-read asks for it.</source>
        <translation>Die Sitzungskonfiguration des Servers wurde noch nicht gelesen. Neu lesen fragt sie ab.</translation>
    </message>
    <message>
        <source>No session: the configuration is read when the session is up.</source>
        <translation>Keine Sitzung: Die Konfiguration wird gelesen, sobald die Sitzung steht.</translation>
    </message>
    <message>
        <source>In force now: the &lt;b&gt;mitigating&lt;/b&gt; values, because a mitigation is active.</source>
        <translation>Jetzt gültig: die Werte &lt;b&gt;bei Abwehr&lt;/b&gt;, weil eine Abwehr aktiv ist.</translation>
    </message>
    <message>
        <source>In force now: the &lt;b&gt;idle&lt;/b&gt; values (no mitigation is active).</source>
        <translation>Jetzt gültig: die Werte &lt;b&gt;im Leerlauf&lt;/b&gt; (keine Abwehr aktiv).</translation>
    </message>
    <message>
        <source>Q-Block (RFC 9177): supported by this build (libcoap %1).</source>
        <translation>Q-Block (RFC 9177): von diesem Build unterstützt (libcoap %1).</translation>
    </message>
    <message>
        <source>Q-Block (RFC 9177): not supported by this build (libcoap %1); large bodies use Block1/Block2 (RFC 7959).</source>
        <translation>Q-Block (RFC 9177): von diesem Build nicht unterstützt (libcoap %1); große Inhalte nutzen Block1/Block2 (RFC 7959).</translation>
    </message>
    <message>
        <source>The server announces RFC 9362 robust-transmission values.</source>
        <translation>Der Server nennt Werte für robuste Übertragung nach RFC 9362.</translation>
    </message>
    <message>
        <source>The server announces no RFC 9362 robust-transmission values.</source>
        <translation>Der Server nennt keine Werte für robuste Übertragung nach RFC 9362.</translation>
    </message>
    <message>
        <source>a whole number from 0 to 65535</source>
        <translation>eine ganze Zahl von 0 bis 65535</translation>
    </message>
    <message>
        <source>%1 is below the server&apos;s minimum %2</source>
        <translation>%1 liegt unter dem Minimum des Servers, %2</translation>
    </message>
    <message>
        <source>%1 is above the server&apos;s maximum %2</source>
        <translation>%1 liegt über dem Maximum des Servers, %2</translation>
    </message>
    <message>
        <source>a number with at most two decimals, e.g. 2.5</source>
        <translation>eine Zahl mit höchstens zwei Nachkommastellen, z. B. 2.5</translation>
    </message>
    <message>
        <source>%1 (%2): %3</source>
        <translation>%1 (%2): %3</translation>
    </message>
    <message>
        <source>mitigating</source>
        <translation>bei Abwehr</translation>
    </message>
    <message>
        <source>idle</source>
        <translation>im Leerlauf</translation>
    </message>
    <message>
        <source>Not sent: %1</source>
        <translation>Nicht gesendet: %1</translation>
    </message>
    <message>
        <source>no session</source>
        <translation>keine Sitzung</translation>
    </message>
    <message>
        <source>%1 (%2) %3 → %4</source>
        <translation>%1 (%2) %3 → %4</translation>
    </message>
    <message>
        <source>Proposing to the server…</source>
        <translation>Schlage dem Server vor …</translation>
    </message>
    <message>
        <source>The server accepted: %1.</source>
        <translation>Der Server hat angenommen: %1.</translation>
    </message>
    <message>
        <source>The server refused the proposal: %1</source>
        <translation>Der Server hat den Vorschlag abgelehnt: %1</translation>
    </message>
    <message>
        <source>The server went back to its default values.</source>
        <translation>Der Server ist zu seinen Vorgabewerten zurückgekehrt.</translation>
    </message>
    <message>
        <source>The server did not go back to its defaults: %1</source>
        <translation>Der Server ist nicht zu seinen Vorgaben zurückgekehrt: %1</translation>
    </message>
    <message>
        <source>Read the server&apos;s values again.</source>
        <translation>Die Werte des Servers neu gelesen.</translation>
    </message>
    <message>
        <source>The server&apos;s values could not be read: %1</source>
        <translation>Die Werte des Servers konnten nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>session configuration: %1</source>
        <translation>Sitzungskonfiguration: %1</translation>
    </message>
    <message>
        <source>session configuration refused: %1: %2</source>
        <translation>Sitzungskonfiguration abgelehnt: %1: %2</translation>
    </message>
    <message>
        <source>session configuration reset to the server&apos;s defaults</source>
        <translation>Sitzungskonfiguration auf die Vorgaben des Servers zurückgesetzt</translation>
    </message>
    <message>
        <source>session configuration reset refused: %1</source>
        <translation>Zurücksetzen der Sitzungskonfiguration abgelehnt: %1</translation>
    </message>
</context>
<context>
    <name>dots::ui::TelemetryChartView</name>
    <message>
        <source>Total traffic</source>
        <translation>Gesamtverkehr</translation>
    </message>
    <message>
        <source>Attack traffic</source>
        <translation>Angriffsverkehr</translation>
    </message>
    <message>
        <source>Dropped by mitigation</source>
        <translation>Von der Abwehr verworfen</translation>
    </message>
    <message>
        <source>Pipe capacity</source>
        <translation>Leitungskapazität</translation>
    </message>
    <message>
        <source>Time (UTC)</source>
        <translation>Zeit (UTC)</translation>
    </message>
    <message>
        <source>No target selected</source>
        <translation>Kein Ziel gewählt</translation>
    </message>
</context>
<context>
    <name>dots::ui::TelemetryPage</name>
    <message>
        <source>Follow live</source>
        <translation>Live folgen</translation>
    </message>
    <message>
        <source>Telemetry setup…</source>
        <translation>Telemetrie einrichten …</translation>
    </message>
    <message>
        <source>No telemetry yet. Targets appear here when the server reports an attack or a mitigation reports dropped traffic.</source>
        <translation>Noch keine Telemetrie. Ziele erscheinen hier, sobald der Server einen Angriff meldet oder eine Abwehr verworfenen Verkehr meldet.</translation>
    </message>
    <message>
        <source>Bits/s</source>
        <translation>Bit/s</translation>
    </message>
    <message>
        <source>Packets/s</source>
        <translation>Pakete/s</translation>
    </message>
    <message>
        <source>Last 2 min</source>
        <translation>Letzte 2 min</translation>
    </message>
    <message>
        <source>Last 5 min</source>
        <translation>Letzte 5 min</translation>
    </message>
    <message>
        <source>Last 10 min</source>
        <translation>Letzte 10 min</translation>
    </message>
    <message>
        <source>Last 30 min</source>
        <translation>Letzte 30 min</translation>
    </message>
    <message>
        <source>Last hour</source>
        <translation>Letzte Stunde</translation>
    </message>
    <message>
        <source>Back to the newest data (Home, or double-click the chart). Wheel or +/- zooms, drag or arrow keys pan, Shift+drag zooms to a span.</source>
        <translation>Zurück zu den neuesten Daten (Pos1 oder Doppelklick ins Diagramm). Mausrad oder +/- zoomt, Ziehen oder Pfeiltasten verschieben, Umschalt+Ziehen zoomt auf einen Zeitraum.</translation>
    </message>
    <message>
        <source>Attack details</source>
        <translation>Angriffsdetails</translation>
    </message>
    <message>
        <source>Top talkers</source>
        <translation>Top-Talker</translation>
    </message>
    <message>
        <source>Targets under attack</source>
        <translation>Angegriffene Ziele</translation>
    </message>
    <message>
        <source>could not write %1</source>
        <translation>%1 konnte nicht geschrieben werden</translation>
    </message>
    <message>
        <source>no target is selected</source>
        <translation>kein Ziel gewählt</translation>
    </message>
    <message>
        <source>Export chart</source>
        <translation>Diagramm exportieren</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG-Bild (*.png)</translation>
    </message>
    <message>
        <source>Chart saved to %1</source>
        <translation>Diagramm in %1 gespeichert</translation>
    </message>
    <message>
        <source>Chart not saved: %1</source>
        <translation>Diagramm nicht gespeichert: %1</translation>
    </message>
    <message>
        <source>Export data</source>
        <translation>Daten exportieren</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>Data saved to %1</source>
        <translation>Daten in %1 gespeichert</translation>
    </message>
    <message>
        <source>Data not saved: %1</source>
        <translation>Daten nicht gespeichert: %1</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <source>Chart as PNG…</source>
        <translation>Diagramm als PNG…</translation>
    </message>
    <message>
        <source>Data as CSV…</source>
        <translation>Daten als CSV…</translation>
    </message>
</context>
<context>
    <name>dots::ui::TelemetrySetupDialog</name>
    <message>
        <source>Telemetry setup</source>
        <translation>Telemetrie-Einrichtung</translation>
    </message>
    <message>
        <source>Configuration</source>
        <translation>Konfiguration</translation>
    </message>
    <message>
        <source>Pipe capacity</source>
        <translation>Leitungskapazität</translation>
    </message>
    <message>
        <source>Baseline</source>
        <translation>Baseline</translation>
    </message>
    <message>
        <source>Delete selected</source>
        <translation>Gewählte löschen</translation>
    </message>
    <message>
        <source>Delete all</source>
        <translation>Alle löschen</translation>
    </message>
    <message>
        <source>All telemetry setups deleted</source>
        <translation>Alle Telemetrie-Einrichtungen gelöscht</translation>
    </message>
    <message>
        <source>Setups on the server</source>
        <translation>Einrichtungen auf dem Server</translation>
    </message>
    <message>
        <source>packets/s</source>
        <translation>Pakete/s</translation>
    </message>
    <message>
        <source>bits/s</source>
        <translation>Bit/s</translation>
    </message>
    <message>
        <source>bytes/s</source>
        <translation>Byte/s</translation>
    </message>
    <message>
        <source>The server sends its own telemetry</source>
        <translation>Der Server sendet eigene Telemetrie</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Send configuration</source>
        <translation>Konfiguration senden</translation>
    </message>
    <message>
        <source>Measurement interval</source>
        <translation>Messintervall</translation>
    </message>
    <message>
        <source>Measurement sample</source>
        <translation>Abtastintervall</translation>
    </message>
    <message>
        <source>Low percentile</source>
        <translation>Unteres Perzentil</translation>
    </message>
    <message>
        <source>Mid percentile</source>
        <translation>Mittleres Perzentil</translation>
    </message>
    <message>
        <source>High percentile</source>
        <translation>Oberes Perzentil</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>Einheiten</translation>
    </message>
    <message>
        <source>Notify interval</source>
        <translation>Benachrichtigungsintervall</translation>
    </message>
    <message>
        <source>e.g. transit-1</source>
        <translation>z. B. transit-1</translation>
    </message>
    <message>
        <source>e.g. 10</source>
        <translation>z. B. 10</translation>
    </message>
    <message>
        <source>Add link</source>
        <translation>Link hinzufügen</translation>
    </message>
    <message>
        <source>Remove link</source>
        <translation>Link entfernen</translation>
    </message>
    <message>
        <source>Send pipe capacity</source>
        <translation>Leitungskapazität senden</translation>
    </message>
    <message>
        <source>capacity</source>
        <translation>Kapazität</translation>
    </message>
    <message>
        <source>capacity: give a number above 0</source>
        <translation>Kapazität: eine Zahl über 0 angeben</translation>
    </message>
    <message>
        <source>(no link id)</source>
        <translation>(keine Link-ID)</translation>
    </message>
    <message>
        <source>Link id</source>
        <translation>Link-ID</translation>
    </message>
    <message>
        <source>Capacity</source>
        <translation>Kapazität</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Einheit</translation>
    </message>
    <message>
        <source>Links</source>
        <translation>Links</translation>
    </message>
    <message>
        <source>e.g. 203.0.113.0/24, 2001:db8::/48</source>
        <translation>z. B. 203.0.113.0/24, 2001:db8::/48</translation>
    </message>
    <message>
        <source>Mbit/s</source>
        <translation>Mbit/s</translation>
    </message>
    <message>
        <source>TCP connections</source>
        <translation>TCP-Verbindungen</translation>
    </message>
    <message>
        <source>half-open TCP connections</source>
        <translation>halboffene TCP-Verbindungen</translation>
    </message>
    <message>
        <source>Send baseline</source>
        <translation>Baseline senden</translation>
    </message>
    <message>
        <source>Baseline id</source>
        <translation>Baseline-ID</translation>
    </message>
    <message>
        <source>Target prefixes</source>
        <translation>Zielpräfixe</translation>
    </message>
    <message>
        <source>Normal traffic, median</source>
        <translation>Normalverkehr, Median</translation>
    </message>
    <message>
        <source>Normal traffic, peak</source>
        <translation>Normalverkehr, Spitze</translation>
    </message>
    <message>
        <source>TCP connection capacity</source>
        <translation>TCP-Verbindungskapazität</translation>
    </message>
    <message>
        <source>Embryonic connection capacity</source>
        <translation>Kapazität halboffener Verbindungen</translation>
    </message>
    <message>
        <source>Allow at least one unit</source>
        <translation>Mindestens eine Einheit zulassen</translation>
    </message>
    <message>
        <source>Add at least one link</source>
        <translation>Mindestens einen Link hinzufügen</translation>
    </message>
    <message>
        <source>median</source>
        <translation>Median</translation>
    </message>
    <message>
        <source>peak</source>
        <translation>Spitze</translation>
    </message>
    <message>
        <source>connections</source>
        <translation>Verbindungen</translation>
    </message>
    <message>
        <source>embryonic</source>
        <translation>halboffen</translation>
    </message>
    <message>
        <source>The server&apos;s ranges are not known (not connected, or it does not offer telemetry).</source>
        <translation>Die Wertebereiche des Servers sind nicht bekannt (nicht verbunden, oder er bietet keine Telemetrie an).</translation>
    </message>
    <message>
        <source>No setups known</source>
        <translation>Keine Einrichtungen bekannt</translation>
    </message>
    <message>
        <source>The server accepts percentiles low %1–%2, mid %3–%4, high %5–%6; notify interval %7–%8 s.</source>
        <translation>Der Server akzeptiert Perzentile unten %1–%2, Mitte %3–%4, oben %5–%6; Benachrichtigungsintervall %7–%8 s.</translation>
    </message>
    <message>
        <source>None: the server uses its defaults</source>
        <translation>Keine: Der Server nutzt seine Vorgaben</translation>
    </message>
    <message>
        <source>Telemetry setup %1 accepted by the server</source>
        <translation>Telemetrie-Einrichtung %1 vom Server angenommen</translation>
    </message>
    <message>
        <source>Telemetry setup %1 deleted</source>
        <translation>Telemetrie-Einrichtung %1 gelöscht</translation>
    </message>
    <message>
        <source>1 second</source>
        <translation>1 Sekunde</translation>
    </message>
    <message>
        <source>5 seconds</source>
        <translation>5 Sekunden</translation>
    </message>
    <message>
        <source>30 seconds</source>
        <translation>30 Sekunden</translation>
    </message>
    <message>
        <source>1 minute</source>
        <translation>1 Minute</translation>
    </message>
    <message>
        <source>5 minutes</source>
        <translation>5 Minuten</translation>
    </message>
    <message>
        <source>10 minutes</source>
        <translation>10 Minuten</translation>
    </message>
    <message>
        <source>30 minutes</source>
        <translation>30 Minuten</translation>
    </message>
    <message>
        <source>1 hour</source>
        <translation>1 Stunde</translation>
    </message>
    <message>
        <source>1 day</source>
        <translation>1 Tag</translation>
    </message>
    <message>
        <source>1 week</source>
        <translation>1 Woche</translation>
    </message>
    <message>
        <source>1 month</source>
        <translation>1 Monat</translation>
    </message>
    <message>
        <source>thousand packets/s</source>
        <translation>Tsd. Pakete/s</translation>
    </message>
    <message>
        <source>million packets/s</source>
        <translation>Mio. Pakete/s</translation>
    </message>
    <message>
        <source>billion packets/s</source>
        <translation>Mrd. Pakete/s</translation>
    </message>
</context>
<context>
    <name>dots::ui::TopTalkersView</name>
    <message>
        <source>Attack traffic</source>
        <translation>Angriffsverkehr</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>Spoofed</source>
        <translation>Gefälscht</translation>
    </message>
    <message>
        <source>Traffic</source>
        <translation>Verkehr</translation>
    </message>
    <message>
        <source>Packets/s</source>
        <translation>Pakete/s</translation>
    </message>
    <message>
        <source>Attack</source>
        <translation>Angriff</translation>
    </message>
    <message>
        <source>Top talkers</source>
        <translation>Top-Talker</translation>
    </message>
    <message>
        <source>attack %1</source>
        <translation>Angriff %1</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <source>not reported</source>
        <translation>nicht gemeldet</translation>
    </message>
    <message>
        <source>Top talkers: none reported</source>
        <translation>Top-Talker: keine gemeldet</translation>
    </message>
</context>
</TS>

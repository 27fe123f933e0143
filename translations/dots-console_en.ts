<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>dots::ui::MitigationDashboard</name>
    <message numerus="yes">
        <source>%n mitigation(s)</source>
        <translation>
            <numerusform>%n mitigation</numerusform>
            <numerusform>%n mitigations</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>dots::ui::ProfileEditor</name>
    <message numerus="yes">
        <source> (and %n more certificate(s) in the file)</source>
        <translation>
            <numerusform> (and %n more certificate in the file)</numerusform>
            <numerusform> (and %n more certificates in the file)</numerusform>
        </translation>
    </message>
</context>
</TS>

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
</TS>

<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>dots::models::AclTableModel</name>
    <message numerus="yes">
        <source>%1 (+%n more)</source>
        <translation>
            <numerusform>%1 (+%n more)</numerusform>
            <numerusform>%1 (+%n more)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>dots::ui::AliasesPage</name>
    <message numerus="yes">
        <source>%n alias(es) on the server.</source>
        <translation>
            <numerusform>%n alias on the server.</numerusform>
            <numerusform>%n aliases on the server.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>dots::ui::FilterRuleDialog</name>
    <message numerus="yes">
        <source>This filter has %n more rule(s) after the first; they are kept as they are.</source>
        <translation>
            <numerusform>This filter has %n more rule after the first; it is kept as it is.</numerusform>
            <numerusform>This filter has %n more rules after the first; they are kept as they are.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>dots::ui::FiltersPage</name>
    <message numerus="yes">
        <source>%n filter(s) on the server.</source>
        <translation>
            <numerusform>%n filter on the server.</numerusform>
            <numerusform>%n filters on the server.</numerusform>
        </translation>
    </message>
</context>
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

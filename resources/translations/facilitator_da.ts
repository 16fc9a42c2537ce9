<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="da" sourcelanguage="da">
<context>
    <name>ActionLogDialog</name>
    <message numerus="yes">
        <source>%n aftaler</source>
        <translation>
            <numerusform>%n aftale</numerusform>
            <numerusform>%n aftaler</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AgendaView</name>
    <message numerus="yes">
        <source>Tilbage til programmets %n min</source>
        <translation>
            <numerusform>Tilbage til programmets %n min</numerusform>
            <numerusform>Tilbage til programmets %n min</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BreakWorkspace</name>
    <message numerus="yes">
        <source>%n minutter</source>
        <translation>
            <numerusform>%n minut</numerusform>
            <numerusform>%n minutter</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DeleteSessionDialog</name>
    <message numerus="yes">
        <source>%n ældre sikkerhedskopi(er) indeholder stadig sessionen. De slettes af sig selv efter højst 30 dage; indtil da kan sessionen gendannes fra dem.</source>
        <translation>
            <numerusform>%n ældre sikkerhedskopi indeholder stadig sessionen. Den slettes af sig selv efter højst 30 dage; indtil da kan sessionen gendannes fra den.</numerusform>
            <numerusform>%n ældre sikkerhedskopier indeholder stadig sessionen. De slettes af sig selv efter højst 30 dage; indtil da kan sessionen gendannes fra dem.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Også fjernet fra %n sikkerhedskopi(er).</source>
        <translation>
            <numerusform>Også fjernet fra %n sikkerhedskopi.</numerusform>
            <numerusform>Også fjernet fra %n sikkerhedskopier.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <source>%n ændring(er) kunne ikke gemmes (se statuslinjen). Lukker du nu, går de tabt. Luk alligevel?</source>
        <translation>
            <numerusform>%n ændring kunne ikke gemmes (se statuslinjen). Lukker du nu, går den tabt. Luk alligevel?</numerusform>
            <numerusform>%n ændringer kunne ikke gemmes (se statuslinjen). Lukker du nu, går de tabt. Luk alligevel?</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PartnersWorkspace</name>
    <message numerus="yes">
        <source>%n partner(e)</source>
        <translation>
            <numerusform>%n partner</numerusform>
            <numerusform>%n partnere</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReviewWorkspace</name>
    <message numerus="yes">
        <source>%n cirkel(er) er endnu skjult på projektoren.</source>
        <translation>
            <numerusform>%n cirkel er endnu skjult på projektoren.</numerusform>
            <numerusform>%n cirkler er endnu skjult på projektoren.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RoomPanel</name>
    <message numerus="yes">
        <source>%n enhed(er) tilsluttet</source>
        <translation>
            <numerusform>%n enhed tilsluttet</numerusform>
            <numerusform>%n enheder tilsluttet</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n venter på godkendelse</source>
        <translation>
            <numerusform>%n venter på godkendelse</numerusform>
            <numerusform>%n venter på godkendelse</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SessionPage</name>
    <message numerus="yes">
        <source>%n partner(e)</source>
        <extracomment>How long a step is on screen before the next step&apos;s screen is built in idle time. Short: each screen is built once per session anyway, so an early build is never wasted work, and a first visit then only shows it (bench/ui_stall.py: pauses over 100 ms 22 -&gt; 2). A passing word for the status bar. The step on screen changed (part or None for a break, the step). What the open step shows on the projector changed (HTML or None). True while a screen is built or read ahead for the next step (not on screen). The step the database says the session is on; opening it again writes nothing. Stands in for the step&apos;s workspace until the store has loaded (see `store_opened`).</extracomment>
        <translation>
            <numerusform>%n partner</numerusform>
            <numerusform>%n partnere</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StartPage</name>
    <message numerus="yes">
        <source>%n møder</source>
        <translation>
            <numerusform>%n møde</numerusform>
            <numerusform>%n møder</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n dele</source>
        <translation>
            <numerusform>%n del</numerusform>
            <numerusform>%n dele</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StepView</name>
    <message numerus="yes">
        <source>%n min</source>
        <translation>
            <numerusform>%n min</numerusform>
            <numerusform>%n min</numerusform>
        </translation>
    </message>
</context>
</TS>

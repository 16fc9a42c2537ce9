<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="da">
<context>
    <name>AboutDialog</name>
    <message>
        <source>Om Facilitator</source>
        <extracomment>Bundled libraries and fonts, with the licence each is used under.</extracomment>
        <translation>About Facilitator</translation>
    </message>
    <message>
        <source>Facilitator %1</source>
        <translation>Facilitator %1</translation>
    </message>
    <message>
        <source>Fører facilitatoren gennem en partnerskabssession for bæredygtig omstilling, efter metoden i praksisvejledningen »Partnerskabsdannelse for bæredygtig omstilling«. Alt gemmes på denne computer. Appen bruger aldrig netværket: ingen konto, ingen telemetri, intet opdateringstjek.</source>
        <translation>Guides the facilitator through a partnership session for sustainable transition, following the method in the practice guide “Partnerskabsdannelse for bæredygtig omstilling” (Forming partnerships for sustainable transition). Everything is stored on this computer. The app never uses the network: no account, no telemetry, no update check.</translation>
    </message>
    <message>
        <source>Her ligger dine data</source>
        <translation>Where your data is</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>Data</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Database</translation>
    </message>
    <message>
        <source>Sikkerhedskopier</source>
        <translation>Backups</translation>
    </message>
    <message>
        <source>Indstillinger</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>Gemte programmer</source>
        <translation>Saved programmes</translation>
    </message>
    <message>
        <source>Åbn &amp;datamappen</source>
        <translation>Open the &amp;data folder</translation>
    </message>
    <message>
        <source>Indbyggede dele og licenser</source>
        <translation>Built-in components and licences</translation>
    </message>
    <message>
        <source>Del</source>
        <translation>Component</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Licens</source>
        <translation>Licence</translation>
    </message>
    <message>
        <source>Skrifttypens licens</source>
        <translation>Font licence</translation>
    </message>
    <message>
        <source>Vis &amp;skrifttypens licens</source>
        <translation>Show the &amp;font licence</translation>
    </message>
    <message>
        <source>Qt og PySide6 bruges under LGPL v3; kildekoden findes hos The Qt Company og Qt for Python. Noto Sans er © Google og bruges under SIL Open Font License 1.1.</source>
        <translation>Qt and PySide6 are used under the LGPL v3; the source code is available from The Qt Company and Qt for Python. Noto Sans is © Google and is used under the SIL Open Font License 1.1.</translation>
    </message>
</context>
<context>
    <name>ActionDelegate</name>
    <message>
        <source>– ingen –</source>
        <extracomment>How far an action&apos;s text stands in from its area&apos;s heading. A cell&apos;s padding left and right, which the measuring leaves out and the painting does not. What the style keeps free left and right of a cell&apos;s text when it wraps, and a pixel to spare. The most lines an action&apos;s row takes; the rest ends in &quot;…&quot;. Columns whose text wraps (to `MAX_LINES`); the others keep to one line. Columns as wide as their widest text. (text, width, font) -&gt; the text as it fits in `MAX_LINES` lines. Font -&gt; the height of a cell of one line.</extracomment>
        <translation>– none –</translation>
    </message>
    <message>
        <source>dd.mm.åååå</source>
        <translation>dd.mm.yyyy</translation>
    </message>
</context>
<context>
    <name>ActionLogDialog</name>
    <message>
        <source>Handlingslog</source>
        <translation>Action log</translation>
    </message>
    <message>
        <source>Ingen partnerskab</source>
        <translation>No partnership</translation>
    </message>
    <message>
        <source>Alle aftaler fra partnerskabets møder, som de står nu. Overskredet pr. %1.</source>
        <translation>Every agreement from the partnership&apos;s meetings as it stands now. Overdue as of %1.</translation>
    </message>
    <message>
        <source>Sessionen hører ikke til et partnerskab endnu: det begynder med den første opfølgning.</source>
        <translation>The session does not belong to a partnership yet: one begins with the first follow-up.</translation>
    </message>
    <message>
        <source>Partner</source>
        <translation>Partner</translation>
    </message>
    <message>
        <source>Alle partnere</source>
        <translation>All partners</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Alle statusser</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <source>Kun &amp;overskredne</source>
        <translation>&amp;Overdue only</translation>
    </message>
    <message>
        <source>&amp;Partner:</source>
        <translation>&amp;Partner:</translation>
    </message>
    <message>
        <source>&amp;Status:</source>
        <translation>&amp;Status:</translation>
    </message>
    <message>
        <source>Aftale</source>
        <translation>Agreement</translation>
    </message>
    <message>
        <source>Ansvarlig</source>
        <translation>Owner</translation>
    </message>
    <message>
        <source>Frist</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>Lys</source>
        <translation>Light</translation>
    </message>
    <message>
        <source>Kommentar</source>
        <translation>Comment</translation>
    </message>
    <message>
        <source>Møde</source>
        <translation>Meeting</translation>
    </message>
    <message>
        <source>Eksportér &amp;CSV …</source>
        <translation>Export &amp;CSV …</translation>
    </message>
    <message>
        <source>Eksportér &amp;kalender (ICS) …</source>
        <translation>Export &amp;calendar (ICS) …</translation>
    </message>
    <message numerus="yes">
        <source>%n aftaler</source>
        <translation>
            <numerusform>%n agreement</numerusform>
            <numerusform>%n agreements</numerusform>
        </translation>
    </message>
    <message>
        <source>Gem som</source>
        <translation>Save as</translation>
    </message>
    <message>
        <source>Gemmer handlingsloggen …</source>
        <translation>Saving the action log …</translation>
    </message>
    <message>
        <source>Eksporten lykkedes ikke</source>
        <translation>The export failed</translation>
    </message>
    <message>
        <source>Gemt: %1</source>
        <translation>Saved: %1</translation>
    </message>
</context>
<context>
    <name>ActionTableModel</name>
    <message>
        <source>Hvad</source>
        <extracomment>The action field each editable column changes; the rest are edited under the table. The action&apos;s id on every cell of an action row; None on a heading row. The area&apos;s id on every cell of a row: the heading&apos;s own area or the action&apos;s. Short questions for the check column; the side panel says them in full. The due date of an overdue action (always with the word beside it, never colour alone). Stores one edited field of an action (value as the editor gave it); True if it was taken. The app&apos;s clock&apos;s date, for overdue marks when the session has no date of its own.</extracomment>
        <translation>What</translation>
    </message>
    <message>
        <source>Ansvarlig</source>
        <translation>Owner</translation>
    </message>
    <message>
        <source>Hvornår</source>
        <translation>By when</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Tjek</source>
        <translation>Check</translation>
    </message>
</context>
<context>
    <name>AgendaView</name>
    <message>
        <source>Dagsorden</source>
        <translation>Agenda</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>Plan</translation>
    </message>
    <message>
        <source>Nu</source>
        <translation>Now</translation>
    </message>
    <message>
        <source>Punkt</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>Min.</source>
        <translation>Min.</translation>
    </message>
    <message>
        <source>Faktisk starttid, eller ≈ forventet starttid, når dagen er forskudt</source>
        <translation>Actual start time, or ≈ expected start time when the day has shifted</translation>
    </message>
    <message>
        <source>Sprunget over i dag: %1</source>
        <translation>Skipped today: %1</translation>
    </message>
    <message>
        <source>Planlagt %1 · faktisk %2</source>
        <translation>Planned %1 · actual %2</translation>
    </message>
    <message>
        <source>Planlagt %1 · startede %2</source>
        <translation>Planned %1 · started %2</translation>
    </message>
    <message>
        <source>Planlagt %1 · forventet %2</source>
        <translation>Planned %1 · expected %2</translation>
    </message>
    <message>
        <source>Skift varighed …</source>
        <translation>Change duration …</translation>
    </message>
    <message numerus="yes">
        <source>Tilbage til programmets %n min</source>
        <translation>
            <numerusform>Back to the programme&apos;s %n min</numerusform>
            <numerusform>Back to the programme&apos;s %n min</numerusform>
        </translation>
    </message>
    <message>
        <source>Tag med igen</source>
        <translation>Include again</translation>
    </message>
    <message>
        <source>Spring over i dag</source>
        <translation>Skip today</translation>
    </message>
    <message>
        <source>Nulstil trinnets tid</source>
        <translation>Reset the step&apos;s time</translation>
    </message>
    <message>
        <source>Flyt pausen</source>
        <translation>Move the break</translation>
    </message>
    <message>
        <source>Før dagens første del</source>
        <translation>Before the day&apos;s first part</translation>
    </message>
    <message>
        <source>Efter %1</source>
        <translation>After %1</translation>
    </message>
    <message>
        <source>Som i programmet</source>
        <translation>As in the programme</translation>
    </message>
    <message>
        <source>Skift varighed</source>
        <translation>Change duration</translation>
    </message>
    <message>
        <source>Minutter til »%1« i dag:</source>
        <translation>Minutes for “%1” today:</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>Den beskadigede database er lagt til side som %1.</source>
        <translation>The damaged database has been set aside as %1.</translation>
    </message>
    <message>
        <source>Sikkerhedskopien fra %1 er gendannet.</source>
        <translation>The backup made %1 has been restored.</translation>
    </message>
    <message>
        <source>Facilitator kører allerede med de samme data, men svarer ikke. Luk det andet vindue (eller vent et øjeblik) og prøv igen.</source>
        <extracomment>When the store is opened and the single-instance socket listens if no paint has come.</extracomment>
        <translation>Facilitator is already running with the same data but is not responding. Close the other window (or wait a moment) and try again.</translation>
    </message>
</context>
<context>
    <name>ArchiveActionsDialog</name>
    <message>
        <source>Handlinger på tværs af partnerskaber</source>
        <translation>Actions across partnerships</translation>
    </message>
    <message>
        <source>Alle partnerskabers handlinger i teamarkivet. En handling, der er ført videre til et opfølgningsmøde, står én gang, som det seneste møde efterlod den. Overskredet pr. %1.</source>
        <translation>Every partnership&apos;s actions in the team archive. An action carried into a follow-up meeting is listed once, as its latest meeting left it. Overdue as of %1.</translation>
    </message>
    <message>
        <source>Kun &amp;overskredne</source>
        <translation>&amp;Overdue only</translation>
    </message>
    <message>
        <source>alle</source>
        <translation>all</translation>
    </message>
    <message>
        <source>&amp;Partner:</source>
        <translation>&amp;Partner:</translation>
    </message>
    <message>
        <source>&amp;Vis</source>
        <translation>&amp;Show</translation>
    </message>
    <message>
        <source>Frist</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>Session</translation>
    </message>
    <message>
        <source>Område</source>
        <translation>Area</translation>
    </message>
    <message>
        <source>Hvad</source>
        <translation>What</translation>
    </message>
    <message>
        <source>Ansvarlig</source>
        <translation>Owner</translation>
    </message>
    <message>
        <source>Eksportér &amp;CSV …</source>
        <translation>Export &amp;CSV …</translation>
    </message>
    <message>
        <source>Henter handlingerne …</source>
        <translation>Fetching the actions …</translation>
    </message>
    <message>
        <source>Henter handlingerne fra teamarkivet …</source>
        <translation>Fetching the actions from the team archive …</translation>
    </message>
    <message>
        <source>%n handling</source>
        <translation>%n action</translation>
    </message>
    <message>
        <source>%n handlinger</source>
        <translation>%n actions</translation>
    </message>
    <message>
        <source>Gem som</source>
        <translation>Save as</translation>
    </message>
    <message>
        <source>Gemmer handlingerne som CSV …</source>
        <translation>Saving the actions as CSV …</translation>
    </message>
    <message>
        <source>Gemt: %1</source>
        <translation>Saved: %1</translation>
    </message>
</context>
<context>
    <name>ArchiveMenu</name>
    <message>
        <source>&amp;Teamarkiv</source>
        <translation>&amp;Team archive</translation>
    </message>
    <message>
        <source>&amp;Forbind …</source>
        <translation>&amp;Connect …</translation>
    </message>
    <message>
        <source>&amp;Send denne session</source>
        <translation>&amp;Send this session</translation>
    </message>
    <message>
        <source>Send &amp;alle sessioner</source>
        <translation>Send &amp;all sessions</translation>
    </message>
    <message>
        <source>Sess&amp;ioner i arkivet …</source>
        <translation>S&amp;essions in the archive …</translation>
    </message>
    <message>
        <source>&amp;Handlinger på tværs …</source>
        <translation>&amp;Actions across partnerships …</translation>
    </message>
    <message>
        <source>Forbundet: %1</source>
        <translation>Connected: %1</translation>
    </message>
    <message>
        <source>Intet teamarkiv forbundet</source>
        <translation>No team archive connected</translation>
    </message>
    <message>
        <source>Forbind først til teamarkivet: Fil → Teamarkiv → Forbind …</source>
        <translation>Connect to the team archive first: File → Team archive → Connect …</translation>
    </message>
    <message>
        <source>Åbn den session, der skal sendes.</source>
        <translation>Open the session to send.</translation>
    </message>
</context>
<context>
    <name>ArchiveSessionsDialog</name>
    <message>
        <source>Sessioner i teamarkivet</source>
        <translation>Sessions in the team archive</translation>
    </message>
    <message>
        <source>alle</source>
        <translation>all</translation>
    </message>
    <message>
        <source>&amp;Partnerskab:</source>
        <translation>&amp;Partnership:</translation>
    </message>
    <message>
        <source>&amp;Vis</source>
        <translation>&amp;Show</translation>
    </message>
    <message>
        <source>Titel</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>Dato</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Partnerskab</source>
        <translation>Partnership</translation>
    </message>
    <message>
        <source>Sendt af</source>
        <translation>Sent by</translation>
    </message>
    <message>
        <source>Sendt</source>
        <translation>Sent</translation>
    </message>
    <message>
        <source>Revision</source>
        <translation>Revision</translation>
    </message>
    <message>
        <source>&amp;Hent</source>
        <translation>&amp;Fetch</translation>
    </message>
    <message>
        <source>Henter listen …</source>
        <translation>Fetching the list …</translation>
    </message>
    <message>
        <source>Henter listen fra teamarkivet …</source>
        <translation>Fetching the list from the team archive …</translation>
    </message>
    <message>
        <source>%n session i teamarkivet</source>
        <translation>%n session in the team archive</translation>
    </message>
    <message>
        <source>%n sessioner i teamarkivet</source>
        <translation>%n sessions in the team archive</translation>
    </message>
</context>
<context>
    <name>BoardView</name>
    <message>
        <source>Sorteringstavle</source>
        <extracomment>Board units one arrow key press moves a note (Shift: a small step). The part of the board in view changed (scene rectangle), for the projector to follow. Arrow keys on the selection: move it by (dx, dy) board units. 1, 2, 3 (index into the categories) or 0 (the tray, as -1) on the selection. The note with keyboard focus changed (its id, or 0 for none).</extracomment>
        <translation>Sorting board</translation>
    </message>
</context>
<context>
    <name>BoardWorkspace</name>
    <message>
        <source>Fremhæv én partners post-its</source>
        <extracomment>The partner filter&apos;s entry for notes written by the whole group. What `prepare` read in idle time, with the store&apos;s content version then.</extracomment>
        <translation>Highlight one partner&apos;s post-its</translation>
    </message>
    <message>
        <source>Fremhæv én partners post-its; de andres bliver svage</source>
        <translation>Highlight one partner&apos;s post-its; the others fade</translation>
    </message>
    <message>
        <source>Stak …</source>
        <translation>Stack …</translation>
    </message>
    <message>
        <source>Læg de valgte post-its i en navngivet stak, når de siger det samme (Ctrl+G)</source>
        <translation>Put the selected post-its in a named stack when they say the same thing (Ctrl+G)</translation>
    </message>
    <message>
        <source>Flet</source>
        <translation>Merge</translation>
    </message>
    <message>
        <source>Gør de valgte dubletter til én post-it; alle forfattere står stadig på den (Ctrl+M)</source>
        <translation>Turn the selected duplicates into one post-it; all its authors stay on it (Ctrl+M)</translation>
    </message>
    <message>
        <source>Fjern</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>Fjern de valgte post-its (Delete); Ctrl+Z fortryder</source>
        <translation>Remove the selected post-its (Delete); Ctrl+Z undoes</translation>
    </message>
    <message>
        <source>Tavle</source>
        <translation>Board</translation>
    </message>
    <message>
        <source>Ryd op, opløs stakke, gem tavlen som billede</source>
        <translation>Tidy up, break up stacks, save the board as an image</translation>
    </message>
    <message>
        <source>Zoom ud (Ctrl+minus eller Ctrl+hjul)</source>
        <translation>Zoom out (Ctrl+minus or Ctrl+wheel)</translation>
    </message>
    <message>
        <source>Zoom ud</source>
        <translation>Zoom out</translation>
    </message>
    <message>
        <source>Hele tavlen</source>
        <translation>Whole board</translation>
    </message>
    <message>
        <source>Vis hele tavlen (Ctrl+0)</source>
        <translation>Show the whole board (Ctrl+0)</translation>
    </message>
    <message>
        <source>Zoom ind (Ctrl+plus eller Ctrl+hjul)</source>
        <translation>Zoom in (Ctrl+plus or Ctrl+wheel)</translation>
    </message>
    <message>
        <source>Zoom ind</source>
        <translation>Zoom in</translation>
    </message>
    <message>
        <source>Hvem har skrevet den nye post-it</source>
        <translation>Who wrote the new post-it</translation>
    </message>
    <message>
        <source>Ny post-it: skriv og tryk Enter (Ctrl+L); Ctrl+PgDown skifter forfatter</source>
        <translation>New post-it: type and press Enter (Ctrl+L); Ctrl+PgDown changes author</translation>
    </message>
    <message>
        <source>Ny post-it</source>
        <translation>New post-it</translation>
    </message>
    <message>
        <source>Læg på tavlen</source>
        <translation>Add to board</translation>
    </message>
    <message>
        <source>Ikke sorteret</source>
        <translation>Not sorted</translation>
    </message>
    <message>
        <source>Gruppen</source>
        <translation>Group</translation>
    </message>
    <message>
        <source>Alle partnere</source>
        <translation>All partners</translation>
    </message>
    <message>
        <source>Ryd op i %1</source>
        <translation>Tidy up %1</translation>
    </message>
    <message>
        <source>Ryd op i alle zoner</source>
        <translation>Tidy up all zones</translation>
    </message>
    <message>
        <source>Opløs stak</source>
        <translation>Break up stack</translation>
    </message>
    <message>
        <source>Gem som billede …</source>
        <translation>Save as image …</translation>
    </message>
    <message>
        <source>Den post-it findes ikke længere.</source>
        <translation>That post-it no longer exists.</translation>
    </message>
    <message>
        <source>flere zoner</source>
        <translation>several zones</translation>
    </message>
    <message>
        <source>Flyt 1 post-it til %1</source>
        <translation>Move 1 post-it to %1</translation>
    </message>
    <message>
        <source>Flyt %n post-its til %1</source>
        <translation>Move %n post-its to %1</translation>
    </message>
    <message>
        <source>Flyt post-it med tastaturet</source>
        <translation>Move post-it with the keyboard</translation>
    </message>
    <message>
        <source>Flyt %n post-its med tastaturet</source>
        <translation>Move %n post-its with the keyboard</translation>
    </message>
    <message>
        <source>Send 1 post-it til %1</source>
        <translation>Send 1 post-it to %1</translation>
    </message>
    <message>
        <source>Send %n post-its til %1</source>
        <translation>Send %n post-its to %1</translation>
    </message>
    <message>
        <source>Vælg mindst to post-its, der siger det samme.</source>
        <translation>Select at least two post-its that say the same thing.</translation>
    </message>
    <message>
        <source>Stak post-its</source>
        <translation>Stack post-its</translation>
    </message>
    <message>
        <source>Hvad siger de sammen?</source>
        <translation>What do they say together?</translation>
    </message>
    <message>
        <source>En stak skal have et navn.</source>
        <translation>A stack needs a name.</translation>
    </message>
    <message>
        <source>Stak 1 post-it: »%1«</source>
        <translation>Stack 1 post-it: “%1”</translation>
    </message>
    <message>
        <source>Stak %n post-its: »%1«</source>
        <translation>Stack %n post-its: “%1”</translation>
    </message>
    <message>
        <source>Opløs stakken</source>
        <translation>Break up the stack</translation>
    </message>
    <message>
        <source>Opløs %n stakke</source>
        <translation>Break up %n stacks</translation>
    </message>
    <message>
        <source>Vælg de post-its, der er dubletter af hinanden.</source>
        <translation>Select the post-its that duplicate each other.</translation>
    </message>
    <message>
        <source>Flet 1 post-it</source>
        <translation>Merge 1 post-it</translation>
    </message>
    <message>
        <source>Flet %n post-its</source>
        <translation>Merge %n post-its</translation>
    </message>
    <message>
        <source>Fjern 1 post-it</source>
        <translation>Remove 1 post-it</translation>
    </message>
    <message>
        <source>Fjern %n post-its</source>
        <translation>Remove %n post-its</translation>
    </message>
    <message>
        <source>Post-itten er fjernet, også fra partnerens cirkel. Ctrl+Z fortryder.</source>
        <translation>The post-it has been removed, from the partner&apos;s circle too. Ctrl+Z undoes this.</translation>
    </message>
    <message>
        <source>%n post-its er fjernet, også fra partnernes cirkler. Ctrl+Z fortryder.</source>
        <translation>%n post-its have been removed, from the partners&apos; circles too. Ctrl+Z undoes this.</translation>
    </message>
    <message>
        <source>Ny post-it »%1«</source>
        <translation>New post-it “%1”</translation>
    </message>
    <message>
        <source>En post-it skal have tekst; brug Fjern for at tage den af tavlen.</source>
        <translation>A post-it needs text; use Remove to take it off the board.</translation>
    </message>
    <message>
        <source>Ret post-it »%1«</source>
        <translation>Edit post-it “%1”</translation>
    </message>
    <message>
        <source>Gemmer tavlen som billede …</source>
        <translation>Saving the board as an image …</translation>
    </message>
    <message>
        <source>Tavlen er gemt som %1</source>
        <translation>Board saved as %1</translation>
    </message>
    <message>
        <source>tavle</source>
        <translation>board</translation>
    </message>
    <message>
        <source>Gem tavlen som billede</source>
        <translation>Save the board as an image</translation>
    </message>
    <message>
        <source>PNG-billede (*.png)</source>
        <translation>PNG image (*.png)</translation>
    </message>
</context>
<context>
    <name>BreakWorkspace</name>
    <message numerus="yes">
        <source>%n minutter</source>
        <translation>
            <numerusform>%n minute</numerusform>
            <numerusform>%n minutes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CircleView</name>
    <message>
        <source>Værdiformer</source>
        <translation>Value forms</translation>
    </message>
</context>
<context>
    <name>CircleWorkspace</name>
    <message>
        <source>Partner</source>
        <translation>Partner</translation>
    </message>
    <message>
        <source>Skift partner med Ctrl+PgDown og Ctrl+PgUp</source>
        <translation>Switch partner with Ctrl+PgDown and Ctrl+PgUp</translation>
    </message>
    <message>
        <source>Der er ingen partnere endnu. Tilføj dem i introduktionen, så får hver partner sin cirkel her.</source>
        <translation>There are no partners yet. Add them in the introduction, and each partner gets a circle here.</translation>
    </message>
    <message>
        <source>Partnerens forandringscirkler</source>
        <translation>The partner&apos;s change circles</translation>
    </message>
    <message>
        <source>+ Ny forandringscirkel</source>
        <translation>+ New change circle</translation>
    </message>
    <message>
        <source>En ny cirkel til partnerens næste ambition (Ctrl+Shift+N)</source>
        <translation>A new circle for the partner&apos;s next ambition (Ctrl+Shift+N)</translation>
    </message>
    <message>
        <source>Fjern cirklen</source>
        <translation>Remove circle</translation>
    </message>
    <message>
        <source>Omdøb …</source>
        <translation>Rename …</translation>
    </message>
    <message>
        <source>Giv ambitionen et navn, der siger, hvad den handler om</source>
        <translation>Give the ambition a name that says what it is about</translation>
    </message>
    <message>
        <source>Partnerens cirkel</source>
        <translation>The partner&apos;s circle</translation>
    </message>
    <message>
        <source>Tilføj »%1«</source>
        <translation>Add “%1”</translation>
    </message>
    <message>
        <source>Ret »%1«</source>
        <translation>Edit “%1”</translation>
    </message>
    <message>
        <source>Fjern »%1«</source>
        <translation>Remove “%1”</translation>
    </message>
    <message>
        <source>Elementet »%1« er fjernet. Fortryd med Ctrl+Z (Rediger → Fortryd).</source>
        <translation>The element “%1” has been removed. Undo with Ctrl+Z (Edit → Undo).</translation>
    </message>
    <message>
        <source>Værdiformer for »%1«</source>
        <translation>Value forms for “%1”</translation>
    </message>
    <message>
        <source>Ny forandringscirkel</source>
        <translation>New change circle</translation>
    </message>
    <message>
        <source>Fjern cirklen »%1«</source>
        <translation>Remove the circle “%1”</translation>
    </message>
    <message>
        <source>Cirklen »%1« er fjernet. Fortryd med Ctrl+Z (Rediger → Fortryd).</source>
        <translation>The circle “%1” has been removed. Undo with Ctrl+Z (Edit → Undo).</translation>
    </message>
    <message>
        <source>Omdøb cirklen</source>
        <translation>Rename circle</translation>
    </message>
    <message>
        <source>Hvad handler denne ambition om?</source>
        <translation>What is this ambition about?</translation>
    </message>
</context>
<context>
    <name>ClosingWorkspace</name>
    <message>
        <source>Dagen i overskrifter</source>
        <translation>The day in headlines</translation>
    </message>
    <message>
        <source>Genbesøg formålet: sig i overskriftsform, hvad I har talt om, med partnernes egne ord. Kom ikke med ny information, og konkludér ikke på partnernes vegne.</source>
        <translation>Revisit the purpose: say in headlines what you have talked about, in the partners&apos; own words. Bring in no new information, and do not conclude on the partners&apos; behalf.</translation>
    </message>
    <message>
        <source>Dagens program har ingen fælles tekster eller næste skridt at samle op på.</source>
        <translation>Today&apos;s programme has no joint texts or next steps to sum up.</translation>
    </message>
    <message>
        <source>Ikke skrevet i dag.</source>
        <translation>Not written today.</translation>
    </message>
    <message>
        <source>Ingen handlinger aftalt endnu.</source>
        <translation>No actions agreed yet.</translation>
    </message>
    <message>
        <source>og %1 mere</source>
        <translation>and %1 more</translation>
    </message>
    <message>
        <source>%n handling aftalt</source>
        <translation>%n action agreed</translation>
    </message>
    <message>
        <source>%n handlinger aftalt</source>
        <translation>%n actions agreed</translation>
    </message>
    <message>
        <source>%1 med ansvarlig</source>
        <translation>%1 with an owner</translation>
    </message>
    <message>
        <source>%1 med frist</source>
        <translation>%1 with a due date</translation>
    </message>
    <message>
        <source>første frist %1</source>
        <translation>first due %1</translation>
    </message>
</context>
<context>
    <name>ConnectDialog</name>
    <message>
        <source>Forbind til teamarkivet</source>
        <translation>Connect to the team archive</translation>
    </message>
    <message>
        <source>Teamarkivet på holdets PostgreSQL-server</source>
        <translation>The team archive on the team&apos;s PostgreSQL server</translation>
    </message>
    <message>
        <source>Adresse</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>&amp;Adresse:</source>
        <translation>&amp;Address:</translation>
    </message>
    <message>
        <source>Skriv ikke adgangskoden her: Facilitator gemmer den aldrig. PostgreSQL henter den selv fra din adgangskodefil (~/.pgpass, på Windows %APPDATA%\postgresql\pgpass.conf) eller fra en servicefil (adressen postgresql:///?service=teamarkiv). Se README.</source>
        <translation>Do not type the password here: Facilitator never stores it. PostgreSQL reads it itself from your password file (~/.pgpass, on Windows %APPDATA%\postgresql\pgpass.conf) or from a service file (the address postgresql:///?service=teamarkiv). See the README.</translation>
    </message>
    <message>
        <source>Tillad forbindelse &amp;uden TLS til en anden maskine</source>
        <translation>Allow a connection &amp;without TLS to another machine</translation>
    </message>
    <message>
        <source>TLS kræves til enhver anden maskine end denne. Sæt kun kryds, hvis netværket er sikret på anden vis: så sendes sessionerne ukrypteret.</source>
        <translation>TLS is required for any machine other than this one. Tick this only if the network is secured otherwise: the sessions are then sent unencrypted.</translation>
    </message>
    <message>
        <source>&amp;Prøv forbindelsen</source>
        <translation>&amp;Try the connection</translation>
    </message>
    <message>
        <source>&amp;Forbind</source>
        <translation>&amp;Connect</translation>
    </message>
    <message>
        <source>Prøver forbindelsen til teamarkivet …</source>
        <translation>Trying the connection to the team archive …</translation>
    </message>
    <message>
        <source>Forbindelsen virker: %1 har %2 sessioner.</source>
        <translation>The connection works: %1 holds %2 sessions.</translation>
    </message>
    <message>
        <source>Forbundet til teamarkivet %1. Adressen er gemt uden adgangskode.</source>
        <translation>Connected to the team archive %1. The address is kept without a password.</translation>
    </message>
</context>
<context>
    <name>DataDialogs</name>
    <message>
        <source>i dag %1</source>
        <translation>today at %1</translation>
    </message>
    <message>
        <source>i går %1</source>
        <translation>yesterday at %1</translation>
    </message>
    <message>
        <source>kan ikke læses</source>
        <translation>cannot be read</translation>
    </message>
    <message>
        <source>ingen sessioner</source>
        <translation>no sessions</translation>
    </message>
    <message>
        <source> og %1 til</source>
        <translation> and %1 more</translation>
    </message>
    <message>
        <source>%n session: </source>
        <translation>%n session: </translation>
    </message>
    <message>
        <source>%n sessioner: </source>
        <translation>%n sessions: </translation>
    </message>
    <message>
        <source>%1 partnere · %2 elementer · %3 handlinger</source>
        <translation>%1 partners · %2 elements · %3 actions</translation>
    </message>
</context>
<context>
    <name>DataOperations</name>
    <message>
        <source>Sikkerhedskopien kan ikke gendannes</source>
        <translation>The backup cannot be restored</translation>
    </message>
    <message>
        <source>Databasen er gendannet fra sikkerhedskopien fra %1.</source>
        <translation>The database has been restored from the backup made %1.</translation>
    </message>
    <message>
        <source>Sessionen kan ikke slettes nu</source>
        <translation>The session cannot be deleted now</translation>
    </message>
</context>
<context>
    <name>DayOperations</name>
    <message>
        <source>%1 (tilpasset)</source>
        <translation>%1 (adapted)</translation>
    </message>
    <message>
        <source>Gem dagen som program</source>
        <translation>Save the day as a programme</translation>
    </message>
    <message>
        <source>Navn på det nye program:</source>
        <translation>Name of the new programme:</translation>
    </message>
    <message>
        <source>Programmet er gemt: %1</source>
        <translation>Programme saved: %1</translation>
    </message>
</context>
<context>
    <name>DeleteSessionDialog</name>
    <message>
        <source>Slet session</source>
        <translation>Delete session</translation>
    </message>
    <message>
        <source>&lt;b&gt;Slet »%1«?&lt;/b&gt;&lt;br&gt;Alt fra sessionen fjernes fra databasen: partnere, cirkler, tavler, fælles tekster, handlinger, tider og noter. Det kan ikke fortrydes.</source>
        <translation>&lt;b&gt;Delete “%1”?&lt;/b&gt;&lt;br&gt;Everything from the session is removed from the database: partners, circles, boards, joint texts, actions, times and notes. This cannot be undone.</translation>
    </message>
    <message>
        <source>Fjern den også fra de ældre sikkerhedskopier</source>
        <translation>Also remove it from the older backups</translation>
    </message>
    <message numerus="yes">
        <source>%n ældre sikkerhedskopi(er) indeholder stadig sessionen. De slettes af sig selv efter højst 30 dage; indtil da kan sessionen gendannes fra dem.</source>
        <translation>
            <numerusform>%n older backup still contains the session. It is deleted automatically after 30 days at most; until then the session can be restored from it.</numerusform>
            <numerusform>%n older backups still contain the session. They are deleted automatically after 30 days at most; until then the session can be restored from them.</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Slet session</source>
        <translation>&amp;Delete session</translation>
    </message>
    <message>
        <source>»%1« er slettet.</source>
        <translation>“%1” has been deleted.</translation>
    </message>
    <message numerus="yes">
        <source>Også fjernet fra %n sikkerhedskopi(er).</source>
        <translation>
            <numerusform>Also removed from %n backup.</numerusform>
            <numerusform>Also removed from %n backups.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DeviceMark</name>
    <message>
        <source>Skrevet af partneren på egen enhed</source>
        <translation>Written by the partner on their own device</translation>
    </message>
</context>
<context>
    <name>DeviceRow</name>
    <message>
        <source>(ingen partner valgt)</source>
        <extracomment>What the interface list offers besides the laptop&apos;s own addresses: every network at once. What the row shows (label, partner, approved), so an unchanged device keeps its row.</extracomment>
        <translation>(no partner chosen)</translation>
    </message>
    <message>
        <source>Godkendt – skriver</source>
        <translation>Approved – writing</translation>
    </message>
    <message>
        <source>Venter på godkendelse</source>
        <translation>Waiting for approval</translation>
    </message>
    <message>
        <source>Godkend</source>
        <translation>Approve</translation>
    </message>
    <message>
        <source>Godkend %1</source>
        <translation>Approve %1</translation>
    </message>
    <message>
        <source>Frigiv</source>
        <translation>Release</translation>
    </message>
    <message>
        <source>Enheden skriver ikke længere for partneren; den kan melde sig igen</source>
        <translation>The device no longer writes for the partner; it can join again</translation>
    </message>
    <message>
        <source>Frigiv %1</source>
        <translation>Release %1</translation>
    </message>
</context>
<context>
    <name>ElementLine</name>
    <message>
        <source>Fjern elementet (Ctrl+Delete)</source>
        <extracomment>The text should be saved (element id, text). The user emptied the line and left it, or pressed remove. Value forms chosen (element id, set of value ids). Enter pressed: move on to the next line. Set while the element is being removed, so a flush does not ask twice.</extracomment>
        <translation>Remove the element (Ctrl+Delete)</translation>
    </message>
    <message>
        <source>Fjern elementet</source>
        <translation>Remove the element</translation>
    </message>
    <message>
        <source>Værdiformer for elementet (Ctrl+T)</source>
        <extracomment>The phone mark of an element the partner wrote on their own device.</extracomment>
        <translation>Value forms for the element (Ctrl+T)</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Eksportér</source>
        <extracomment>(kind, file suffix): what each choice writes. The document(s) are written (after the dialog has closed): what to tell the user. The background work is over, written or not: the dialog is no longer needed.</extracomment>
        <translation>Export</translation>
    </message>
    <message>
        <source>Hvad vil du gemme?</source>
        <translation>What do you want to save?</translation>
    </message>
    <message>
        <source>Partner</source>
        <translation>Partner</translation>
    </message>
    <message>
        <source>Med mine egne noter til trinnene</source>
        <translation>With my own notes on the steps</translation>
    </message>
    <message>
        <source>Papirstørrelse</source>
        <translation>Paper size</translation>
    </message>
    <message>
        <source>&amp;Aftaleark – fælles for alle partnere (PDF)</source>
        <translation>&amp;Next-steps sheet – shared by all partners (PDF)</translation>
    </message>
    <message>
        <source>Aftaleark til &amp;hver partner, med partnerens egne handlinger først (én PDF pr. partner)</source>
        <translation>Next-steps sheet for &amp;each partner, with the partner&apos;s own actions first (one PDF per partner)</translation>
    </message>
    <message>
        <source>Aftaleark til &amp;én partner (PDF):</source>
        <translation>Next-steps sheet for &amp;one partner (PDF):</translation>
    </message>
    <message>
        <source>&amp;Fuld sessionsrapport (PDF)</source>
        <translation>&amp;Full session report (PDF)</translation>
    </message>
    <message>
        <source>Stat&amp;usrapport: aftalernes lys, status og kommentarer (PDF)</source>
        <translation>Stat&amp;us report: the agreements&apos; lights, status and comments (PDF)</translation>
    </message>
    <message>
        <source>&amp;Tomme skabeloner til papir (PDF):</source>
        <translation>&amp;Blank paper templates (PDF):</translation>
    </message>
    <message>
        <source>&amp;Invitation med program og klokkeslæt (PDF)</source>
        <translation>&amp;Invitation with programme and times (PDF)</translation>
    </message>
    <message>
        <source>&amp;Handlinger som regneark (CSV til Excel)</source>
        <translation>&amp;Actions as a spreadsheet (CSV for Excel)</translation>
    </message>
    <message>
        <source>&amp;Frister som kalender (.ics)</source>
        <translation>&amp;Deadlines as a calendar (.ics)</translation>
    </message>
    <message>
        <source>Dokumenterne bliver på %1, som programmet er indstillet til.</source>
        <translation>The documents will be in %1, the language the app is set to.</translation>
    </message>
    <message>
        <source>dansk</source>
        <translation>Danish</translation>
    </message>
    <message>
        <source>engelsk</source>
        <translation>English</translation>
    </message>
    <message>
        <source>Gem …</source>
        <translation>Save …</translation>
    </message>
    <message>
        <source>Aftaleark</source>
        <translation>Next-steps sheet</translation>
    </message>
    <message>
        <source>Sessionsrapport</source>
        <translation>Session report</translation>
    </message>
    <message>
        <source>Statusrapport</source>
        <translation>Status report</translation>
    </message>
    <message>
        <source>Skabeloner</source>
        <translation>Templates</translation>
    </message>
    <message>
        <source>Invitation</source>
        <translation>Invitation</translation>
    </message>
    <message>
        <source>Handlinger</source>
        <translation>Actions</translation>
    </message>
    <message>
        <source>Frister</source>
        <translation>Deadlines</translation>
    </message>
    <message>
        <source>Vælg mappe til aftaleark</source>
        <translation>Choose a folder for the next-steps sheets</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>Kalender (*.ics)</source>
        <translation>Calendar (*.ics)</translation>
    </message>
    <message>
        <source>Gem som</source>
        <translation>Save as</translation>
    </message>
    <message>
        <source>Eksporten lykkedes ikke</source>
        <translation>The export did not succeed</translation>
    </message>
    <message>
        <source>Gemmer aftalearket …</source>
        <translation>Saving the agreement sheet …</translation>
    </message>
    <message>
        <source>Gemmer aftalearkene …</source>
        <translation>Saving the agreement sheets …</translation>
    </message>
    <message>
        <source>Gemmer sessionsrapporten …</source>
        <translation>Saving the session report …</translation>
    </message>
    <message>
        <source>Gemmer statusrapporten …</source>
        <translation>Saving the status report …</translation>
    </message>
    <message>
        <source>Gemmer skabelonerne …</source>
        <translation>Saving the templates …</translation>
    </message>
    <message>
        <source>Gemmer invitationen …</source>
        <translation>Saving the invitation …</translation>
    </message>
    <message>
        <source>Gemmer handlingerne …</source>
        <translation>Saving the actions …</translation>
    </message>
    <message>
        <source>Gemmer fristerne …</source>
        <translation>Saving the deadlines …</translation>
    </message>
    <message>
        <source>Aftaleark %1 – %2</source>
        <translation>Next-steps sheet %1 – %2</translation>
    </message>
    <message>
        <source>Gemt: %1</source>
        <translation>Saved: %1</translation>
    </message>
    <message>
        <source>%1 filer gemt i %2</source>
        <translation>%1 files saved in %2</translation>
    </message>
</context>
<context>
    <name>FieldCard</name>
    <message>
        <source>Elementer</source>
        <extracomment>Enter in the entry line with text (field id, text). The entry line&apos;s words should be kept as a draft (circle id, field id, text). Rows holding a read-only element with its device mark (the label sits inside). The elements the lines (or labels) show, in order, as they were when shown.</extracomment>
        <translation>Elements</translation>
    </message>
    <message>
        <source>Skriv et element og tryk Enter …</source>
        <translation>Type an element and press Enter …</translation>
    </message>
    <message>
        <source>Nyt element. Enter tilføjer det, Tab går til næste spørgsmål, pil op til de skrevne elementer.</source>
        <translation>New element. Enter adds it, Tab goes to the next question, Up arrow to the elements already written.</translation>
    </message>
</context>
<context>
    <name>FollowupDialog</name>
    <message>
        <source>Ny opfølgning</source>
        <extracomment>The program a follow-up preselects: the short meeting built for it.</extracomment>
        <translation>New follow-up</translation>
    </message>
    <message>
        <source>Opfølgningen bliver partnerskabets næste møde. Partnerne, principperne, de fælles tekster, beslutningsreglen og alle aftaler, der ikke er færdige eller opgivet, kommer med – med ansvarlig, frist og historik.</source>
        <translation>The follow-up becomes the partnership&apos;s next meeting. The partners, the principles, the joint texts, the decision rule and every agreement not done or dropped come along – with owner, due date and history.</translation>
    </message>
    <message>
        <source>Program</source>
        <translation>Program</translation>
    </message>
    <message>
        <source>Dato</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>%1 – opfølgning</source>
        <translation>%1 – follow-up</translation>
    </message>
    <message>
        <source>Titel</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>&amp;Program</source>
        <translation>&amp;Program</translation>
    </message>
    <message>
        <source>&amp;Dato</source>
        <translation>&amp;Date</translation>
    </message>
    <message>
        <source>&amp;Titel</source>
        <translation>&amp;Title</translation>
    </message>
    <message>
        <source>&amp;Opret opfølgning</source>
        <translation>&amp;Create follow-up</translation>
    </message>
</context>
<context>
    <name>GuidePanel</name>
    <message>
        <source>Vejledning</source>
        <extracomment>Notes typed but not yet stored (a failed save keeps them here and retries). The stored notes as last read, and the store&apos;s content version then (see `_stored_notes`). The method&apos;s guidance, read when the method tab is first needed (see `_fill_topics`).</extracomment>
        <translation>Guidance</translation>
    </message>
    <message>
        <source>Vejledning til trinnet</source>
        <translation>Guidance for the step</translation>
    </message>
    <message>
        <source>Trinnet</source>
        <translation>Step</translation>
    </message>
    <message>
        <source>Metodens emner</source>
        <translation>Method topics</translation>
    </message>
    <message>
        <source>Metodens vejledning</source>
        <translation>Method guidance</translation>
    </message>
    <message>
        <source>Metoden</source>
        <translation>Method</translation>
    </message>
    <message>
        <source>Mine noter til trinnet</source>
        <translation>My notes on the step</translation>
    </message>
    <message>
        <source>Kun for dig: vises aldrig på projektoren.</source>
        <translation>Only for you: never shown on the projector.</translation>
    </message>
    <message>
        <source>Hvad lagde du mærke til? Hvad skal du huske?</source>
        <translation>What did you notice? What do you need to remember?</translation>
    </message>
    <message>
        <source>Formål</source>
        <translation>Purpose</translation>
    </message>
    <message>
        <source>Materialer</source>
        <translation>Materials</translation>
    </message>
    <message>
        <source>Om delen</source>
        <translation>About this part</translation>
    </message>
    <message>
        <source>Tips</source>
        <translation>Tips</translation>
    </message>
    <message>
        <source>Ingen særlig vejledning til dette trin.</source>
        <translation>No particular guidance for this step.</translation>
    </message>
</context>
<context>
    <name>JointFormWorkspace</name>
    <message>
        <source>Refleksion over samspillet med organisationerne og omverdenen</source>
        <translation>Reflection on the interplay with the organisations and the wider world</translation>
    </message>
    <message>
        <source>Fælles tekst</source>
        <translation>Joint text</translation>
    </message>
    <message>
        <source>Fra partnernes cirkler</source>
        <translation>From the partners&apos; circles</translation>
    </message>
    <message>
        <source>Sorterede elementer</source>
        <translation>Sorted elements</translation>
    </message>
    <message>
        <source>Dobbeltklik eller tryk Enter for at sætte elementet ind i feltet, du skriver i.</source>
        <translation>Double-click or press Enter to insert the element into the field you are writing in.</translation>
    </message>
    <message>
        <source>‹ Sæt ind i feltet</source>
        <translation>‹ Insert into the field</translation>
    </message>
    <message>
        <source>Sæt elementets tekst ind, hvor markøren står (Enter i listen)</source>
        <translation>Insert the element&apos;s text at the cursor (Enter in the list)</translation>
    </message>
    <message>
        <source>gruppen</source>
        <translation>the group</translation>
    </message>
    <message>
        <source>%1: »%2«</source>
        <translation>%1: “%2”</translation>
    </message>
    <message>
        <source>Bygger på %1</source>
        <translation>Builds on %1</translation>
    </message>
    <message>
        <source>Sættes ind i: %1</source>
        <translation>Inserts into: %1</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Facilitator</source>
        <extracomment>The language changed: whoever owns the window builds it anew (see ui.app.Shell). The backup made when a session opens waits for a store still loading at start-up. The room for partners&apos; devices, built the first time it is opened (Dagen → Åbn rummet). Set while the welcome&apos;s language button rebuilds the window, so the new one welcomes. One undo history per workspace; the one on screen is active. Slow work (the full report) off the GUI thread, one at a time, for the whole window.</extracomment>
        <translation>Facilitator</translation>
    </message>
    <message>
        <source>Sessionen kan ikke åbnes</source>
        <translation>The session cannot be opened</translation>
    </message>
    <message>
        <source>%1 – Facilitator</source>
        <translation>%1 – Facilitator</translation>
    </message>
    <message>
        <source>Sproget er ikke skiftet, fordi ikke alt er gemt. Prøv igen, når statuslinjen ikke længere melder om en fejl.</source>
        <translation>The language has not been changed because not everything is saved. Try again once the status bar no longer reports an error.</translation>
    </message>
    <message>
        <source>Vent et øjeblik</source>
        <translation>Please wait</translation>
    </message>
    <message>
        <source>Ikke alt er gemt</source>
        <translation>Not everything is saved</translation>
    </message>
    <message numerus="yes">
        <source>%n ændring(er) kunne ikke gemmes (se statuslinjen). Lukker du nu, går de tabt. Luk alligevel?</source>
        <translation>
            <numerusform>%n change could not be saved (see the status bar). If you close now, it will be lost. Close anyway?</numerusform>
            <numerusform>%n changes could not be saved (see the status bar). If you close now, they will be lost. Close anyway?</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Menus</name>
    <message>
        <source>&amp;Ny session …</source>
        <extracomment>Keys that run the day from wherever the focus is, a text field included: none of them edits text in any of Qt&apos;s fields. Not Ctrl+Alt+arrows: GNOME switches workspaces with them and some Windows graphics drivers turn the screen (the projector!) upside down. Not Ctrl+PgDown/PgUp: they change partner in the circles, the review and on the board. The session page keeps Ctrl+Right/Left and Space where no text field wants them.</extracomment>
        <translation>&amp;New session …</translation>
    </message>
    <message>
        <source>&amp;Luk session</source>
        <translation>&amp;Close session</translation>
    </message>
    <message>
        <source>Ind&amp;stillinger …</source>
        <translation>Se&amp;ttings …</translation>
    </message>
    <message>
        <source>&amp;Afslut</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>&amp;Gem dagen som program …</source>
        <translation>&amp;Save the day as a programme …</translation>
    </message>
    <message>
        <source>&amp;Eksportér …</source>
        <translation>&amp;Export …</translation>
    </message>
    <message>
        <source>Gendan fra si&amp;kkerhedskopi …</source>
        <translation>&amp;Restore from backup …</translation>
    </message>
    <message>
        <source>Eksportér sessions&amp;fil …</source>
        <translation>Export session &amp;file …</translation>
    </message>
    <message>
        <source>&amp;Importér sessionsfil …</source>
        <translation>&amp;Import session file …</translation>
    </message>
    <message>
        <source>&amp;Fil</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>P&amp;rogrammer …</source>
        <translation>P&amp;rograms …</translation>
    </message>
    <message>
        <source>Ny &amp;opfølgning …</source>
        <translation>New f&amp;ollow-up …</translation>
    </message>
    <message>
        <source>&amp;Handlingslog …</source>
        <translation>&amp;Action log …</translation>
    </message>
    <message>
        <source>&amp;Rediger</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <source>&amp;Fortryd</source>
        <translation>&amp;Undo</translation>
    </message>
    <message>
        <source>&amp;Gentag</source>
        <translation>&amp;Redo</translation>
    </message>
    <message>
        <source>&amp;Historik</source>
        <translation>&amp;History</translation>
    </message>
    <message>
        <source>(intet at fortryde)</source>
        <translation>(nothing to undo)</translation>
    </message>
    <message>
        <source>Som da trinnet blev åbnet</source>
        <translation>As when the step was opened</translation>
    </message>
    <message>
        <source>&amp;Gå til</source>
        <translation>&amp;Go</translation>
    </message>
    <message>
        <source>&amp;Næste trin</source>
        <translation>&amp;Next step</translation>
    </message>
    <message>
        <source>&amp;Forrige trin</source>
        <translation>&amp;Previous step</translation>
    </message>
    <message>
        <source>&amp;Start/pause tiden</source>
        <translation>&amp;Start/pause the timer</translation>
    </message>
    <message>
        <source>+&amp;1 minut</source>
        <translation>+&amp;1 minute</translation>
    </message>
    <message>
        <source>+&amp;5 minutter</source>
        <translation>+&amp;5 minutes</translation>
    </message>
    <message>
        <source>&amp;Nulstil trinnets tid</source>
        <translation>&amp;Reset the step&apos;s time</translation>
    </message>
    <message>
        <source>Skift trinnets &amp;varighed …</source>
        <translation>Change the step&apos;s &amp;duration …</translation>
    </message>
    <message>
        <source>Spring trinnet &amp;over / tag med igen</source>
        <translation>S&amp;kip the step / include it again</translation>
    </message>
    <message>
        <source>&amp;Projektorvisning</source>
        <translation>&amp;Projector view</translation>
    </message>
    <message>
        <source>Vejl&amp;edning</source>
        <translation>&amp;Guidance</translation>
    </message>
    <message>
        <source>P&amp;lanlægning og indbydelse …</source>
        <translation>P&amp;lanning and invitation …</translation>
    </message>
    <message>
        <source>Vær&amp;diformer …</source>
        <translation>&amp;Value forms …</translation>
    </message>
    <message>
        <source>&amp;Timerindstillinger …</source>
        <translation>&amp;Timer settings …</translation>
    </message>
    <message>
        <source>&amp;Dagen</source>
        <translation>&amp;Day</translation>
    </message>
    <message>
        <source>Åbn &amp;rummet for partnerne</source>
        <translation>Open the &amp;room for the partners</translation>
    </message>
    <message>
        <source>L&amp;uk rummet</source>
        <translation>Cl&amp;ose the room</translation>
    </message>
    <message>
        <source>&amp;Metoden kort</source>
        <translation>The &amp;method in brief</translation>
    </message>
    <message>
        <source>&amp;Tastaturgenveje</source>
        <translation>&amp;Keyboard shortcuts</translation>
    </message>
    <message>
        <source>&amp;Velkomst og demosession …</source>
        <translation>&amp;Welcome and demo session …</translation>
    </message>
    <message>
        <source>&amp;Om Facilitator</source>
        <translation>&amp;About Facilitator</translation>
    </message>
    <message>
        <source>&amp;Hjælp</source>
        <translation>&amp;Help</translation>
    </message>
</context>
<context>
    <name>MethodDialog</name>
    <message>
        <source>Metoden kort</source>
        <translation>The method in brief</translation>
    </message>
    <message>
        <source>&lt;h2&gt;Partnerskabsdannelse for bæredygtig omstilling&lt;/h2&gt;&lt;p&gt;En partnerskabssession er en hel dag med 2–8 mulige partnere. Den er ikke et sted at bytte opgaver, men et sted, hvor partnerne finder ud af, hvad de kan forandre sammen, hvordan de bliver gode sammen, og hvordan forandringen kan brede sig. Dagen følger tre samtaler, hver med sin skabelon, og slutter med konkrete næste skridt.&lt;/p&gt;&lt;h3&gt;1. Indledning og introduktion&lt;/h3&gt;&lt;p&gt;Facilitatoren rammer dagen ind, og hver partner fortæller, hvilken rolle og hvilket mandat de har. I aftaler højst tre principper for samtalen.&lt;/p&gt;&lt;h3&gt;2. Hvad bliver vi partnere om?&lt;/h3&gt;&lt;p&gt;Hver partner udfylder sin &lt;b&gt;forandringscirkel&lt;/b&gt;: hvad vil vi forandre, hvorfor, og hvad står på spil. Cirklerne gennemgås, og gruppen sorterer elementerne i &lt;b&gt;Fælles&lt;/b&gt;, &lt;b&gt;Forskelle&lt;/b&gt; og &lt;b&gt;Modsatrettede&lt;/b&gt;. Til sidst skriver I en fælles forandringsambition.&lt;/p&gt;&lt;h3&gt;3. Hvordan bliver vi gode sammen?&lt;/h3&gt;&lt;p&gt;I &lt;b&gt;bidragscirklen&lt;/b&gt; skriver hver partner, hvad de kan bidrage med. Elementerne sorteres i &lt;b&gt;Styrker&lt;/b&gt;, &lt;b&gt;Forhindringer&lt;/b&gt; og &lt;b&gt;Mangler&lt;/b&gt;, og I skitserer en aftale om samarbejdet.&lt;/p&gt;&lt;h3&gt;4. Hvordan skaber vi omstilling?&lt;/h3&gt;&lt;p&gt;&lt;b&gt;Skaleringscirklen&lt;/b&gt; spørger, hvordan forandringen rækker ud over partnerskabet. Elementerne sorteres efter, hvor skaleringen sker: &lt;b&gt;Branche/marked&lt;/b&gt;, &lt;b&gt;Samfund&lt;/b&gt; og &lt;b&gt;Partnerne&lt;/b&gt;, og I skitserer en aftale.&lt;/p&gt;&lt;h3&gt;5. Hvordan kommer vi videre?&lt;/h3&gt;&lt;p&gt;I aftaler de næste skridt: hvem gør hvad, og hvornår. Hver partner får et aftaleark med hjem, og dagen rundes af.&lt;/p&gt;&lt;h3&gt;Facilitatorens rolle&lt;/h3&gt;&lt;p&gt;Hold tiden, giv alle stemmer plads, og lad uenighed stå tydeligt frem: modsatrettede elementer er ikke et nederlag, men det, partnerskabet skal kunne rumme. Vejledningen ved siden af hvert trin siger, hvad der skal ske, og hvad du kan spørge om.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;Forming partnerships for sustainable transition&lt;/h2&gt;&lt;p&gt;A partnership session is a full day with 2–8 potential partners. It is not a place to hand out tasks, but a place where the partners find out what they can change together, how they can work well together and how the change can spread. The day follows three conversations, each with its own template, and ends with concrete next steps.&lt;/p&gt;&lt;h3&gt;1. Opening and introduction&lt;/h3&gt;&lt;p&gt;The facilitator frames the day, and each partner explains the role and mandate they hold. You agree on at most three principles for the conversation.&lt;/p&gt;&lt;h3&gt;2. What will we partner on?&lt;/h3&gt;&lt;p&gt;Each partner fills in their &lt;b&gt;change circle&lt;/b&gt;: what we want to change, why, and what is at stake. The circles are shared, and the group sorts the elements into &lt;b&gt;Common ground&lt;/b&gt;, &lt;b&gt;Differences&lt;/b&gt; and &lt;b&gt;Opposed&lt;/b&gt;. Finally you write a shared ambition for change.&lt;/p&gt;&lt;h3&gt;3. How do we work well together?&lt;/h3&gt;&lt;p&gt;In the &lt;b&gt;contribution circle&lt;/b&gt; each partner writes what they can contribute. The elements are sorted into &lt;b&gt;Strengths&lt;/b&gt;, &lt;b&gt;Obstacles&lt;/b&gt; and &lt;b&gt;Gaps&lt;/b&gt;, and you sketch an agreement on working together.&lt;/p&gt;&lt;h3&gt;4. How do we drive the transition?&lt;/h3&gt;&lt;p&gt;The &lt;b&gt;scaling circle&lt;/b&gt; asks how the change reaches beyond the partnership. The elements are sorted by where the scaling happens: &lt;b&gt;Industry/market&lt;/b&gt;, &lt;b&gt;Society&lt;/b&gt; and &lt;b&gt;The partners&lt;/b&gt;, and you sketch an agreement.&lt;/p&gt;&lt;h3&gt;5. How do we move forward?&lt;/h3&gt;&lt;p&gt;You agree on the next steps: who does what, and by when. Each partner takes a next-steps sheet home, and the day is brought to a close.&lt;/p&gt;&lt;h3&gt;The facilitator&apos;s role&lt;/h3&gt;&lt;p&gt;Keep time, give every voice room, and let disagreement show clearly: opposed elements are not a defeat but something the partnership must be able to hold. The guidance next to each step says what should happen and what you can ask.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>NextStepsTemplateWorkspace</name>
    <message>
        <source>Gør beslutningerne så konkrete som muligt – eventuelt som SMART-mål.</source>
        <translation>Make the decisions as concrete as possible – perhaps as SMART goals.</translation>
    </message>
    <message>
        <source>Vær tydelig på, hvordan beslutninger træffes: hvor meget uenighed og ubeslutsomhed kan tolereres?</source>
        <translation>Be clear about how decisions are made: how much disagreement and indecision can be tolerated?</translation>
    </message>
    <message>
        <source>Sørg for, at hver opgave har en tydelig ejer.</source>
        <translation>Make sure every task has a clear owner.</translation>
    </message>
</context>
<context>
    <name>NextStepsWorkspace</name>
    <message>
        <source>Område for nye handlinger</source>
        <translation>Area for new actions</translation>
    </message>
    <message>
        <source>Alt+1 … Alt+4 vælger området</source>
        <translation>Alt+1 … Alt+4 chooses the area</translation>
    </message>
    <message>
        <source>Ny handling</source>
        <translation>New action</translation>
    </message>
    <message>
        <source>Hvad skal gøres? @ansvarlig !dato – Enter tilføjer (fx »Ring til Kystdirektoratet @MK !15.5«)</source>
        <translation>What needs doing? @owner !date – Enter adds it (e.g. “Call the Coastal Authority @MK !15.5”)</translation>
    </message>
    <message>
        <source>Tilføj</source>
        <translation>Add</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>navngiven person hos den ansvarlige</source>
        <translation>a named person at the owner</translation>
    </message>
    <message>
        <source>Med hvem</source>
        <translation>With whom</translation>
    </message>
    <message>
        <source>hvem der er med</source>
        <translation>who else takes part</translation>
    </message>
    <message>
        <source>Hvor meget</source>
        <translation>How much</translation>
    </message>
    <message>
        <source>tid, penge, omfang</source>
        <translation>time, money, scope</translation>
    </message>
    <message>
        <source>Op</source>
        <translation>Up</translation>
    </message>
    <message>
        <source>Flyt handlingen op (Alt+Op); øverst i et område flytter den til området før</source>
        <translation>Move the action up (Alt+Up); at the top of an area it moves to the area before</translation>
    </message>
    <message>
        <source>Ned</source>
        <translation>Down</translation>
    </message>
    <message>
        <source>Flyt handlingen ned (Alt+Ned); nederst flytter den til næste område</source>
        <translation>Move the action down (Alt+Down); at the bottom it moves to the next area</translation>
    </message>
    <message>
        <source>Slet</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Slet handlingen (Delete); Ctrl+Z fortryder</source>
        <translation>Delete the action (Delete); Ctrl+Z undoes</translation>
    </message>
    <message>
        <source>Vis eller skjul beslutningsreglen (Ctrl+D)</source>
        <translation>Show or hide the decision rule (Ctrl+D)</translation>
    </message>
    <message>
        <source>SMART-tjek: der er en ansvarlig, en dato og en klar formulering.</source>
        <translation>SMART check: there is an owner, a date and a clear wording.</translation>
    </message>
    <message>
        <source>SMART-tjek – gruppen kan overveje:</source>
        <translation>SMART check – the group might consider:</translation>
    </message>
    <message>
        <source>ikke aftalt endnu</source>
        <translation>not agreed yet</translation>
    </message>
    <message>
        <source>Skriv, hvad der skal gøres.</source>
        <translation>Write what needs doing.</translation>
    </message>
    <message>
        <source>Tilføj handling</source>
        <translation>Add action</translation>
    </message>
    <message>
        <source>%1 passede ikke på en partner eller en dato og står nu i teksten.</source>
        <translation>%1 did not match a partner or a date and is now part of the text.</translation>
    </message>
    <message>
        <source>»%1« er ikke en dato. Skriv fx 15.5 eller 15.05.2026.</source>
        <translation>“%1” is not a date. Write e.g. 15.5 or 15.05.2026.</translation>
    </message>
    <message>
        <source>En handling skal sige, hvad der skal gøres. Slet den i stedet.</source>
        <translation>An action must say what needs doing. Delete it instead.</translation>
    </message>
    <message>
        <source>Ret handling</source>
        <translation>Edit action</translation>
    </message>
    <message>
        <source>Slet handling</source>
        <translation>Delete action</translation>
    </message>
    <message>
        <source>Handlingen er slettet – Ctrl+Z fortryder.</source>
        <translation>The action has been deleted – Ctrl+Z undoes this.</translation>
    </message>
    <message>
        <source>Flyt handling</source>
        <translation>Move action</translation>
    </message>
</context>
<context>
    <name>NoteEditor</name>
    <message>
        <source>Post-ittens tekst</source>
        <translation>Post-it text</translation>
    </message>
</context>
<context>
    <name>Operations</name>
    <message>
        <source>Vent et øjeblik, til dette er færdigt: %1</source>
        <extracomment>Gives the interval back when the work is done (see `facilitator.ui.interpreter`).</extracomment>
        <translation>Please wait until this has finished: %1</translation>
    </message>
    <message>
        <source>Et øjeblik</source>
        <translation>One moment</translation>
    </message>
    <message>
        <source>Det lykkedes ikke (%1). Det er en fejl i programmet; prøv igen, og meld fejlen, hvis den kommer igen.</source>
        <translation>That did not work (%1). This is a fault in the program; try again, and report it if it happens again.</translation>
    </message>
</context>
<context>
    <name>PartnersWorkspace</name>
    <message>
        <source>orange</source>
        <translation>orange</translation>
    </message>
    <message>
        <source>himmelblå</source>
        <translation>sky blue</translation>
    </message>
    <message>
        <source>grøn</source>
        <translation>green</translation>
    </message>
    <message>
        <source>gul</source>
        <translation>yellow</translation>
    </message>
    <message>
        <source>blå</source>
        <translation>blue</translation>
    </message>
    <message>
        <source>rødorange</source>
        <translation>red-orange</translation>
    </message>
    <message>
        <source>lilla</source>
        <translation>purple</translation>
    </message>
    <message>
        <source>grå</source>
        <translation>grey</translation>
    </message>
    <message>
        <source>Partnerne</source>
        <translation>The partners</translation>
    </message>
    <message>
        <source>Bed partnerne præsentere sig: hvilken rolle og hvilket beslutningsmandat de repræsenterer, og hvorfor partnerskabsmuligheden afsøges netop nu.</source>
        <translation>Ask the partners to introduce themselves: the role and decision-making mandate they represent, and why a partnership is being explored right now.</translation>
    </message>
    <message>
        <source>Navn på ny partner, tryk Enter</source>
        <translation>Name of new partner, press Enter</translation>
    </message>
    <message>
        <source>Navn på ny partner</source>
        <translation>Name of new partner</translation>
    </message>
    <message>
        <source>&amp;Tilføj</source>
        <translation>&amp;Add</translation>
    </message>
    <message>
        <source>Partnerliste</source>
        <translation>Partner list</translation>
    </message>
    <message>
        <source>Op</source>
        <translation>Up</translation>
    </message>
    <message>
        <source>Flyt partneren op (Alt+Op)</source>
        <translation>Move the partner up (Alt+Up)</translation>
    </message>
    <message>
        <source>Ned</source>
        <translation>Down</translation>
    </message>
    <message>
        <source>Flyt partneren ned (Alt+Ned)</source>
        <translation>Move the partner down (Alt+Down)</translation>
    </message>
    <message>
        <source>&amp;Fjern …</source>
        <translation>&amp;Remove …</translation>
    </message>
    <message>
        <source>Navn</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Rolle</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>Beslutningsmandat</source>
        <translation>Decision-making mandate</translation>
    </message>
    <message>
        <source>Hvorfor nu – og om hvad?</source>
        <translation>Why now – and about what?</translation>
    </message>
    <message>
        <source>Fx klimachef i Teknik og Miljø</source>
        <translation>E.g. head of climate, Technical and Environmental Services</translation>
    </message>
    <message>
        <source>Hvad kan partneren beslutte her, og hvad kræver andres godkendelse?</source>
        <translation>What can the partner decide here, and what needs someone else&apos;s approval?</translation>
    </message>
    <message>
        <source>Hvorfor afsøges partnerskabet netop nu – og om hvad?</source>
        <translation>Why is the partnership being explored right now – and about what?</translation>
    </message>
    <message>
        <source>&amp;Navn</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <source>&amp;Organisation</source>
        <translation>&amp;Organisation</translation>
    </message>
    <message>
        <source>&amp;Rolle</source>
        <translation>Ro&amp;le</translation>
    </message>
    <message>
        <source>Beslutnings&amp;mandat</source>
        <translation>Decision-making &amp;mandate</translation>
    </message>
    <message>
        <source>&amp;Hvorfor nu?</source>
        <translation>&amp;Why now?</translation>
    </message>
    <message>
        <source>Farve %1</source>
        <translation>Colour %1</translation>
    </message>
    <message>
        <source>Farve</source>
        <translation>Colour</translation>
    </message>
    <message numerus="yes">
        <source>%n partner(e)</source>
        <translation>
            <numerusform>%n partner</numerusform>
            <numerusform>%n partners</numerusform>
        </translation>
    </message>
    <message>
        <source>Fjern partner</source>
        <translation>Remove partner</translation>
    </message>
    <message>
        <source>Vil du fjerne %1 fra sessionen? Alt, hvad partneren har skrevet, fjernes også.</source>
        <translation>Remove %1 from the session? Everything the partner has written will be removed too.</translation>
    </message>
</context>
<context>
    <name>Placeholder</name>
    <message>
        <source>forandringscirklen</source>
        <translation>the change circle</translation>
    </message>
    <message>
        <source>bidragscirklen</source>
        <translation>the contribution circle</translation>
    </message>
    <message>
        <source>skaleringscirklen</source>
        <translation>the scaling circle</translation>
    </message>
    <message>
        <source>skabelonen »Hvordan kommer vi videre?«</source>
        <translation>the template “How do we move forward?”</translation>
    </message>
    <message>
        <source>Skabelonen vises her</source>
        <translation>The template appears here</translation>
    </message>
    <message>
        <source>Her kommer en stor visning af %1, som du kan gennemgå med partnerne på projektoren.</source>
        <translation>Here you will see a large view of %1 to go through with the partners on the projector.</translation>
    </message>
    <message>
        <source>Cirklerne udfyldes her</source>
        <translation>The circles are filled in here</translation>
    </message>
    <message>
        <source>Her kommer %1 for hver partner: partnerne skriver selv, eller du taster ind fra papir, element for element, så hvert element kan blive en post-it på tavlen.</source>
        <translation>This is where %1 will be filled in for each partner: the partners type themselves, or you type it in from paper, element by element, so each element can become a post-it on the board.</translation>
    </message>
    <message>
        <source>Gennemgang af cirklerne</source>
        <translation>Sharing the circles</translation>
    </message>
    <message>
        <source>Her vises én partners cirkel ad gangen, stort, med næste og forrige partner.</source>
        <translation>Here one partner&apos;s circle will be shown at a time, large, with next and previous partner.</translation>
    </message>
    <message>
        <source>Den fælles tekst</source>
        <translation>The joint text</translation>
    </message>
    <message>
        <source>Her skriver gruppen den fælles tekst med de sorterede elementer ved siden af.</source>
        <translation>Here the group writes the joint text, with the sorted elements alongside.</translation>
    </message>
    <message>
        <source>Næste skridt</source>
        <translation>Next steps</translation>
    </message>
    <message>
        <source>Her aftaler partnerne hvem der gør hvad, hvor meget og hvornår, og aftalearket eksporteres som PDF.</source>
        <translation>Here the partners agree who does what, how much and by when, and the next-steps sheet is exported as a PDF.</translation>
    </message>
    <message>
        <source>Kommer snart</source>
        <translation>Coming soon</translation>
    </message>
    <message>
        <source>Denne arbejdsflade bygges i en senere version.</source>
        <translation>This workspace will be built in a later version.</translation>
    </message>
    <message>
        <source>Indlæser trinnet</source>
        <translation>Loading the step</translation>
    </message>
</context>
<context>
    <name>PlanningDialog</name>
    <message>
        <source>Planlægning og indbydelse</source>
        <translation>Planning and invitation</translation>
    </message>
    <message>
        <source>Tjekliste</source>
        <translation>Checklist</translation>
    </message>
    <message>
        <source>Indbydelse</source>
        <translation>Invitation</translation>
    </message>
    <message>
        <source>Værtskab begynder i planlægningen. Sæt flueben, efterhånden som det er på plads, og skriv en note, hvor det hjælper.</source>
        <translation>Hosting begins with the planning. Tick things off as they fall into place, and add a note where it helps.</translation>
    </message>
    <message>
        <source>Note …</source>
        <translation>Note …</translation>
    </message>
    <message>
        <source>Note: %1</source>
        <translation>Note: %1</translation>
    </message>
    <message>
        <source>Indbydelsen bygges ud fra sessionens tid, sted og program, og beder partnerne forberede ressourcer, beslutningsmandat og dokumentation. Kopiér den til din e-mail.</source>
        <translation>The invitation is built from the session&apos;s time, place and programme, and asks the partners to prepare resources, decision-making mandate and documentation. Copy it into your email.</translation>
    </message>
    <message>
        <source>Kopiér indbydelsen</source>
        <translation>Copy the invitation</translation>
    </message>
    <message>
        <source>Kopieret ✓</source>
        <translation>Copied ✓</translation>
    </message>
    <message>
        <source>Noten er ikke gemt</source>
        <translation>The note is not saved</translation>
    </message>
    <message>
        <source>En note kunne ikke gemmes. Ret årsagen i statuslinjen og luk igen.</source>
        <translation>A note could not be saved. Fix the cause shown in the status bar and close again.</translation>
    </message>
</context>
<context>
    <name>PrinciplesWorkspace</name>
    <message>
        <source>Vejledende principper</source>
        <translation>Guiding principles</translation>
    </message>
    <message>
        <source>Rund introduktionen af med højst tre vejledende principper for dagens samtaler, fx hvordan I lytter, hvordan uenighed håndteres, og hvordan tiden holdes.</source>
        <translation>Close the introduction with at most three guiding principles for the day&apos;s conversations, e.g. how you listen, how disagreement is handled and how time is kept.</translation>
    </message>
    <message>
        <source>Princip %1</source>
        <translation>Principle %1</translation>
    </message>
    <message>
        <source>Skriv et princip …</source>
        <translation>Write a principle …</translation>
    </message>
</context>
<context>
    <name>ProgramsDialog</name>
    <message>
        <source>Programmer</source>
        <translation>Programs</translation>
    </message>
    <message>
        <source>&amp;Navn på kopien:</source>
        <translation>&amp;Name of the copy:</translation>
    </message>
    <message>
        <source>Navn på kopien</source>
        <translation>Name of the copy</translation>
    </message>
    <message>
        <source>Programmets trin og minutter</source>
        <translation>The program&apos;s steps and minutes</translation>
    </message>
    <message>
        <source>Punkt</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>Titel</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>Minutter</source>
        <translation>Minutes</translation>
    </message>
    <message>
        <source>Ret titler og minutter direkte i tabellen (Enter eller F2 på en celle). En dels minutter er summen af dens trin. Kopien tjekkes som en programfil, før den gemmes.</source>
        <translation>Edit titles and minutes right in the table (Enter or F2 on a cell). A part&apos;s minutes are the sum of its steps. The copy is checked as a program file before it is saved.</translation>
    </message>
    <message>
        <source>&amp;Kopiér og ret …</source>
        <translation>&amp;Copy and edit …</translation>
    </message>
    <message>
        <source>Lav en kopi af programmet, hvor du kan rette titler og minutter</source>
        <translation>Make a copy of the program in which you can edit titles and minutes</translation>
    </message>
    <message>
        <source>&amp;Gem kopien</source>
        <translation>&amp;Save the copy</translation>
    </message>
    <message>
        <source>&amp;Fortryd rettelserne</source>
        <translation>&amp;Discard the edits</translation>
    </message>
    <message>
        <source>gemt</source>
        <translation>saved</translation>
    </message>
    <message>
        <source>medfølger</source>
        <translation>bundled</translation>
    </message>
    <message>
        <source>%1 t %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>Del</source>
        <translation>Part</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Break</translation>
    </message>
    <message>
        <source>Trin</source>
        <translation>Step</translation>
    </message>
    <message>
        <source>%1 (kopi)</source>
        <translation>%1 (copy)</translation>
    </message>
</context>
<context>
    <name>ProjectorWindow</name>
    <message>
        <source>Projektor – Facilitator</source>
        <extracomment>F5 pressed in the projector window itself. Percent of the size that fits the screen (Indstillinger → Projektorens tekst).</extracomment>
        <translation>Projector – Facilitator</translation>
    </message>
    <message>
        <source>Nedtælling</source>
        <translation>Countdown</translation>
    </message>
    <message>
        <source>Pause</source>
        <extracomment>A live view (the board) shown instead of the HTML content. How to join the room, beside the step while the room is open (see `show_room`).</extracomment>
        <translation>Break</translation>
    </message>
</context>
<context>
    <name>QrCodeView</name>
    <message>
        <source>QR-kode til %1</source>
        <extracomment>Modules of white around the code: the QR standard&apos;s quiet zone, which scanners need.</extracomment>
        <translation>QR code for %1</translation>
    </message>
</context>
<context>
    <name>RecoveryDialog</name>
    <message>
        <source>Databasen er beskadiget</source>
        <translation>The database is damaged</translation>
    </message>
    <message>
        <source>&lt;b&gt;Databasen kan ikke læses.&lt;/b&gt;&lt;br&gt;Filen er beskadiget, måske efter et strømsvigt eller en fuld disk. Appen har ikke ændret den.</source>
        <translation>&lt;b&gt;The database cannot be read.&lt;/b&gt;&lt;br&gt;The file is damaged, perhaps after a power cut or a full disk. The app has not changed it.</translation>
    </message>
    <message>
        <source>Den nyeste gode sikkerhedskopi er fra %1.
%2

Ved gendannelse eller tom start lægges den beskadigede fil til side i datamappen, så intet slettes.</source>
        <translation>The newest good backup was made %1.
%2

Whether you restore it or start empty, the damaged file is set aside in the data folder, so nothing is deleted.</translation>
    </message>
    <message>
        <source>Der er ingen brugbar sikkerhedskopi. Ved tom start lægges den beskadigede fil til side i datamappen, så intet slettes.</source>
        <translation>There is no usable backup. If you start empty, the damaged file is set aside in the data folder, so nothing is deleted.</translation>
    </message>
    <message>
        <source>&amp;Gendan sikkerhedskopien</source>
        <translation>&amp;Restore the backup</translation>
    </message>
    <message>
        <source>&amp;Start med en tom database</source>
        <translation>&amp;Start with an empty database</translation>
    </message>
    <message>
        <source>&amp;Afslut</source>
        <translation>&amp;Quit</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <source>Gendan fra sikkerhedskopi</source>
        <extracomment>&quot;i dag&quot; and &quot;i går&quot; on the app&apos;s clock (the window&apos;s), not the computer&apos;s calendar.</extracomment>
        <translation>Restore from backup</translation>
    </message>
    <message>
        <source>Appen gemmer en sikkerhedskopi af hele databasen, når en session åbnes, hvert 10. minut mens der skrives, og før hver opdatering. Vælg den, du vil tilbage til. Det, der er nu, gemmes først som en ny sikkerhedskopi, så en gendannelse kan gøres om.</source>
        <translation>The app saves a backup of the whole database when a session is opened, every 10 minutes while you write, and before every update. Choose the one you want to go back to. What is there now is saved first as a new backup, so a restore can be undone.</translation>
    </message>
    <message>
        <source>Sikkerhedskopier</source>
        <translation>Backups</translation>
    </message>
    <message>
        <source>Tidspunkt</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Anledning</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Indhold</source>
        <translation>Contents</translation>
    </message>
    <message>
        <source>Der er ingen sikkerhedskopier endnu.</source>
        <translation>There are no backups yet.</translation>
    </message>
    <message>
        <source>&amp;Gendan</source>
        <translation>&amp;Restore</translation>
    </message>
</context>
<context>
    <name>ReviewWorkspace</name>
    <message>
        <source>‹ Forrige partner</source>
        <extracomment>(partner, circle or None when the partner has none yet, caption of the circle)</extracomment>
        <translation>‹ Previous partner</translation>
    </message>
    <message>
        <source>Forrige partner (PgUp)</source>
        <translation>Previous partner (PgUp)</translation>
    </message>
    <message>
        <source>Næste partner ›</source>
        <translation>Next partner ›</translation>
    </message>
    <message>
        <source>Næste partner (PgDown)</source>
        <translation>Next partner (PgDown)</translation>
    </message>
    <message>
        <source>Værdiformer</source>
        <translation>Value forms</translation>
    </message>
    <message>
        <source>Vis eller skjul værdiformerne (kun for dig, ikke på projektoren)</source>
        <translation>Show or hide the value forms (only for you, not on the projector)</translation>
    </message>
    <message>
        <source>Vis &amp;cirklen</source>
        <translation>Show the &amp;circle</translation>
    </message>
    <message>
        <source>Vis partnerens cirkel på projektoren (Fortryd skjuler den igen)</source>
        <translation>Show the partner&apos;s circle on the projector (Undo hides it again)</translation>
    </message>
    <message>
        <source>Vis cirkl&amp;erne</source>
        <translation>Show all c&amp;ircles</translation>
    </message>
    <message>
        <source>Vis alle partneres cirkler på projektoren</source>
        <translation>Show every partner&apos;s circle on the projector</translation>
    </message>
    <message>
        <source>Partnerens cirkel</source>
        <translation>The partner&apos;s circle</translation>
    </message>
    <message>
        <source>Der er ingen partnere endnu.</source>
        <translation>There are no partners yet.</translation>
    </message>
    <message>
        <source>%1 af %2</source>
        <translation>%1 of %2</translation>
    </message>
    <message>
        <source>Skjult på projektoren, til du viser den.</source>
        <translation>Hidden on the projector until you show it.</translation>
    </message>
    <message numerus="yes">
        <source>%n cirkel(er) er endnu skjult på projektoren.</source>
        <translation>
            <numerusform>%n circle is still hidden on the projector.</numerusform>
            <numerusform>%n circles are still hidden on the projector.</numerusform>
        </translation>
    </message>
    <message>
        <source>Vis cirklen</source>
        <translation>Show the circle</translation>
    </message>
    <message>
        <source>Vis cirklerne</source>
        <translation>Show the circles</translation>
    </message>
    <message>
        <source>Cirklen vises, når I gennemgår den.</source>
        <translation>The circle is shown when you go through it together.</translation>
    </message>
</context>
<context>
    <name>RoomControl</name>
    <message>
        <source>Rummet</source>
        <extracomment>The port the room asks for first: short enough to read off the projector and type. The ports tried in turn: the preferred one, then any free one (another app may hold it). How often the window looks whether the room&apos;s process listens yet, while it starts. How often the window checks that the room&apos;s process keeps its time. The room panel&apos;s width beside the session: narrow, so the circle keeps its room on a 1366x768 laptop screen. Several devices writing at once redraw the step once, this soon after the first. Devices joining at once (a room of sixty phones) redraw the panel&apos;s list once. Partners&apos; new elements are drawn together, this long after the first of them arrived: each new line lays out its card and repaints the circle, and a few at once cost about what one costs, so a drag or typing in between keeps its frames. Well within the second the method allows for a partner&apos;s words to reach the facilitator&apos;s screen. At most this long drawing per turn; the rest follows soon after (a partner on two devices writing at full speed). The action fields a partner may change from a device, put back by undo. The room opened (True) or closed (False). Serve the room from a process of its own (see `facilitator.room.process`); a test of the window&apos;s own threads may turn it off. The address to serve on: the laptop&apos;s own unless the facilitator chose another. Partner id -&gt; name, for the undo steps&apos; words.</extracomment>
        <translation>The room</translation>
    </message>
    <message>
        <source>Åbner rummet …</source>
        <extracomment>Undo steps for partners&apos; changes while the step on screen keeps no history of its own. Partners&apos; elements waiting to be drawn, oldest first. True while a device&apos;s own change goes onto the undo stack: the room has told the pages that should look again already, and only those (see `Room.scope_of`).</extracomment>
        <translation>Opening the room …</translation>
    </message>
    <message>
        <source>Rummet kan ikke åbnes</source>
        <translation>The room cannot be opened</translation>
    </message>
    <message>
        <source>Rummet er åbent: %1</source>
        <translation>The room is open: %1</translation>
    </message>
    <message>
        <source>Fra %1: tilføj »%2«</source>
        <translation>From %1: add “%2”</translation>
    </message>
    <message>
        <source>Fra %1: fjern »%2«</source>
        <translation>From %1: remove “%2”</translation>
    </message>
    <message>
        <source>Fra %1: ret »%2«</source>
        <translation>From %1: edit “%2”</translation>
    </message>
    <message>
        <source>Fra %1: ret handlingen »%2«</source>
        <translation>From %1: edit the action “%2”</translation>
    </message>
    <message>
        <source>Fra %1: status for »%2«</source>
        <translation>From %1: status of “%2”</translation>
    </message>
    <message>
        <source>en enhed</source>
        <translation>a device</translation>
    </message>
</context>
<context>
    <name>RoomJoinView</name>
    <message>
        <source>Skriv selv med: scan koden</source>
        <translation>Write along: scan the code</translation>
    </message>
    <message>
        <source>Kode: %1</source>
        <translation>Code: %1</translation>
    </message>
    <message>
        <source>Kode til rummet: %1</source>
        <translation>Room code: %1</translation>
    </message>
</context>
<context>
    <name>RoomPanel</name>
    <message>
        <source>Rummet er åbent</source>
        <extracomment>The facilitator chose another network address to serve on. Show (or hide) how to join on the projector.</extracomment>
        <translation>The room is open</translation>
    </message>
    <message>
        <source>&amp;Kopiér adressen</source>
        <extracomment>The whole join address, secret included (the label shows what a person types).</extracomment>
        <translation>&amp;Copy the address</translation>
    </message>
    <message>
        <source>Den fulde adresse med rummets hemmelige nøgle, til at dele eller prøve selv</source>
        <translation>The full address with the room&apos;s secret key, to share or try yourself</translation>
    </message>
    <message>
        <source>&amp;Netværk:</source>
        <translation>&amp;Network:</translation>
    </message>
    <message>
        <source>Rummet svarer kun på dette netværk. »Alle netværk« kun, hvis du ved, du vil det.</source>
        <translation>The room answers on this network only. Choose “All networks” only if you know you want that.</translation>
    </message>
    <message>
        <source>Vis &amp;adgangen på projektoren</source>
        <translation>Show how to join on the &amp;projector</translation>
    </message>
    <message>
        <source>Godkend &amp;alle i dag</source>
        <translation>Approve &amp;everyone today</translation>
    </message>
    <message>
        <source>Hver enhed må skrive, så snart den har valgt sin partner</source>
        <translation>Every device may write as soon as it has chosen its partner</translation>
    </message>
    <message>
        <source>Tilsluttede enheder</source>
        <translation>Connected devices</translation>
    </message>
    <message>
        <source>Ingen endnu. Partnerne scanner koden på projektoren.</source>
        <translation>None yet. The partners scan the code on the projector.</translation>
    </message>
    <message>
        <source>&amp;Luk rummet</source>
        <translation>&amp;Close the room</translation>
    </message>
    <message>
        <source>Kode: %1</source>
        <translation>Code: %1</translation>
    </message>
    <message>
        <source>%1 (kun denne computer)</source>
        <translation>%1 (this computer only)</translation>
    </message>
    <message>
        <source>Alle netværk (%1)</source>
        <translation>All networks (%1)</translation>
    </message>
    <message numerus="yes">
        <source>%n enhed(er) tilsluttet</source>
        <translation>
            <numerusform>%n device connected</numerusform>
            <numerusform>%n devices connected</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n venter på godkendelse</source>
        <translation>
            <numerusform>%n waiting for approval</numerusform>
            <numerusform>%n waiting for approval</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SessionDetailsWorkspace</name>
    <message>
        <source>Sessionens rammer</source>
        <translation>Framing the session</translation>
    </message>
    <message>
        <source>Ramm sessionen ind: hvad er formålet, hvad er ikke formålet, hvordan dokumenteres der undervejs, og hvilken rolle har du som facilitator?</source>
        <translation>Frame the session: what is it for, what is it not for, how will the work be documented along the way, and what is your role as facilitator?</translation>
    </message>
    <message>
        <source>Titel</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>Dato</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Sted</source>
        <translation>Place</translation>
    </message>
    <message>
        <source>Facilitator</source>
        <translation>Facilitator</translation>
    </message>
    <message>
        <source>Starttidspunkt</source>
        <translation>Start time</translation>
    </message>
    <message>
        <source>&amp;Titel</source>
        <translation>&amp;Title</translation>
    </message>
    <message>
        <source>&amp;Dato</source>
        <translation>&amp;Date</translation>
    </message>
    <message>
        <source>&amp;Sted</source>
        <translation>Pl&amp;ace</translation>
    </message>
    <message>
        <source>&amp;Facilitator</source>
        <translation>&amp;Facilitator</translation>
    </message>
    <message>
        <source>St&amp;arttidspunkt</source>
        <translation>&amp;Start time</translation>
    </message>
    <message>
        <source>Formål: %1</source>
        <translation>Purpose: %1</translation>
    </message>
    <message>
        <source>Materialer: %1</source>
        <translation>Materials: %1</translation>
    </message>
</context>
<context>
    <name>SessionFiles</name>
    <message>
        <source>Sessionsfilen kan ikke gemmes</source>
        <translation>The session file cannot be saved</translation>
    </message>
    <message>
        <source>Eksportér sessionsfil</source>
        <translation>Export session file</translation>
    </message>
    <message>
        <source>Facilitator-sessionsfil (*.json)</source>
        <translation>Facilitator session file (*.json)</translation>
    </message>
    <message>
        <source>Gemt: %1</source>
        <translation>Saved: %1</translation>
    </message>
    <message>
        <source>Sessionen findes allerede</source>
        <translation>The session already exists</translation>
    </message>
    <message>
        <source>&lt;b&gt;»%1« findes allerede her.&lt;/b&gt;</source>
        <translation>&lt;b&gt;“%1” is already here.&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Behold begge, så filens udgave bliver en ny session ved siden af, eller erstat den, der er her, med filens udgave. Før en erstatning gemmes en sikkerhedskopi.</source>
        <translation>Keep both, so the file&apos;s version becomes a new session next to the existing one, or replace the one that is here with the file&apos;s version. A backup is saved before anything is replaced.</translation>
    </message>
    <message>
        <source>&amp;Behold begge</source>
        <translation>&amp;Keep both</translation>
    </message>
    <message>
        <source>&amp;Erstat</source>
        <translation>&amp;Replace</translation>
    </message>
    <message>
        <source>Importér sessionsfil</source>
        <translation>Import session file</translation>
    </message>
    <message>
        <source>Sessionsfilen er indlæst: %1</source>
        <translation>Session file imported: %1</translation>
    </message>
    <message>
        <source>Indlæser sessionsfilen …</source>
        <translation>Importing the session file …</translation>
    </message>
    <message>
        <source>Sessionsfilen kan ikke indlæses</source>
        <translation>The session file cannot be imported</translation>
    </message>
</context>
<context>
    <name>SessionPage</name>
    <message numerus="yes">
        <source>%n partner(e)</source>
        <extracomment>How long a step is on screen before the next step&apos;s screen is built in idle time. Short: each screen is built once per session anyway, so an early build is never wasted work, and a first visit then only shows it (bench/ui_stall.py: pauses over 100 ms 22 -&gt; 2). A passing word for the status bar. The step on screen changed (part or None for a break, the step). What the open step shows on the projector changed (HTML or None). True while a screen is built or read ahead for the next step (not on screen). The step the database says the session is on; opening it again writes nothing. Stands in for the step&apos;s workspace until the store has loaded (see `store_opened`).</extracomment>
        <translation>
            <numerusform>%n partner</numerusform>
            <numerusform>%n partners</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Indstillinger</source>
        <extracomment>Each language is offered in its own words, so someone who cannot read the other finds theirs.</extracomment>
        <translation>Settings</translation>
    </message>
    <message>
        <source>Sprog</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>&amp;Sprog / Language:</source>
        <translation>&amp;Language / Sprog:</translation>
    </message>
    <message>
        <source>Tekststørrelse i vinduet</source>
        <translation>Text size in the window</translation>
    </message>
    <message>
        <source>&amp;Tekststørrelse:</source>
        <translation>&amp;Text size:</translation>
    </message>
    <message>
        <source>Tekststørrelse på projektoren</source>
        <translation>Text size on the projector</translation>
    </message>
    <message>
        <source>&amp;Projektorens tekst:</source>
        <translation>&amp;Projector text:</translation>
    </message>
    <message>
        <source>Som systemet</source>
        <translation>As the system</translation>
    </message>
    <message>
        <source>Lyst</source>
        <translation>Light</translation>
    </message>
    <message>
        <source>Mørkt</source>
        <translation>Dark</translation>
    </message>
    <message>
        <source>Farver</source>
        <translation>Colours</translation>
    </message>
    <message>
        <source>&amp;Farver:</source>
        <translation>&amp;Colours:</translation>
    </message>
    <message>
        <source>Skifter du sprog, åbnes vinduet igen på samme sted. Programmets tekster, skabeloner og PDF&apos;er følger sproget. Projektorens tekst er i forhold til det, der passer til skærmen.</source>
        <translation>If you change the language, the window reopens at the same place. The programme&apos;s texts, templates and PDFs follow the language. The projector text size is relative to what suits the screen.</translation>
    </message>
</context>
<context>
    <name>Shortcuts</name>
    <message>
        <source>Mellemrum</source>
        <translation>Space</translation>
    </message>
    <message>
        <source>Ctrl+Højre</source>
        <translation>Ctrl+Right</translation>
    </message>
    <message>
        <source>Ctrl+Venstre</source>
        <translation>Ctrl+Left</translation>
    </message>
    <message>
        <source>Start, pause eller fortsæt tiden, også mens du skriver</source>
        <translation>Start, pause or resume the time, also while typing</translation>
    </message>
    <message>
        <source>Start, pause eller fortsæt tiden (ikke i et tekstfelt)</source>
        <translation>Start, pause or resume the time (not in a text field)</translation>
    </message>
    <message>
        <source>Næste trin (afslutter trinnet og starter det næste, hvis tiden kører), også mens du skriver</source>
        <translation>Next step (finishes the step and starts the next if the time is running), also while typing</translation>
    </message>
    <message>
        <source>Forrige trin, også mens du skriver</source>
        <translation>Previous step, also while typing</translation>
    </message>
    <message>
        <source>Næste trin, som Alt+PgDown (ikke i et tekstfelt: der flytter den et ord)</source>
        <translation>Next step, like Alt+PgDown (not in a text field: there it moves by a word)</translation>
    </message>
    <message>
        <source>Forrige trin (ikke i et tekstfelt)</source>
        <translation>Previous step (not in a text field)</translation>
    </message>
    <message>
        <source>Giv trinnet 1 minut mere</source>
        <translation>Give the step 1 more minute</translation>
    </message>
    <message>
        <source>Giv trinnet 5 minutter mere</source>
        <translation>Give the step 5 more minutes</translation>
    </message>
    <message>
        <source>Vis eller skjul projektorvisningen</source>
        <translation>Show or hide the projector view</translation>
    </message>
    <message>
        <source>Forlad fuld skærm på projektoren</source>
        <translation>Leave full screen on the projector</translation>
    </message>
    <message>
        <source>Vis eller skjul vejledningen</source>
        <translation>Show or hide the guidance</translation>
    </message>
    <message>
        <source>Menu / Shift+F10</source>
        <translation>Menu / Shift+F10</translation>
    </message>
    <message>
        <source>Ændr trinnet i dagsordenen: varighed, spring over, flyt pausen</source>
        <translation>Change the step in the agenda: duration, skip, move the break</translation>
    </message>
    <message>
        <source>Fortryd / gentag i trinnet (i et tekstfelt: teksten)</source>
        <translation>Undo / redo in the step (in a text field: the text)</translation>
    </message>
    <message>
        <source>Cirkler: tilføj elementet og skriv det næste</source>
        <translation>Circles: add the element and write the next one</translation>
    </message>
    <message>
        <source>Cirkler: næste spørgsmål</source>
        <translation>Circles: next question</translation>
    </message>
    <message>
        <source>Cirkler og gennemgang: næste / forrige partner</source>
        <translation>Circles and sharing: next / previous partner</translation>
    </message>
    <message>
        <source>Cirkler: værdiformer for elementet</source>
        <translation>Circles: value forms for the element</translation>
    </message>
    <message>
        <source>Cirkler: fjern elementet (kan fortrydes)</source>
        <translation>Circles: remove the element (can be undone)</translation>
    </message>
    <message>
        <source>Ny forandringscirkel til partneren</source>
        <translation>New change circle for the partner</translation>
    </message>
    <message>
        <source>Fælles tekst: gå til de sorterede elementer; Enter sætter ind</source>
        <translation>Joint text: go to the sorted elements; Enter inserts</translation>
    </message>
    <message>
        <source>Værdiformer for hele dagen</source>
        <translation>Value forms for the whole day</translation>
    </message>
    <message>
        <source>Tavle: send de valgte post-its til første, anden eller tredje zone</source>
        <translation>Board: send the selected post-its to the first, second or third zone</translation>
    </message>
    <message>
        <source>Tavle: send de valgte post-its tilbage til Ikke sorteret</source>
        <translation>Board: send the selected post-its back to Not sorted</translation>
    </message>
    <message>
        <source>Tavle: næste / forrige post-it (Ctrl+Tab forlader tavlen)</source>
        <translation>Board: next / previous post-it (Ctrl+Tab leaves the board)</translation>
    </message>
    <message>
        <source>Piletaster</source>
        <translation>Arrow keys</translation>
    </message>
    <message>
        <source>Tavle: flyt de valgte post-its (med Shift: et lille stykke)</source>
        <translation>Board: move the selected post-its (with Shift: a small step)</translation>
    </message>
    <message>
        <source>Tavle: ret post-ittens tekst (eller dobbeltklik)</source>
        <translation>Board: edit the post-it&apos;s text (or double-click)</translation>
    </message>
    <message>
        <source>Tavle: fjern de valgte post-its (kan fortrydes)</source>
        <translation>Board: remove the selected post-its (can be undone)</translation>
    </message>
    <message>
        <source>Tavle: stak de valgte post-its / opløs stakken</source>
        <translation>Board: stack the selected post-its / break up the stack</translation>
    </message>
    <message>
        <source>Tavle: flet dubletter til én post-it</source>
        <translation>Board: merge duplicates into one post-it</translation>
    </message>
    <message>
        <source>Tavle: ryd op i alle zoner</source>
        <translation>Board: tidy up all zones</translation>
    </message>
    <message>
        <source>Tavle: skriv en ny post-it (Ctrl+PgDown / Ctrl+PgUp skifter forfatter)</source>
        <translation>Board: write a new post-it (Ctrl+PgDown / Ctrl+PgUp changes author)</translation>
    </message>
    <message>
        <source>Ctrl+hjul / Ctrl+plus / Ctrl+minus</source>
        <translation>Ctrl+wheel / Ctrl+plus / Ctrl+minus</translation>
    </message>
    <message>
        <source>Tavle: zoom; Ctrl+0 viser hele tavlen</source>
        <translation>Board: zoom; Ctrl+0 shows the whole board</translation>
    </message>
    <message>
        <source>Næste skridt: skriv en handling (@ansvarlig !dato, Enter tilføjer)</source>
        <translation>Next steps: write an action (@owner !date, Enter adds it)</translation>
    </message>
    <message>
        <source>Næste skridt: vælg området for nye handlinger</source>
        <translation>Next steps: choose the area for new actions</translation>
    </message>
    <message>
        <source>Næste skridt: ret cellen (ansvarlig, dato, status …)</source>
        <translation>Next steps: edit the cell (owner, date, status …)</translation>
    </message>
    <message>
        <source>Alt+Op / Alt+Ned</source>
        <translation>Alt+Up / Alt+Down</translation>
    </message>
    <message>
        <source>Næste skridt: flyt handlingen (over i næste område ved enden)</source>
        <translation>Next steps: move the action (into the next area at the end)</translation>
    </message>
    <message>
        <source>Næste skridt: slet handlingen (kan fortrydes)</source>
        <translation>Next steps: delete the action (can be undone)</translation>
    </message>
    <message>
        <source>Næste skridt: vis eller skjul beslutningsreglen</source>
        <translation>Next steps: show or hide the decision rule</translation>
    </message>
    <message>
        <source>Eksportér aftaleark, rapport, skabeloner, invitation, CSV eller kalender</source>
        <translation>Export next-steps sheet, report, templates, invitation, CSV or calendar</translation>
    </message>
    <message>
        <source>Importér en sessionsfil</source>
        <translation>Import a session file</translation>
    </message>
    <message>
        <source>Startsiden: slet den valgte session (spørger først)</source>
        <translation>Start page: delete the selected session (asks first)</translation>
    </message>
    <message>
        <source>Ny session</source>
        <translation>New session</translation>
    </message>
    <message>
        <source>Luk session</source>
        <translation>Close session</translation>
    </message>
    <message>
        <source>Afslut</source>
        <translation>Quit</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Tastaturgenveje</source>
        <translation>Keyboard shortcuts</translation>
    </message>
    <message>
        <source>Alt, der kan gøres med musen, kan også gøres med tastaturet.</source>
        <translation>Everything you can do with the mouse, you can also do with the keyboard.</translation>
    </message>
    <message>
        <source>Taster</source>
        <translation>Keys</translation>
    </message>
    <message>
        <source>Handling</source>
        <translation>Action</translation>
    </message>
</context>
<context>
    <name>StartPage</name>
    <message>
        <source>Facilitator</source>
        <translation>Facilitator</translation>
    </message>
    <message>
        <source>Partnerskabsdannelse for bæredygtig omstilling – en hel dag, trin for trin.</source>
        <translation>Forming partnerships for sustainable transition – a full day, step by step.</translation>
    </message>
    <message>
        <source>Ny partnerskabssession</source>
        <translation>New partnership session</translation>
    </message>
    <message>
        <source>Program</source>
        <translation>Programme</translation>
    </message>
    <message>
        <source>Fx Kystpartnerskab Vesterhavsbugten</source>
        <translation>E.g. Vesterhavsbugten coastal partnership</translation>
    </message>
    <message>
        <source>Titel</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>Dato</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Starttidspunkt</source>
        <translation>Start time</translation>
    </message>
    <message>
        <source>Fx Hotel Nyborg Strand</source>
        <translation>E.g. Hotel Nyborg Strand</translation>
    </message>
    <message>
        <source>Sted</source>
        <translation>Place</translation>
    </message>
    <message>
        <source>&amp;Program</source>
        <translation>&amp;Programme</translation>
    </message>
    <message>
        <source>&amp;Titel</source>
        <translation>&amp;Title</translation>
    </message>
    <message>
        <source>&amp;Dato</source>
        <translation>&amp;Date</translation>
    </message>
    <message>
        <source>St&amp;art</source>
        <translation>&amp;Start</translation>
    </message>
    <message>
        <source>&amp;Sted</source>
        <translation>Pl&amp;ace</translation>
    </message>
    <message>
        <source>&amp;Facilitator</source>
        <translation>&amp;Facilitator</translation>
    </message>
    <message>
        <source>&amp;Opret session</source>
        <translation>&amp;Create session</translation>
    </message>
    <message>
        <source>Seneste sessioner</source>
        <translation>Recent sessions</translation>
    </message>
    <message>
        <source>Ingen sessioner endnu. Opret en ny, eller åbn demosessionen for at se, hvordan en dag forløber.</source>
        <translation>No sessions yet. Create a new one, or open the demo session to see how a day unfolds.</translation>
    </message>
    <message>
        <source>Opret &amp;demosession</source>
        <translation>Create de&amp;mo session</translation>
    </message>
    <message>
        <source>Å&amp;bn</source>
        <translation>&amp;Open</translation>
    </message>
    <message>
        <source>S&amp;let …</source>
        <translation>De&amp;lete …</translation>
    </message>
    <message>
        <source>Slet den valgte session for altid (Delete)</source>
        <translation>Delete the selected session for good (Delete)</translation>
    </message>
    <message>
        <source>&amp;Importér …</source>
        <translation>&amp;Import …</translation>
    </message>
    <message>
        <source>Indlæs en sessionsfil fra en anden facilitator (Ctrl+Shift+I)</source>
        <translation>Import a session file from another facilitator (Ctrl+Shift+I)</translation>
    </message>
    <message>
        <source>Partnerskab: %1</source>
        <translation>Partnership: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n møder</source>
        <translation>
            <numerusform>%n meeting</numerusform>
            <numerusform>%n meetings</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 t %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message numerus="yes">
        <source>%n dele</source>
        <translation>
            <numerusform>%n part</numerusform>
            <numerusform>%n parts</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StatusBoardWorkspace</name>
    <message>
        <source>Vælg en aftale og sæt lyset: 1 grøn, 2 gul, 3 rød, 0 intet lys. Skriv en kort kommentar og tryk Enter. Alt kan fortrydes (Ctrl+Z).</source>
        <extracomment>Dark text on the yellow light, white on green and red: readable on a washed-out projector. Each column&apos;s share of the table&apos;s width (the comment takes what is left). The action gets the most: its words make a row tall when squeezed. A cell&apos;s padding left and right in the style sheet, with a pixel to spare. Keys on the table that set the current action&apos;s light.</extracomment>
        <translation>Choose an agreement and set its light: 1 green, 2 yellow, 3 red, 0 no light. Type a short comment and press Enter. Everything can be undone (Ctrl+Z).</translation>
    </message>
    <message>
        <source>Statustavle</source>
        <translation>Status board</translation>
    </message>
    <message>
        <source>Aftale</source>
        <translation>Agreement</translation>
    </message>
    <message>
        <source>Ansvarlig</source>
        <translation>Owner</translation>
    </message>
    <message>
        <source>Frist</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Lys</source>
        <translation>Light</translation>
    </message>
    <message>
        <source>Kommentar</source>
        <translation>Comment</translation>
    </message>
    <message>
        <source>Ingen aftaler endnu. Aftaler fra sidste møde kommer med i en opfølgning.</source>
        <translation>No agreements yet. Agreements from the last meeting come along in a follow-up.</translation>
    </message>
    <message>
        <source>&amp;Grøn</source>
        <translation>&amp;Green</translation>
    </message>
    <message>
        <source>G&amp;ul</source>
        <translation>&amp;Yellow</translation>
    </message>
    <message>
        <source>&amp;Rød</source>
        <translation>&amp;Red</translation>
    </message>
    <message>
        <source>&amp;Intet lys</source>
        <translation>&amp;No light</translation>
    </message>
    <message>
        <source>&amp;Status:</source>
        <translation>&amp;Status:</translation>
    </message>
    <message>
        <source>Kort kommentar: hvem sagde hvad (Enter gemmer)</source>
        <translation>Short comment: who said what (Enter saves)</translation>
    </message>
    <message>
        <source>&amp;Kommentar:</source>
        <translation>&amp;Comment:</translation>
    </message>
    <message>
        <source>Overskredet: %1</source>
        <translation>Overdue: %1</translation>
    </message>
    <message>
        <source>Sæt lys: %1</source>
        <translation>Set light: %1</translation>
    </message>
    <message>
        <source>Sæt status: %1</source>
        <translation>Set status: %1</translation>
    </message>
    <message>
        <source>Ret kommentar</source>
        <translation>Edit comment</translation>
    </message>
    <message>
        <source>Ansvarlig og frist</source>
        <translation>Owner and due date</translation>
    </message>
    <message>
        <source>Lys og status</source>
        <translation>Light and status</translation>
    </message>
</context>
<context>
    <name>StepView</name>
    <message>
        <source>Instruktion til trinnet</source>
        <extracomment>(width, font) -&gt; the label&apos;s height for the text last measured.</extracomment>
        <translation>Instructions for the step</translation>
    </message>
    <message>
        <source>‹ Forrige trin</source>
        <translation>‹ Previous step</translation>
    </message>
    <message>
        <source>Næste trin ›</source>
        <translation>Next step ›</translation>
    </message>
    <message>
        <source>Forrige trin (Alt+PgUp eller Ctrl+Venstre)</source>
        <translation>Previous step (Alt+PgUp or Ctrl+Left)</translation>
    </message>
    <message>
        <source>Næste trin (Alt+PgDown eller Ctrl+Højre)</source>
        <translation>Next step (Alt+PgDown or Ctrl+Right)</translation>
    </message>
    <message>
        <source>Trin %1 af %2</source>
        <translation>Step %1 of %2</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Break</translation>
    </message>
    <message numerus="yes">
        <source>%n min</source>
        <translation>
            <numerusform>%n min</numerusform>
            <numerusform>%n min</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Teamarkiv</name>
    <message>
        <source>Teamarkivet</source>
        <translation>Team archive</translation>
    </message>
    <message>
        <source>Sender til teamarkivet …</source>
        <translation>Sending to the team archive …</translation>
    </message>
    <message>
        <source>Sendt til teamarkivet ved siden af arkivets udgave: »%1« (revision %2)</source>
        <translation>Sent to the team archive beside the archive&apos;s version: “%1” (revision %2)</translation>
    </message>
    <message>
        <source>Sendt til teamarkivet: »%1« som revision %2</source>
        <translation>Sent to the team archive: “%1” as revision %2</translation>
    </message>
    <message>
        <source>Sendt til teamarkivet: %1 sessioner</source>
        <translation>Sent to the team archive: %1 sessions</translation>
    </message>
    <message>
        <source>Hentet fra teamarkivet ved siden af din udgave: »%1« (revision %2)</source>
        <translation>Fetched from the team archive beside your version: “%1” (revision %2)</translation>
    </message>
    <message>
        <source>Hentet fra teamarkivet: »%1« (revision %2)</source>
        <translation>Fetched from the team archive: “%1” (revision %2)</translation>
    </message>
    <message>
        <source>Henter »%1« fra teamarkivet …</source>
        <translation>Fetching “%1” from the team archive …</translation>
    </message>
    <message>
        <source>Teamarkivet har revision %1, sendt af %2 %3.</source>
        <translation>The team archive has revision %1, sent by %2 %3.</translation>
    </message>
    <message>
        <source>Din udgave bygger på revision %1 og er ændret siden.</source>
        <translation>Your version is based on revision %1 and was changed since.</translation>
    </message>
    <message>
        <source>Din udgave er aldrig hentet fra teamarkivet.</source>
        <translation>Your version was never fetched from the team archive.</translation>
    </message>
    <message>
        <source>Ændret begge steder</source>
        <translation>Changed in both places</translation>
    </message>
    <message>
        <source>&lt;b&gt;Sessionen er ændret både i teamarkivet og her. Intet er skrevet.&lt;/b&gt;</source>
        <translation>&lt;b&gt;The session was changed both in the team archive and here. Nothing was written.&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1 sessioner er ændret både i teamarkivet og her. De er ikke sendt.&lt;/b&gt;</source>
        <translation>&lt;b&gt;%1 sessions were changed both in the team archive and here. They were not sent.&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Behold begge gemmer din udgave i teamarkivet som en ny session ved siden af arkivets.</source>
        <translation>Keep both stores your version in the team archive as a new session beside the archive&apos;s.</translation>
    </message>
    <message>
        <source>Behold begge henter arkivets udgave som en ny session ved siden af din.</source>
        <translation>Keep both fetches the archive&apos;s version as a new session beside yours.</translation>
    </message>
    <message>
        <source>&amp;Behold begge</source>
        <translation>&amp;Keep both</translation>
    </message>
</context>
<context>
    <name>TemplateWorkspace</name>
    <message>
        <source>Skabelonen</source>
        <translation>The template</translation>
    </message>
    <message>
        <source>1. Individuel refleksion: %1</source>
        <translation>1. Individual reflection: %1</translation>
    </message>
    <message>
        <source>2. Fælles analyse: %1</source>
        <translation>2. Joint analysis: %1</translation>
    </message>
    <message>
        <source>3. Fælles refleksion: %1</source>
        <translation>3. Joint reflection: %1</translation>
    </message>
</context>
<context>
    <name>TimerBar</name>
    <message>
        <source>Nedtælling</source>
        <extracomment>Number of on/off changes in the flash when a step&apos;s time is up. &apos;Next step&apos; was pressed: close the step under way and start the next. The facilitator wants to see the step that is under way.</extracomment>
        <translation>Countdown</translation>
    </message>
    <message>
        <source>Forskel fra planen</source>
        <translation>Difference from the plan</translation>
    </message>
    <message>
        <source>Vis trinnet</source>
        <translation>Show step</translation>
    </message>
    <message>
        <source>Gå til trinnet, hvor tiden kører</source>
        <translation>Go to the step whose timer is running</translation>
    </message>
    <message>
        <source>Start dette trin</source>
        <translation>Start this step</translation>
    </message>
    <message>
        <source>Afslut trinnet, der kører, og start tiden for dette trin</source>
        <translation>End the running step and start the timer for this one</translation>
    </message>
    <message>
        <source>+1</source>
        <translation>+1</translation>
    </message>
    <message>
        <source>Giv trinnet 1 minut mere (Ctrl+1)</source>
        <translation>Give the step 1 more minute (Ctrl+1)</translation>
    </message>
    <message>
        <source>Et minut mere</source>
        <translation>One more minute</translation>
    </message>
    <message>
        <source>+5</source>
        <translation>+5</translation>
    </message>
    <message>
        <source>Giv trinnet 5 minutter mere (Ctrl+5)</source>
        <translation>Give the step 5 more minutes (Ctrl+5)</translation>
    </message>
    <message>
        <source>Fem minutter mere</source>
        <translation>Five more minutes</translation>
    </message>
    <message>
        <source>Nulstil trinnets tid</source>
        <translation>Reset the step&apos;s time</translation>
    </message>
    <message>
        <source>Næste trin ▸</source>
        <translation>Next step ▸</translation>
    </message>
    <message>
        <source>Afslut trinnet og start det næste (Ctrl+Højre)</source>
        <translation>End the step and start the next one (Ctrl+Right)</translation>
    </message>
    <message>
        <source>Klar til start</source>
        <translation>Ready to start</translation>
    </message>
    <message>
        <source>Tiden kører</source>
        <translation>Timer running</translation>
    </message>
    <message>
        <source>Snart slut</source>
        <translation>Almost over</translation>
    </message>
    <message>
        <source>Over tiden</source>
        <translation>Over time</translation>
    </message>
    <message>
        <source>På pause</source>
        <translation>Paused</translation>
    </message>
    <message>
        <source>Afsluttet · brugt tid</source>
        <translation>Finished · time used</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>Fortsæt</source>
        <translation>Continue</translation>
    </message>
    <message>
        <source>Genoptag</source>
        <translation>Resume</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>Start eller pause tiden (Mellemrum)</source>
        <translation>Start or pause the timer (Space)</translation>
    </message>
</context>
<context>
    <name>TimerSettingsDialog</name>
    <message>
        <source>Timerindstillinger</source>
        <translation>Timer settings</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Advarsel før slut</source>
        <translation>Warning before the end</translation>
    </message>
    <message>
        <source>Kort lyd, når tiden er gået</source>
        <translation>Short sound when time is up</translation>
    </message>
    <message>
        <source>Blink, når tiden er gået</source>
        <translation>Flash when time is up</translation>
    </message>
    <message>
        <source>Advarsel før slut:</source>
        <translation>Warning before the end:</translation>
    </message>
</context>
<context>
    <name>ValueChart</name>
    <message>
        <source>Klik på en værdiform (eller vælg med piletasterne og tryk Enter) for at læse om den i vejledningen.</source>
        <extracomment>A value form&apos;s row was clicked: the guidance topic to show.</extracomment>
        <translation>Click a value form (or choose one with the arrow keys and press Enter) to read about it in the guidance.</translation>
    </message>
    <message>
        <source>Værdiformer pr. partner</source>
        <translation>Value forms per partner</translation>
    </message>
    <message>
        <source>antal</source>
        <translation>count</translation>
    </message>
</context>
<context>
    <name>ValueFormsDialog</name>
    <message>
        <source>Værdiformer</source>
        <translation>Value forms</translation>
    </message>
    <message>
        <source>Hvilke værdiformer bærer partnernes elementer? Se efter kombinationer og forskelle: hvad deler rummet, og hvad står én partner alene med?</source>
        <translation>Which value forms do the partners&apos; elements carry? Look for combinations and differences: what does the room share, and where does one partner stand alone?</translation>
    </message>
    <message>
        <source>Hvilke cirkler</source>
        <translation>Which circles</translation>
    </message>
    <message>
        <source>Hele dagen</source>
        <translation>The whole day</translation>
    </message>
    <message>
        <source>Forandringscirklerne (Delsession 1)</source>
        <translation>The change circles (Session 1)</translation>
    </message>
    <message>
        <source>Bidragscirklerne (Delsession 2)</source>
        <translation>The contribution circles (Session 2)</translation>
    </message>
    <message>
        <source>Skaleringscirklerne (Delsession 3)</source>
        <translation>The scaling circles (Session 3)</translation>
    </message>
</context>
<context>
    <name>ValuePanel</name>
    <message>
        <source>Værdiformer</source>
        <translation>Value forms</translation>
    </message>
</context>
<context>
    <name>WelcomeDialog</name>
    <message>
        <source>Velkommen til Facilitator</source>
        <translation>Welcome to Facilitator</translation>
    </message>
    <message>
        <source>Velkommen</source>
        <translation>Welcome</translation>
    </message>
    <message>
        <source>Facilitator fører dig gennem en partnerskabssession for bæredygtig omstilling, trin for trin efter praksisvejledningens metode, med tid på hvert trin, skabelonerne, en post-it-tavle og en projektorvisning til rummet. Alt, der skrives, gemmes med det samme på denne computer, og appen bruger aldrig internettet. Åbn demosessionen for at se en hel, udfyldt dag, eller begynd på din egen session.</source>
        <translation>Facilitator guides you through a partnership session for sustainable transition, step by step following the practice guide&apos;s method, with timing for every step, the templates, a post-it board and a projector view for the room. Everything you write is saved straight away on this computer, and the app never uses the internet. Open the demo session to see a complete, filled-in day, or start your own session.</translation>
    </message>
    <message>
        <source>Åbn &amp;demosessionen</source>
        <translation>Open the de&amp;mo session</translation>
    </message>
    <message>
        <source>&amp;Begynd på min egen</source>
        <translation>&amp;Start my own</translation>
    </message>
    <message>
        <source>Du finder velkomsten, metoden og tastaturgenvejene igen under Hjælp.</source>
        <translation>You can find the welcome, the method and the keyboard shortcuts again under Help.</translation>
    </message>
</context>
</TS>

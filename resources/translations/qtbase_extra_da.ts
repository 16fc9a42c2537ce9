<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<!-- Qt's own Danish catalogue (qtbase_da.qm) predates these strings of its file dialog; the
     app loads this file beside it, so the dialog speaks Danish throughout. Written by hand:
     `packaging/translations.py update` leaves it alone, `release` compiles it. -->
<TS version="2.1" language="da" sourcelanguage="en">
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <translation>&amp;Kig i:</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>Filer af &amp;type:</translation>
    </message>
</context>
</TS>

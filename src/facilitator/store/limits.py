"""Every text and size limit of the store, in one place: the store and the session file both hold to them.

Plain numbers, importable without SQLAlchemy. A step's minutes are a program rule and live
with the program (`facilitator.program.loader.MAX_STEP_MINUTES`); the board's own bound on
a place, which the layout holds to as well, lives with the board.
"""

from facilitator.board.layout import MAX_PLACE

# Texts people type --------------------------------------------------------------------

#: Session titles, venues and facilitators, partner details, notes and principles.
MAX_TEXT_LENGTH = 20_000
#: A partner's name.
MAX_NAME_LENGTH = 200
#: The guiding principles of a session, as the method prescribes.
MAX_PRINCIPLES = 3
#: One element (a post-it): short enough to read on the board.
MAX_ELEMENT_LENGTH = 1_000
#: A circle's own name (one of a partner's ambitions).
MAX_CIRCLE_TITLE_LENGTH = 200
#: The group's answer to one question of a joint form.
MAX_FORM_TEXT_LENGTH = 20_000
#: A cluster's name; the column is String(200), so a longer name is refused, never cut.
MAX_CLUSTER_NAME = 200
#: An action's what and with whom.
MAX_ACTION_LENGTH = 2_000
#: An action's owner person and how much.
MAX_SHORT_FIELD_LENGTH = 200
#: A partnership's name (the column is String(500)).
MAX_PARTNERSHIP_NAME_LENGTH = 500

# Names from the program and the method, and numbers in a session file ---------------

#: A step, checklist item or other id taken from the program, as a session file may hold it.
MAX_ID_LENGTH = 64
#: A board category (an id from the program); the column is String(64).
MAX_CATEGORY_LENGTH = 64
#: The name of the program file a session was created from.
MAX_PROGRAM_NAME_LENGTH = 500
#: The program a session runs, as TOML text; the method's whole day is some 45,000.
MAX_PROGRAM_TEXT_LENGTH = 1_000_000
#: An order within a list (SQLite keeps any integer; a file may not ask for more).
MAX_POSITION = 2**31 - 1
#: A post-it's stacking order on a board, either way from 0.
MAX_Z = 2**31 - 1
#: How far a post-it's stored place (x and y) may lie from its zone's corner or centre,
#: either way, in board units: a tray of some 3,700 notes. The board grows to reach its
#: notes, so a place far beyond would make it (and the report) huge and slow.
MAX_BOARD_PLACE = MAX_PLACE
#: A timer's elapsed time or extension, in seconds: a week, far beyond any day.
MAX_TIMER_SECONDS = 7 * 24 * 60 * 60
#: A row's id inside a session file: the largest whole number JSON readers agree on.
MAX_FILE_ID = 2**53

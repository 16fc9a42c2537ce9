"""The team archive (teamarkivet): sessions pushed to and pulled from a shared PostgreSQL database.

No Qt. `address` checks and keeps the archive's address; `sync` pushes, pulls and lists,
keeping on the laptop which archive revision each session was last in step with. The
rows themselves go through the store (`facilitator.store.archive`). See docs/archive.md.
"""

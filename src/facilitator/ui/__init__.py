"""The Qt user interface. The only package that imports PySide6; it depends on the core, never the reverse."""

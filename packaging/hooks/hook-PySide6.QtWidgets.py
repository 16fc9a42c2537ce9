# Replaces PyInstaller's own hook for this Qt module: the same collection, less the Qt
# plugins, libraries and translations the app does not use (see packaging/bundle.py).
# Filtering here, not after Analysis, keeps what only those plugins link to out as well.
import importlib.util
from pathlib import Path

_spec = importlib.util.spec_from_file_location("facilitator_bundle", Path(__file__).resolve().parents[1] / "bundle.py")
_bundle = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_bundle)

hiddenimports, binaries, datas = _bundle.qt_hook(__file__)

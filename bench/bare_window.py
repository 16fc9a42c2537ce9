"""Floor for the start-up benchmark: a bare PySide6 main window, shown and painted once.

Prints the CPU time it has used and the wall-clock time (time.time()) at its first paint, then quits.
"""

import sys
import time

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow


class _FirstPaint(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            # As the app measures it (facilitator.ui.app.after_first_paint): a filter on the
            # window, and the moment after its first frame, from the event loop.
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self.painted)
        return False

    def painted(self):
        print(f"{time.process_time():.6f} {time.time():.6f}", flush=True)
        QApplication.quit()


app = QApplication(sys.argv[:1])
window = QMainWindow()
watcher = _FirstPaint()
window.installEventFilter(watcher)
window.resize(1280, 800)
window.show()
sys.exit(app.exec())

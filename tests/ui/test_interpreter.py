"""The switch interval is cut while any worker runs Python beside the window, and given back after."""

from __future__ import annotations

import sys

from facilitator.ui.interpreter import QUICK_SWITCH_INTERVAL, switch_quickly


def test_the_interval_comes_back_only_when_the_last_worker_is_done():
    before = sys.getswitchinterval()
    room = switch_quickly()
    assert sys.getswitchinterval() == QUICK_SWITCH_INTERVAL
    export = switch_quickly()
    # The room closes while a report is still being built: the report still needs it.
    room()
    assert sys.getswitchinterval() == QUICK_SWITCH_INTERVAL
    room()  # a second call changes nothing
    assert sys.getswitchinterval() == QUICK_SWITCH_INTERVAL
    export()
    assert sys.getswitchinterval() == before

"""Crash tests: child processes that edit a session and are killed with SIGKILL mid-stream.

A package so the parent tests, the children (run with ``python -m``) and ``bench/crash_soak.py``
share one model of what the store should hold and one way of running a round.
"""

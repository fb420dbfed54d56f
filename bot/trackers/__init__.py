"""The adapters to issue trackers: GitHub (PyGithub) and the embedded SQLite tracker."""

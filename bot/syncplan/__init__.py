"""Sync: what to write to a tracker (the plan, issue text, matching, routing) and writing it."""

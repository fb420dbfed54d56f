"""Sync: what to write to a tracker (the plan, its steps, a dry run's diff) and writing it."""

"""Following up: the checklist for the next meeting, progress read from later notes, the agenda."""

"""The one index of the bot's issues: reading them from a tracker, scoping them to the notes a run
reads, and finding each item's issue; the text the bot writes in them and the marker that names
them; where an item's issue goes. Pure, but for the listing it asks a `Tracker` for."""

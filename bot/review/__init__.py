"""People correcting the bot's reading of the notes: in a pull request's review comment before
anything is opened, or on the issues after. Every correction is kept in the repository, in one
file beside the config, and applied to the extractor's items (never inside the extractor)."""

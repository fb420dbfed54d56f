"""Reading a note: front matter, formats, blocks, sentences with their lines, dates. Pure."""

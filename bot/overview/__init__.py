"""The overview page: the team's promises as a static page, published with the notes.

`content` builds what the page shows from plain values (pure), `charts` draws its SVG charts (pure),
and `page` renders the HTML; the site command (`bot.commands.site`) reads the tracker and writes the
folder.
"""

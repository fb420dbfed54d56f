"""The overview page: the team's promises as a static page, published with the notes.

`model` builds what the page shows from plain values (pure), `charts` draws its SVG charts (pure),
`page` renders the HTML, and `build` is the edge that reads the tracker and writes the folder.
"""

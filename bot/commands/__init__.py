"""The commands' work, between the CLI (or the daemon) and the pieces: each reads the tracker or the
notes, calls the pure core, and writes or prints what it decided."""

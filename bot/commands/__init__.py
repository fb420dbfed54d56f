"""The commands, one module each (`extract`, `sync`, `report`, ...), between the CLI (or the daemon)
and the pieces: each reads the tracker or the notes, calls the pure core, and writes or prints what
it decided. `runner` is the frame they all run in: config, notes, failures, errors, exit code."""

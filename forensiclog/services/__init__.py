"""The service layer: one transaction per action, permissions, history; the GUI and the CLI both call it."""

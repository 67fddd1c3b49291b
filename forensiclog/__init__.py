"""ForensicLog: forensic identification case logging for repatriation exchanges."""

__version__ = "0.1.0"
APP_NAME = "ForensicLog"

"""PDF reports: records in, bytes out; never queries."""

"""Plain-Python rules of the trade: statuses, case numbers, roles, records. No I/O, no libraries."""

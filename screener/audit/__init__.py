"""Accountability: the hash-chained audit log of screening runs, and adverse-impact figures."""

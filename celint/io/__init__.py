"""Files: walking folders in a stable order, reading with limits (no FIFO ever blocks), atomic
writes.
"""

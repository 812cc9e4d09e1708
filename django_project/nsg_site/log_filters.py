"""Logging filters referenced from settings.LOGGING."""


def drop_traceback(record):
    """A refused Host header is the client's mistake, not ours: one line with the host name is enough."""
    record.exc_info = None
    record.exc_text = None
    return True

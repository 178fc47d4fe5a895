class ExpertError(Exception):
    """A refused change to an expert application; its message is translated and shown as is."""

class ReturnRefused(Exception):
    """A return that cannot be asked for or decided; ``str()`` says why, in the reader's language."""

"""One error type for problems a user can fix: the CLI prints its message as one line, without a traceback."""


class MultiPrivError(Exception):
    """A user-facing problem: bad input file, bad option, unreachable endpoint."""

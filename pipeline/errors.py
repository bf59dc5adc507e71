"""The one exception type the CLI turns into a one-line message and exit code 2."""


class XiuciError(Exception):
    """A problem the user can fix (bad input, missing model, bad data); the message says how."""

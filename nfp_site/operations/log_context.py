"""What every log line of a request or task carries (request id, user id), kept in a
context variable so that it follows the request through threads and async code."""

import contextlib
import logging
from collections.abc import Iterator
from contextvars import ContextVar

_context: ContextVar[dict] = ContextVar("nfp_log_context", default={})  # noqa: B039


@contextlib.contextmanager
def bound(**values) -> Iterator[None]:
    token = _context.set({**_context.get(), **values})
    try:
        yield
    finally:
        _context.reset(token)


def bind(**values) -> None:
    """Add to the current context (until the enclosing `bound` ends)."""
    _context.set({**_context.get(), **values})


def current() -> dict:
    return _context.get()


class ContextFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        for key, value in current().items():
            if not hasattr(record, key):
                setattr(record, key, value)
        return True

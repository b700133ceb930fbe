"""Counts the queries of one request, for the bench's gunicorn only (nfp_site.settings.bench)."""

from collections.abc import Callable
from contextlib import ExitStack

from django.db import connections
from django.http import HttpRequest, HttpResponse

ASK = "HTTP_X_BENCH_COUNT_QUERIES"
ANSWER = "X-Bench-Queries"


class QueryCountMiddleware:
    """On a request with `X-Bench-Count-Queries`, answer with the number of SQL queries
    it ran (every database, every middleware included) in `X-Bench-Queries`."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if ASK not in request.META:
            return self.get_response(request)
        count = 0

        def counter(execute, sql, params, many, context):
            nonlocal count
            count += 1
            return execute(sql, params, many, context)

        with ExitStack() as stack:
            for connection in connections.all():
                stack.enter_context(connection.execute_wrapper(counter))
            response = self.get_response(request)
        response[ANSWER] = str(count)
        return response

"""Requests as a hostile client sends them: bytes that are not UTF-8 (lone surrogates
travel as ED A0 80 and the like), repeated keys, urlencoded by hand."""

from urllib.parse import quote_from_bytes

from django.http import HttpResponse
from django.test import Client

FieldValue = str | list[str]


def _encoded(value: str) -> str:
    return quote_from_bytes(value.encode("utf-8", "surrogatepass"), safe="")


def urlencoded(fields: dict[str, FieldValue]) -> str:
    """`fields` as a form body or query string; a list sends its key once per value."""
    pairs = []
    for name, value in fields.items():
        for one in value if isinstance(value, list) else [value]:
            pairs.append(f"{_encoded(name)}={_encoded(one)}")
    return "&".join(pairs)


def as_received(value: str) -> str:
    """What Django reads from `value` once sent: invalid UTF-8 becomes U+FFFD."""
    return value.encode("utf-8", "surrogatepass").decode("utf-8", "replace")


def post_form(client: Client, url: str, fields: dict[str, FieldValue]) -> HttpResponse:
    return client.post(
        url, data=urlencoded(fields), content_type="application/x-www-form-urlencoded"
    )


def get_with_query(client: Client, path: str, fields: dict[str, FieldValue]) -> HttpResponse:
    return client.get(f"{path}?{urlencoded(fields)}")


def body_of(response: HttpResponse) -> str:
    """The page as text. Streamed responses are read, never closed (on PostgreSQL closing
    one closes the test's database connection)."""
    content = b"".join(response.streaming_content) if response.streaming else response.content
    return content.decode("utf-8")

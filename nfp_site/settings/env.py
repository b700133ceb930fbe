"""Every deployment fact the settings read from the environment, in one place."""

import os

from django.core.exceptions import ImproperlyConfigured


def text(name: str, default: str | None = None) -> str | None:
    value = os.environ.get(name, "").strip()
    return value or default


def required(name: str) -> str:
    value = text(name)
    if not value:
        raise ImproperlyConfigured(f"The environment variable {name} must be set.")
    return value


def flag(name: str, default: bool = False) -> bool:
    value = text(name)
    if value is None:
        return default
    return value.lower() in {"1", "true", "yes", "on"}


def integer(name: str, default: int) -> int:
    value = text(name)
    return int(value) if value else default


def words(name: str, default: list[str]) -> list[str]:
    value = text(name)
    if not value:
        return default
    return [word.strip() for word in value.split(",") if word.strip()]

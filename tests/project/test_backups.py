"""A backup restored into a fresh database loses nothing: every row and every file."""

import os
import sqlite3

import psycopg
import pytest
from django.core.files.base import ContentFile
from django.core.management import CommandError, call_command
from django.db import connection
from wagtail.documents import get_document_model

from network_pages.backups import create_backup, restore_database, restore_media
from network_pages.management.commands import restore_site
from network_pages.meetings import feed_cache
from network_pages.network_area import ensure_network_collection
from network_pages.search import document_cache

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def row_counts_here() -> dict[str, int]:
    with connection.cursor() as cursor:
        counts = {}
        for table in connection.introspection.table_names(cursor):
            cursor.execute(f'SELECT COUNT(*) FROM "{table}"')  # noqa: S608 - introspected names
            counts[table] = cursor.fetchone()[0]
    return counts


def row_counts_in(database: dict, tables) -> dict[str, int]:
    if connection.vendor == "postgresql":
        with psycopg.connect(
            dbname=database["NAME"],
            host=database.get("HOST") or None,
            port=database.get("PORT") or None,
            user=database.get("USER") or None,
            password=database.get("PASSWORD") or None,
        ) as restored:
            return {
                table: restored.execute(f'SELECT COUNT(*) FROM "{table}"').fetchone()[0]  # noqa: S608
                for table in tables
            }
    restored = sqlite3.connect(database["NAME"])
    try:
        return {
            table: restored.execute(f'SELECT COUNT(*) FROM "{table}"').fetchone()[0]  # noqa: S608
            for table in tables
        }
    finally:
        restored.close()


@pytest.fixture
def fresh_database(tmp_path):
    """Settings of an empty database of the same kind as the test database."""
    settings = dict(connection.settings_dict)
    if connection.vendor != "postgresql":
        settings["NAME"] = str(tmp_path / "restored.sqlite3")
        yield settings
        return
    settings["NAME"] = f"nfp_restore_{os.getpid()}"
    admin = {key: settings.get(key) or None for key in ("HOST", "PORT", "USER", "PASSWORD")}
    with psycopg.connect(
        dbname="postgres",
        autocommit=True,
        **{
            "host": admin["HOST"],
            "port": admin["PORT"],
            "user": admin["USER"],
            "password": admin["PASSWORD"],
        },
    ) as server:
        server.execute(f'DROP DATABASE IF EXISTS "{settings["NAME"]}"')
        server.execute(f'CREATE DATABASE "{settings["NAME"]}"')
        yield settings
        server.execute(f'DROP DATABASE IF EXISTS "{settings["NAME"]}"')


def test_backup_restored_into_a_fresh_database_loses_nothing(tmp_path, settings, fresh_database):
    call_command("seed_demo")
    document = get_document_model()(title="Minutes", collection=ensure_network_collection())
    document.file.save("minutes.txt", ContentFile(b"confidential minutes"), save=False)
    document.save()
    expected = row_counts_here()

    folder = create_backup(tmp_path / "backups", settings.MEDIA_ROOT)
    restore_database(folder, fresh_database, connection.vendor)
    restore_media(folder, tmp_path / "restored-media")

    assert row_counts_in(fresh_database, expected) == expected
    assert expected["wagtailcore_page"] > 0 and expected["network_pages_memberprofile"] > 0
    restored_file = tmp_path / "restored-media" / document.file.name
    assert restored_file.read_bytes() == b"confidential minutes"


def test_a_backup_is_not_restored_into_another_kind_of_database(tmp_path, settings):
    folder = create_backup(tmp_path / "backups", settings.MEDIA_ROOT)
    other = "sqlite" if connection.vendor == "postgresql" else "postgresql"

    with pytest.raises(ValueError, match="taken from"):
        restore_database(folder, {"NAME": str(tmp_path / "x")}, other)


def test_restore_command_refuses_without_confirmation(tmp_path, settings):
    folder = create_backup(tmp_path / "backups", settings.MEDIA_ROOT)

    with pytest.raises(CommandError, match="--yes"):
        call_command("restore_site", str(folder))


def test_restore_command_refuses_a_folder_that_is_not_a_backup(tmp_path):
    with pytest.raises(CommandError, match="not a backup folder"):
        call_command("restore_site", str(tmp_path), "--yes")


def test_a_restore_forgets_what_was_kept_per_reader(tmp_path, monkeypatch):
    """The restored documents, attachments and meetings replace those that the kept
    search documents and calendar feeds were worked out from."""
    monkeypatch.setattr(restore_site, "restore_database", lambda *args: None)
    monkeypatch.setattr(restore_site, "restore_media", lambda *args: None)
    before = (document_cache.current_generation(), feed_cache.current_generation())

    restore_site.Command().restore(tmp_path)

    after = (document_cache.current_generation(), feed_cache.current_generation())
    assert after[0] != before[0] and after[1] != before[1]

"""Backups of the database and the uploaded files, and their restoration.

PostgreSQL: pg_dump / pg_restore (custom format). SQLite: SQLite's own online backup.
The uploaded files (MEDIA_ROOT, confidential documents included) go into a tar archive
beside the dump, so a backup folder must be kept as confidential as the site itself.
"""

import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
from pathlib import Path

from django.db import connections
from django.utils import timezone

DATABASE_SQLITE = "database.sqlite3"
DATABASE_DUMP = "database.dump"
MEDIA_ARCHIVE = "media.tar.gz"
MANIFEST = "manifest.json"


def _pg_command(programme: str, database: dict, *args: str) -> None:
    environment = dict(os.environ)
    if database.get("PASSWORD"):
        environment["PGPASSWORD"] = str(database["PASSWORD"])
    target = ["--dbname", str(database["NAME"])]
    for option, key in (("--host", "HOST"), ("--port", "PORT"), ("--username", "USER")):
        if database.get(key):
            target += [option, str(database[key])]
    subprocess.run(  # noqa: S603 - a fixed PostgreSQL programme, arguments from settings
        [programme, "--no-owner", "--no-privileges", *args, *target],
        check=True,
        env=environment,
        capture_output=True,
    )


def create_backup(destination: Path, media_root: Path, alias: str = "default") -> Path:
    """Write a new backup folder under `destination` and return it."""
    folder = destination / f"nfp-backup-{timezone.now():%Y%m%d-%H%M%S-%f}"
    folder.mkdir(parents=True)
    connection = connections[alias]
    if connection.vendor == "postgresql":
        _pg_command(
            "pg_dump",
            connection.settings_dict,
            "--format=custom",
            "--file",
            str(folder / DATABASE_DUMP),
        )
    else:
        connection.ensure_connection()
        target = sqlite3.connect(folder / DATABASE_SQLITE)
        try:
            connection.connection.backup(target)
        finally:
            target.close()
    with tarfile.open(folder / MEDIA_ARCHIVE, "w:gz") as archive:
        if media_root.exists():
            archive.add(media_root, arcname=".")
    (folder / MANIFEST).write_text(
        json.dumps({"created": timezone.now().isoformat(), "vendor": connection.vendor})
    )
    return folder


def restore_database(folder: Path, database: dict, vendor: str) -> None:
    """Load the backup's database into `database` (Django settings of an empty or old one)."""
    taken_from = json.loads((folder / MANIFEST).read_text())["vendor"]
    if taken_from != vendor:
        raise ValueError(f"This backup was taken from {taken_from}, not from {vendor}.")
    if vendor == "postgresql":
        _pg_command(
            "pg_restore",
            database,
            "--clean",
            "--if-exists",
            "--single-transaction",
            str(folder / DATABASE_DUMP),
        )
        return
    source = sqlite3.connect(folder / DATABASE_SQLITE)
    target = sqlite3.connect(database["NAME"])
    try:
        source.backup(target)
    finally:
        source.close()
        target.close()


def restore_media(folder: Path, media_root: Path) -> None:
    """Replace the uploaded files with the backup's."""
    if media_root.exists():
        shutil.rmtree(media_root)
    media_root.mkdir(parents=True)
    with tarfile.open(folder / MEDIA_ARCHIVE, "r:gz") as archive:
        archive.extractall(media_root, filter="data")

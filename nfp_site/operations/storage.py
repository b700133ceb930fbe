"""File storage that leaves nothing behind when a write fails (disk full, read-only).

Django's `FileSystemStorage` keeps the truncated file when writing it fails half-way;
this one removes it before the error goes on, so a failed upload leaves no orphan."""

import logging
import os

from django.core.files.storage import FileSystemStorage

logger = logging.getLogger(__name__)


class CleanFileSystemStorage(FileSystemStorage):
    def _save(self, name, content):
        try:
            return super()._save(name, content)
        except OSError:
            path = self.path(name)
            if os.path.isfile(path):
                try:
                    os.remove(path)
                except OSError:
                    logger.exception("Could not remove the partial upload %s", name)
            raise

from .library_entry import LibraryEntry, LibraryEntryTag
from .library_version import Language, LibraryVersion
from .upload_policy import UploadPolicy

__all__ = ["Language", "LibraryEntry", "LibraryEntryTag", "LibraryVersion", "UploadPolicy"]

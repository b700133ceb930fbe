from .search_entry import SearchEntry
from .search_text import SearchText

__all__ = ["SearchEntry", "SearchText"]

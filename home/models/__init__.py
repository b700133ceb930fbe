from .home_page import HomePage

__all__ = ["HomePage"]

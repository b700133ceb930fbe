from .good_practices import GoodPracticeIndexPage, GoodPracticePage
from .home_page import HomePage
from .news import NewsIndexPage, NewsItemPage
from .public_page import PublicIndexPage, PublicPage
from .publications import PublicationIndexPage, PublicationPage

__all__ = [
    "GoodPracticeIndexPage",
    "GoodPracticePage",
    "HomePage",
    "NewsIndexPage",
    "NewsItemPage",
    "PublicIndexPage",
    "PublicPage",
    "PublicationIndexPage",
    "PublicationPage",
]

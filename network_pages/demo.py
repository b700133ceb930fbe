"""Demo content for `make run`: what a newcomer needs to see every part of the site."""

from home.site_setup import ensure_home_pages


def seed_demo_content() -> list[str]:
    """Create (or find) the demo content and return lines that tell a newcomer about it."""
    homes = ensure_home_pages()
    return [f"Public home ({language}): {page.url}" for language, page in homes.items()]

"""Every view the project exposes has an access class, so a new one fails until classified."""

from .url_inventory import (
    CLASSIFICATION,
    ROUTE_CLASSIFICATION,
    admin_patterns,
    routable_routes,
    site_patterns,
)


def test_every_url_pattern_outside_the_admin_is_classified():
    unclassified = sorted(site_patterns() - CLASSIFICATION.keys())

    assert not unclassified, "Classify in tests/security/url_inventory.py: " + ", ".join(
        unclassified
    )


def test_the_classification_names_no_pattern_that_is_gone():
    assert not sorted(CLASSIFICATION.keys() - site_patterns())


def test_every_admin_pattern_sits_under_the_admin_prefix():
    # The admin is one class, proven pattern by pattern in test_admin_sweep.py.
    assert admin_patterns()
    assert all(route.startswith("admin/") for route in admin_patterns())


def test_every_route_of_every_routable_page_type_is_classified():
    routes = routable_routes()
    unclassified = sorted(
        f"{label}: {route!r}"
        for label, patterns in routes.items()
        for route in patterns - ROUTE_CLASSIFICATION.get(label, {}).keys()
    )

    assert not unclassified, "Classify in ROUTE_CLASSIFICATION: " + ", ".join(unclassified)


def test_the_route_classification_names_no_route_that_is_gone():
    routes = routable_routes()
    stale = sorted(
        f"{label}: {route!r}"
        for label, classified in ROUTE_CLASSIFICATION.items()
        for route in classified.keys() - routes.get(label, set())
    )

    assert not stale

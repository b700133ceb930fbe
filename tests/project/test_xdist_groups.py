"""`make test` keeps the tests that share an expensive build (the confidentiality matrix's
marked site, each module of query budgets) on one pytest-xdist worker with an `xdist_group`
mark (`--dist loadgroup`, tests/conftest.py). pytest-xdist knows a test's group by a suffix
it writes into the test's id; when that suffix is lost (pytest 9.2 renamed the attribute
pytest-xdist 3.8 writes to), every group is silently ignored and each worker builds the
sites again (CI took 18 minutes instead of 16 on PostgreSQL)."""

import os

import pytest

GROUP = "xdist-groups-probe"


def under_loadgroup(config) -> bool:
    # On a worker, pytest-xdist says `loadgroup` (its `dist` option reads "no" there).
    return bool(os.environ.get("PYTEST_XDIST_WORKER")) and bool(config.getvalue("loadgroup"))


@pytest.mark.xdist_group(GROUP)
def test_a_grouped_test_reaches_the_scheduler_with_its_group(request):
    if under_loadgroup(request.config):
        assert request.node.nodeid.endswith(f"@{GROUP}"), (
            f"{request.node.nodeid}: pytest-xdist lost the test's group; check the pytest "
            "and pytest-xdist versions in pyproject.toml"
        )
    else:
        # One process (-n 0): nothing is distributed, the mark is only carried.
        assert request.node.get_closest_marker("xdist_group").args == (GROUP,)

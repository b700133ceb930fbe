"""A write Redis could not take while it was unreachable (a cache generation started anew
when a document left a meeting, say) must not leave Redis serving what it held before: the
key is deleted as soon as Redis answers again (nfp_site/operations/cache.py)."""

import os
import uuid

import pytest
import redis
from redis.exceptions import ConnectionError as RedisConnectionError

from nfp_site.operations import cache as cache_module
from nfp_site.operations.cache import ResilientRedisCache
from tests.operations.processes import REDIS_URL

# A Redis database of their own: clearing the cache (flushdb) must not reach the scale-out
# tests' sessions and counters in the default one; and one worker for the module, since a
# test clears what the others would read.
OWN_DATABASE = REDIS_URL.rsplit("/", 1)[0] + "/13"
pytestmark = pytest.mark.xdist_group("redis-database-13")


@pytest.fixture
def shared_cache():
    try:
        redis.Redis.from_url(OWN_DATABASE, socket_connect_timeout=1).ping()
    except redis.RedisError as error:
        reason = f"needs Redis at {OWN_DATABASE}: {error}"
        if os.environ.get("NFP_REQUIRE_SERVICES") == "1":
            pytest.fail(reason)
        pytest.skip(reason)
    cache = ResilientRedisCache(OWN_DATABASE, {"KEY_PREFIX": f"test-{uuid.uuid4().hex}"})
    yield cache
    cache._down_until = 0.0
    cache.clear()


class Unreachable:
    """Every command fails as when the network to Redis is cut: Redis keeps its data."""

    def __getattr__(self, name):
        def fail(*args, **kwargs):
            raise RedisConnectionError("unreachable")

        return fail


def cut_off(cache, monkeypatch):
    monkeypatch.setattr(cache._cache, "get_client", lambda *args, **kwargs: Unreachable())


def reachable_again(cache, monkeypatch):
    monkeypatch.undo()
    cache._down_until = 0.0  # the retry delay is over


def test_a_generation_started_while_redis_was_unreachable_hides_the_old_one_once_back(
    shared_cache, monkeypatch
):
    shared_cache.set("generation", "before the outage")
    shared_cache.set("untouched", "kept")
    cut_off(shared_cache, monkeypatch)

    shared_cache.set("generation", "started during the outage")

    assert shared_cache.get("generation") == "started during the outage"  # the fallback
    reachable_again(shared_cache, monkeypatch)
    assert shared_cache.get("untouched") == "kept"
    assert shared_cache.get("generation") is None


def test_an_entry_deleted_while_redis_was_unreachable_is_deleted_once_back(
    shared_cache, monkeypatch
):
    shared_cache.set_many({"reader-documents": [1, 2], "another": [3]})
    cut_off(shared_cache, monkeypatch)

    shared_cache.delete_many(["reader-documents", "another"])

    reachable_again(shared_cache, monkeypatch)
    assert shared_cache.get_many(["reader-documents", "another"]) == {}


def test_too_many_lost_writes_clear_the_whole_cache_once_back(shared_cache, monkeypatch):
    monkeypatch.setattr(cache_module, "MAX_UNSENT_KEYS", 2)
    shared_cache.set("old", "value")
    cut_off(shared_cache, monkeypatch)

    for number in range(3):
        shared_cache.set(f"new-{number}", number)

    reachable_again(shared_cache, monkeypatch)
    assert shared_cache.get("old") is None


def test_a_cache_that_never_lost_a_write_keeps_everything(shared_cache):
    shared_cache.set("generation", "current")

    assert shared_cache.get("generation") == "current"
    assert shared_cache._unsent == set()

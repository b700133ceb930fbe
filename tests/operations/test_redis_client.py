"""The Redis cache keeps one client per connection pool instead of building one per
operation (issue 17: building it cost as much CPU as the GET)."""

from nfp_site.operations.cache import ResilientRedisCache
from tests.smtp_support import free_port


def test_every_operation_uses_the_same_redis_client():
    cache = ResilientRedisCache(f"redis://127.0.0.1:{free_port()}/0", {})
    first = cache._cache.get_client(write=False)
    assert cache._cache.get_client("some-key", write=True) is first
    assert first.connection_pool is cache._cache._get_connection_pool(write=True)


def test_a_redis_that_is_down_still_falls_back_with_the_kept_client():
    cache = ResilientRedisCache(f"redis://127.0.0.1:{free_port()}/0", {})
    cache._cache.get_client()
    assert cache.set("key", "value") is None
    assert cache.get("key") == "value"

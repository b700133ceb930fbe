"""Redis is a cache: when it is down the site carries on without it.

`ResilientRedisCache` is Django's Redis cache whose failures do not reach the request: each
operation that Redis cannot answer goes to a small cache in the process memory instead (rate
limits keep counting, per process; Wagtail's site root paths are computed again), its
entries kept at most `FALLBACK_TIMEOUT` seconds so that nothing stale lingers once Redis is
back. A write Redis did not take (a generation started anew, an entry forgotten) is not lost
either: the key is deleted from Redis as soon as it answers again, so that what it held
before the outage (a reader's documents under the old generation, say) is never read again;
with too many such keys, the whole cache is cleared. After a failure Redis is left alone for
`RETRY_AFTER` seconds, so a dead server costs one failed connection every few seconds, not
one per request.
Sessions use `cached_db` (settings): their source of truth is the database.
"""

import logging
import threading
import time

from django.core.cache.backends.locmem import LocMemCache
from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)

FALLBACK_TIMEOUT = 60
RETRY_AFTER = 5.0
# Keys written while Redis was unreachable, deleted once it answers; beyond this many, the
# whole cache is cleared instead.
MAX_UNSENT_KEYS = 10_000
_WRITES = {"add", "set", "touch", "delete", "incr", "set_many", "delete_many"}


class KeptClientRedisCacheClient(RedisCacheClient):
    """Django's client, keeping one `redis.Redis` per connection pool.

    Django builds a new `redis.Redis` for every operation, which costs as much CPU as the
    GET itself (~0.2 ms here: it fills its table of response callbacks each time); every
    page reads the cache several times. A `redis.Redis` takes a connection from its pool
    for each command, so one per pool serves every operation and thread."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        index = self._get_connection_pool_index(write)
        client = self._clients.get(index)
        if client is None:
            client = self._client(connection_pool=self._get_connection_pool(write))
            self._clients[index] = client
        return client


class ResilientRedisCache(RedisCache):
    def __init__(self, server, params):
        params = dict(params)
        options = dict(params.get("OPTIONS") or {})
        options.setdefault("socket_connect_timeout", 0.5)
        options.setdefault("socket_timeout", 0.5)
        params["OPTIONS"] = options
        super().__init__(server, params)
        self._class = KeptClientRedisCacheClient
        self._fallback = LocMemCache("nfp-redis-fallback", {"OPTIONS": {"MAX_ENTRIES": 5000}})
        self._down_until = 0.0
        self._lock = threading.Lock()
        # (key, version) pairs whose write Redis did not take; `None`: clear everything.
        self._unsent: set[tuple[str, int | None]] | None = set()

    @property
    def is_down(self) -> bool:
        return time.monotonic() < self._down_until

    def _failed(self, error: Exception) -> None:
        with self._lock:
            first = not self.is_down
            self._down_until = time.monotonic() + RETRY_AFTER
        if first:
            logger.error("Redis unavailable, using the in-process fallback: %s", error)

    def _keys_written(self, name: str, args: tuple) -> list:
        many = name in ("set_many", "delete_many")
        return list(args[0]) if many else [args[0]]

    def _remember_unsent(self, name: str, args: tuple, version) -> None:
        with self._lock:
            if name == "clear":
                self._unsent = None
            elif self._unsent is not None:
                self._unsent.update((key, version) for key in self._keys_written(name, args))
                if len(self._unsent) > MAX_UNSENT_KEYS:
                    self._unsent = None

    def _send_unsent(self) -> None:
        """Redis answers again: forget there what it missed while it did not."""
        with self._lock:
            unsent, self._unsent = self._unsent, set()
        try:
            if unsent is None:
                super().clear()
            else:
                for key, version in unsent:
                    super().delete(key, version=version)
        except RedisError as error:
            with self._lock:
                if unsent is None or self._unsent is None:
                    self._unsent = None
                else:
                    self._unsent |= unsent
            self._failed(error)

    def _call(self, name: str, *args, **kwargs):
        if not self.is_down and self._unsent != set():
            # Before anything is read or written there again.
            self._send_unsent()
        if not self.is_down:
            try:
                return getattr(super(), name)(*args, **kwargs)
            except RedisError as error:
                self._failed(error)
        if name in _WRITES or name == "clear":
            self._remember_unsent(name, args, kwargs.get("version"))
        if "timeout" in kwargs and kwargs["timeout"] is not None:
            kwargs["timeout"] = min(kwargs["timeout"], FALLBACK_TIMEOUT)
        elif name in {"add", "set", "set_many", "touch", "get_or_set"}:
            kwargs["timeout"] = FALLBACK_TIMEOUT
        return getattr(self._fallback, name)(*args, **kwargs)

    def add(self, key, value, timeout=None, version=None):
        return self._call("add", key, value, timeout=timeout, version=version)

    def get(self, key, default=None, version=None):
        return self._call("get", key, default, version=version)

    def set(self, key, value, timeout=None, version=None):
        return self._call("set", key, value, timeout=timeout, version=version)

    def touch(self, key, timeout=None, version=None):
        return self._call("touch", key, timeout=timeout, version=version)

    def delete(self, key, version=None):
        self._fallback.delete(key, version=version)
        return self._call("delete", key, version=version)

    def get_many(self, keys, version=None):
        return self._call("get_many", keys, version=version)

    def has_key(self, key, version=None):
        return self._call("has_key", key, version=version)

    def incr(self, key, delta=1, version=None):
        return self._call("incr", key, delta, version=version)

    def set_many(self, data, timeout=None, version=None):
        return self._call("set_many", data, timeout=timeout, version=version)

    def delete_many(self, keys, version=None):
        self._fallback.delete_many(keys, version=version)
        return self._call("delete_many", keys, version=version)

    def clear(self):
        self._fallback.clear()
        return self._call("clear")

    def ping(self) -> bool:
        """Does Redis itself answer (for /healthz)? Never the fallback."""
        try:
            return bool(self._cache.get_client(write=True).ping())
        except RedisError as error:
            self._failed(error)
            return False

"""gunicorn for nfp-site: the production web server (Dockerfile, compose.yaml).

Requests never wait for a mail server (emails go through the outbox and the worker), so
a short timeout is safe; a request that hangs longer is a bug and its worker is replaced."""

import os

bind = os.environ.get("GUNICORN_BIND", "0.0.0.0:8000")  # noqa: S104 - inside a container
workers = int(os.environ.get("GUNICORN_WORKERS", "3"))
threads = int(os.environ.get("GUNICORN_THREADS", "1"))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 20
keepalive = 5
# A worker is replaced after this many requests: whatever a long-lived process gathers
# (fragmented memory, caches of libraries) is given back regularly.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "1000"))
max_requests_jitter = 100
# The site logs each request itself (nfp_site.operations.middleware, with its request id).
accesslog = None
errorlog = "-"
# Behind the proxy of compose.yaml: trust its X-Forwarded-* headers.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "*")

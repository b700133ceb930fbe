"""Error reports to Sentry, only when SENTRY_DSN is set (the SDK is not even imported
otherwise, so nothing is sent or fetched). No personal data, no request bodies."""


def init_sentry(dsn: str, *, environment: str, traces_sample_rate: float) -> None:
    import sentry_sdk  # noqa: PLC0415 - optional dependency, loaded only when configured

    sentry_sdk.init(
        dsn=dsn,
        environment=environment,
        send_default_pii=False,
        max_request_body_size="never",
        traces_sample_rate=traces_sample_rate,
        before_send=_scrub,
    )


def _scrub(event: dict, hint: dict) -> dict:
    request = event.get("request") or {}
    for key in ("cookies", "data", "headers", "query_string"):
        request.pop(key, None)
    return event

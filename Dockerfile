# nfp-site: one image for the web instances and the workers (compose.yaml runs both).
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    DJANGO_SETTINGS_MODULE=nfp_site.settings.production

# pg_dump/pg_restore for `manage.py backup_site` / `restore_site`.
RUN apt-get update \
    && apt-get install -y --no-install-recommends postgresql-client \
    && rm -rf /var/lib/apt/lists/*

RUN useradd --create-home --uid 10001 nfp
WORKDIR /app

COPY . .
RUN pip install --upgrade pip \
    && pip install ".[production]" \
    && DJANGO_SECRET_KEY=collectstatic-only python manage.py collectstatic --no-input \
    && mkdir -p /app/media /var/run/nfp \
    && chown -R nfp:nfp /app/media /var/run/nfp

USER nfp
EXPOSE 8000
# Web instance; the worker runs the same image with `python manage.py run_worker`.
CMD ["gunicorn", "--config", "deploy/gunicorn.conf.py", "nfp_site.wsgi"]

# Production image of the NSG basic Django app.
#   docker build -t nsg-basic-django-app .
#   docker run -p 8000:8000 nsg-basic-django-app      -> http://localhost:8000
# Reads top to bottom as: base, dependencies, app, user, health, command, build metadata.

# --- base ------------------------------------------------------------------------------------------------
# Django 4.1 supports Python 3.8 to 3.11: the last 3.11 slim release on Debian 12, pinned by tag and by the
# digest of its multi-platform index, so a rebuild gets the same bytes. A company mirror or an offline test
# passes its own base with --build-arg PYTHON_IMAGE=...
ARG PYTHON_IMAGE=python:3.11.14-slim-bookworm@sha256:65a93d69fa75478d554f4ad27c85c1e69fa184956261b4301ebaf6dbb0a3543d

FROM ${PYTHON_IMAGE} AS builder
# A package mirror (company proxy, offline tests); empty means pip's default index.
ARG PIP_INDEX_URL=""
ENV PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PIP_NO_CACHE_DIR=1 \
    PYTHONDONTWRITEBYTECODE=1
# --- dependencies: only requirements.txt, so this layer stays cached while only app code changes ----------
COPY django_project/requirements.txt /tmp/requirements.txt
# Wheels only (no compiler in any stage); an empty PIP_INDEX_URL is unset so pip keeps its own default index.
RUN if [ -z "${PIP_INDEX_URL}" ]; then unset PIP_INDEX_URL; fi \
 && python3 -m venv /opt/venv \
 && /opt/venv/bin/pip install --no-compile --only-binary=:all: --require-virtualenv -r /tmp/requirements.txt

FROM ${PYTHON_IMAGE} AS runtime
ENV PATH="/opt/venv/bin:${PATH}" \
    PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    DJANGO_SETTINGS_MODULE=nsg_site.settings \
    DJANGO_DATA_DIR=/app/data
COPY --from=builder /opt/venv /opt/venv

# --- app -------------------------------------------------------------------------------------------------
WORKDIR /app
COPY django_project/ /app/
# Static files are collected at build time, so the running container never writes them.
RUN python3 manage.py collectstatic --noinput --verbosity 0 \
 && mkdir -p /app/data

# --- user: a fixed, unprivileged uid that owns only the data directory -------------------------------------
RUN groupadd --system --gid 10001 app \
 && useradd --system --uid 10001 --gid app --home-dir /app --no-create-home --shell /usr/sbin/nologin app \
 && chown app:app /app/data
USER 10001:10001

# --- health: the standard library's HTTP client, so no curl or wget in the image --------------------------
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
    CMD ["python3", "-c", "import sys, urllib.request; sys.exit(0 if urllib.request.urlopen('http://127.0.0.1:8000/healthz', timeout=4).status == 200 else 1)"]

# --- command ---------------------------------------------------------------------------------------------
ENTRYPOINT ["/app/docker-entrypoint.sh"]
CMD ["gunicorn", "--config", "/app/gunicorn.conf.py", "nsg_site.wsgi:application"]

# --- build metadata: last, as the build number changes on every build; everything above stays cached -------
ARG VERSION=dev
ARG REVISION=unknown
ARG CREATED=unknown
ARG SOURCE=unknown
LABEL org.opencontainers.image.title="nsg-basic-django-app" \
      org.opencontainers.image.description="NSG basic Django web app served by gunicorn" \
      org.opencontainers.image.version="${VERSION}" \
      org.opencontainers.image.revision="${REVISION}" \
      org.opencontainers.image.created="${CREATED}" \
      org.opencontainers.image.source="${SOURCE}"
# What the home page shows.
ENV APP_VERSION="${VERSION}"

#!/bin/sh
# Brings the SQLite schema up to date, then runs the command (gunicorn by default) as PID 1.
set -eu
if [ "${DJANGO_MIGRATE:-1}" = "1" ]; then
    python manage.py migrate --noinput
fi
exec "$@"

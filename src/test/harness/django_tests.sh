#!/usr/bin/env bash
# Runs the Django app's own tests (manage.py test) on the oldest and newest Django this machine can install
# offline: Debian's python3-django (3.2) and the newest release in the local package index (5.x). The app is
# written for Django 4.1.5, which lies between them; the image build tests install that exact pin wherever
# the index has it.
set -euo pipefail
. "$(dirname "$0")/../../scripts/lib/common.sh"
. "$REPO_DIR/src/test/harness/checks.sh"

apt_install python3-django python3-whitenoise python3-venv
project="$REPO_DIR/django_project"

run_suite() {
    local name=$1 python=$2 version
    version=$("$python" -c 'import django; print(django.get_version())')
    log "django tests: $name, Django $version on $("$python" --version)"
    if (cd "$project" && env -u DJANGO_SECRET_KEY -u DJANGO_DEBUG -u DJANGO_ALLOWED_HOSTS \
            "$python" manage.py test --noinput --verbosity 1); then
        pass "manage.py test on Django $version"
    else
        fail "manage.py test on Django $version" "see the test output above"
    fi
}

run_suite "Debian's Django" /usr/bin/python3

# The app's own pins where this machine's pip can install them (the pipeline), else the newest Django it can
# reach, in a virtualenv of its own that sees Debian's WhiteNoise. No retries: an unreachable index fails at once.
venv="$WORK_DIR/django-venv"
if [ ! -x "$venv/bin/python" ]; then
    /usr/bin/python3 -m venv --system-site-packages "$venv"
fi
pip_install() { "$venv/bin/python" -m pip install --quiet --disable-pip-version-check --retries 0 --timeout 5 "$@"; }
if pip_install -r "$project/requirements.txt" >/dev/null 2>&1; then
    label="the pinned requirements"
else
    log "django tests: the pinned requirements are not installable here; using the newest Django available"
    pip_install --upgrade "Django<6" >&2 || die "could not install Django from the local package index into $venv"
    label="the newest Django available"
fi
run_suite "$label" "$venv/bin/python"

checks_summary "django-tests"

#!/usr/bin/env bash
# End-to-end test of the top-level Dockerfile: build it on the real engine (local Python base, local package
# index), run the container, and check it over HTTP the way a user and an orchestrator would.
# Run by src/scripts/test; standalone: src/test/harness/django_image_e2e.sh (needs an engine).
set -euo pipefail
. "$(dirname "$0")/../../scripts/lib/common.sh"
. "$REPO_DIR/src/scripts/lib/engine.sh"
. "$REPO_DIR/src/test/harness/python_base.sh"
. "$REPO_DIR/src/test/harness/wheel_mirror.sh"
. "$REPO_DIR/src/test/harness/checks.sh"

IMAGE="dhpush-test/nsg-basic-django-app:e2e"
VERSION="e2e-$$"

ensure_engine
on_exit stop_engine
# The image's tag goes at the end; its layers stay (--no-prune) as the build cache of the next run.
on_exit "docker image rm --no-prune '$IMAGE' >/dev/null 2>&1"
# A temporary copy of the build context, so the layer-cache probe below never touches the work tree.
CONTEXT=$(mktemp -d)
on_exit "rm -rf '$CONTEXT'"
cp -a "$REPO_DIR/Dockerfile" "$REPO_DIR/.dockerignore" "$REPO_DIR/django_project" "$CONTEXT/"

if [ "${DHPUSH_E2E_USE_DEFAULTS:-}" = 1 ]; then
    # Where the official base image and the public index are reachable (the pipeline): the Dockerfile as it is.
    log "e2e: DHPUSH_E2E_USE_DEFAULTS=1: building with the Dockerfile's own base image and package index"
    BUILD_ARGS=()
else
    # Offline: a Python base made from Debian packages, a loopback index, and requirements.txt rewritten to what
    # that index holds (printed above as SUBSTITUTED lines when a pin had to change).
    ensure_python_base
    start_wheel_mirror "$REPO_DIR/django_project/requirements.txt"
    cp "$MIRROR_REQUIREMENTS" "$CONTEXT/django_project/requirements.txt"
    log "e2e: build context copied to $CONTEXT with requirements: $(grep -v '^#' "$MIRROR_REQUIREMENTS" | tr '\n' ' ')"
    BUILD_ARGS=(--network host --build-arg PYTHON_IMAGE="$PYTHON_BASE_IMAGE" --build-arg PIP_INDEX_URL="$PIP_MIRROR_URL")
fi

build() {
    # The classic builder, as dhpush uses; --network host lets pip reach the loopback index.
    DOCKER_BUILDKIT=0 docker build "${BUILD_ARGS[@]}" \
        --build-arg VERSION="$VERSION" --build-arg REVISION=0123abc --build-arg SOURCE=https://example.invalid/repo \
        --build-arg CREATED=2026-01-01T00:00:00Z -t "$IMAGE" "$CONTEXT" 2>&1
}

if ! build_output=$(build); then
    printf '%s\n' "$build_output" | tail -n 40
    fail "image builds" "docker build failed"
    checks_summary "django-image-e2e"
fi
pass "image builds from the top-level Dockerfile"

container=$(docker run -d -p 127.0.0.1::8000 "$IMAGE")
on_exit "docker rm -f $container >/dev/null 2>&1"
port=$(docker port "$container" 8000/tcp | head -n 1 | sed 's/.*://')
base="http://127.0.0.1:$port"

waited=0
until curl -fsS "$base/healthz" >/dev/null 2>&1 || [ "$waited" -ge 60 ]; do sleep 1; waited=$((waited + 1)); done

expect_eq "/healthz answers {\"status\": \"ok\"}" '{"status": "ok"}' "$(curl -fsS "$base/healthz")"
home=$(curl -fsS "$base/" || true)
expect_contains "/ names the app" "NSG basic Django app" "$home"
expect_contains "/ shows the build number baked in at build time" "<code id=\"version\">$VERSION</code>" "$home"
expect_eq "localhost works with no extra flags" 200 "$(curl -s -o /dev/null -w '%{http_code}' -H "Host: localhost:$port" "$base/")"
expect_eq "an unknown Host header gets 400" 400 "$(curl -s -o /dev/null -w '%{http_code}' -H 'Host: evil.example' "$base/")"
expect_eq "admin CSS is served with DEBUG off" 200 "$(curl -s -o /dev/null -w '%{http_code}' "$base/static/admin/css/base.css")"
expect_eq "the admin login page works (database migrated at start)" 200 "$(curl -s -o /dev/null -w '%{http_code}' "$base/admin/login/")"
expect_eq "the process runs as the unprivileged uid 10001" 10001 "$(docker exec "$container" id -u)"
expect_eq "gunicorn is PID 1" gunicorn "$(docker exec "$container" python3 -c 'print(open("/proc/1/cmdline").read().split("\0")[1].rsplit("/", 1)[-1])')"
expect_eq "the data directory is writable by the app" ok "$(docker exec "$container" sh -c 'touch /app/data/probe && echo ok')"
expect_eq "the code is not writable by the app" denied "$(docker exec "$container" sh -c 'touch /app/manage.py 2>/dev/null && echo writable || echo denied')"

# The HEALTHCHECK first runs after its 30 s interval.
health=starting
for _ in $(seq 1 90); do
    health=$(docker inspect --format '{{.State.Health.Status}}' "$container")
    [ "$health" = starting ] || break
    sleep 1
done
expect_eq "the HEALTHCHECK reports healthy" healthy "$health"

labels=$(docker image inspect --format '{{json .Config.Labels}}' "$IMAGE")
for label in "title\":\"nsg-basic-django-app" "version\":\"$VERSION" "revision\":\"0123abc" \
             "created\":\"2026-01-01T00:00:00Z" "source\":\"https://example.invalid/repo"; do
    expect_contains "OCI label org.opencontainers.image.${label%%\"*}" "org.opencontainers.image.$label\"" "$labels"
done
expect_eq "EXPOSE 8000" '{"8000/tcp":{}}' "$(docker image inspect --format '{{json .Config.ExposedPorts}}' "$IMAGE")"
expect_eq "runs as a non-root user" 10001:10001 "$(docker image inspect --format '{{.Config.User}}' "$IMAGE")"
expect_eq "no compiler, pip cache or secrets in the final image" none "$(docker run --rm --entrypoint sh "$IMAGE" -c \
    'ls /usr/bin/gcc /usr/bin/cc /root/.cache/pip /app/.env /app/data/db.sqlite3 2>/dev/null || echo none')"
expect_eq "the build context holds only the Dockerfile and the app" none "$(docker run --rm --entrypoint sh "$IMAGE" -c \
    'ls -d /app/src /app/target /app/.git /app/pom.xml 2>/dev/null || echo none')"
logs=$(docker logs "$container" 2>&1)
expect_contains "gunicorn logs requests to the container's output" '"GET /healthz HTTP/1.1" 200' "$logs"

# Changing only app code must reuse the dependency layers: no package is installed again.
echo "# cache probe $$" >> "$CONTEXT/django_project/web/views.py"
rebuild_output=$(build) || { printf '%s\n' "$rebuild_output" | tail -n 30; fail "rebuild after an app change" "docker build failed"; }
case "$rebuild_output" in
    *"Successfully installed"*|*"Collecting "*) fail "dependency layers stay cached when only app code changes" "pip ran again" ;;
    *) pass "dependency layers stay cached when only app code changes" ;;
esac

checks_summary "django-image-e2e"

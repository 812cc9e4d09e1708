# shellcheck shell=bash
# The Django image's build context and build args for a run of dhpush or docker: the repository as it is where the
# Dockerfile's base image can be pulled; offline, a copy with local stand-ins (Python base from Debian packages,
# loopback package index, pins the index lacks substituted), said in OFFLINE and SUBSTITUTED lines; the copy lives in
# target/harness/offline-context.
# Sourced; needs common.sh, engine.sh, python_base.sh and wheel_mirror.sh. Sets DJANGO_CONTEXT and DJANGO_BUILD_ARGS.

prepare_django_context() {
    local base_image
    base_image=$(sed -nE 's/^ARG PYTHON_IMAGE=(.*)$/\1/p' "$REPO_DIR/Dockerfile")
    DJANGO_CONTEXT="$REPO_DIR"
    DJANGO_BUILD_ARGS=()
    if docker image inspect "$base_image" >/dev/null 2>&1 || timeout 120 docker pull -q "$base_image" >/dev/null 2>&1; then
        return 0
    fi
    log "OFFLINE: the base image $base_image cannot be pulled here; building with local stand-ins:"
    log "OFFLINE: a Python base from Debian packages and a loopback package index (pins it lacks are substituted below)"
    ensure_python_base
    start_wheel_mirror "$REPO_DIR/django_project/requirements.txt"
    # One place under target/, emptied and filled again on every run: progress names it, and BuildKit's shared key
    # (the context's path) stays the same from run to run, so its file sync sends only what changed.
    DJANGO_CONTEXT="$WORK_DIR/offline-context"
    rm -rf "$DJANGO_CONTEXT" && mkdir -p "$DJANGO_CONTEXT"
    cp -a "$REPO_DIR/Dockerfile" "$REPO_DIR/.dockerignore" "$REPO_DIR/dhpush.properties" "$REPO_DIR/django_project" "$DJANGO_CONTEXT/"
    cp "$MIRROR_REQUIREMENTS" "$DJANGO_CONTEXT/django_project/requirements.txt"
    DJANGO_BUILD_ARGS=(--network host --build-arg "PYTHON_IMAGE=$PYTHON_BASE_IMAGE" --build-arg "PIP_INDEX_URL=$PIP_MIRROR_URL")
}

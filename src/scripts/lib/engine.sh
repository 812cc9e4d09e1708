# shellcheck shell=bash
# Makes sure a Docker engine answers, starting Debian's dockerd for this run when none does.
# Sourced by src/scripts/*; relies on log() and die() from common.sh.

engine_answers() {
    docker version --format '{{.Server.APIVersion}}' >/dev/null 2>&1
}

# Sets ENGINE_STARTED_PID when this run started dockerd, so stop_engine only stops what it started.
ENGINE_STARTED_PID=""

ensure_engine() {
    if engine_answers; then
        log "engine: using the Docker engine at ${DOCKER_HOST:-unix:///var/run/docker.sock} (API $(docker version --format '{{.Server.APIVersion}}'))"
        return 0
    fi
    if [ -n "${DOCKER_HOST:-}" ]; then
        die "no Docker engine answers at DOCKER_HOST=$DOCKER_HOST: start it, or unset DOCKER_HOST to use a local dockerd"
    fi
    if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
        die "no Docker engine answers at /var/run/docker.sock: install and start Docker (Debian: apt-get install docker.io), or set DOCKER_HOST"
    fi
    if ! command -v dockerd >/dev/null 2>&1; then
        apt_install docker.io
    fi
    mkdir -p "$WORK_DIR"
    log "engine: starting dockerd for this run (log: $WORK_DIR/dockerd.log)"
    dockerd --host unix:///var/run/docker.sock >"$WORK_DIR/dockerd.log" 2>&1 &
    ENGINE_STARTED_PID=$!
    local waited=0
    until engine_answers; do
        if ! kill -0 "$ENGINE_STARTED_PID" 2>/dev/null; then
            tail -n 20 "$WORK_DIR/dockerd.log" >&2
            die "dockerd exited at start-up (see $WORK_DIR/dockerd.log)"
        fi
        [ "$waited" -lt 60 ] || die "dockerd did not answer within 60 s (see $WORK_DIR/dockerd.log)"
        sleep 1
        waited=$((waited + 1))
    done
    log "engine: dockerd $(docker version --format '{{.Server.Version}}') answers (API $(docker version --format '{{.Server.APIVersion}}'))"
}

stop_engine() {
    if [ -n "$ENGINE_STARTED_PID" ] && kill -0 "$ENGINE_STARTED_PID" 2>/dev/null; then
        log "engine: stopping the dockerd this run started"
        kill "$ENGINE_STARTED_PID" 2>/dev/null || true
        local waited=0
        while kill -0 "$ENGINE_STARTED_PID" 2>/dev/null && [ "$waited" -lt 30 ]; do sleep 1; waited=$((waited + 1)); done
    fi
}

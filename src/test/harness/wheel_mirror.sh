# shellcheck shell=bash
# Serves a package index for the Django image's requirements over HTTP on loopback, for `docker build
# --network host --build-arg PIP_INDEX_URL=...`. Sourced; needs common.sh.

# Writes the index and the requirements it satisfies (pins substituted where the machine lacks them),
# starts the server and sets PIP_MIRROR_URL and MIRROR_REQUIREMENTS.
start_wheel_mirror() {
    local requirements=$1 dir="$WORK_DIR/wheel-mirror"
    apt_install python3-whitenoise
    mkdir -p "$dir"
    MIRROR_REQUIREMENTS="$dir/requirements.txt"
    python3 "$REPO_DIR/src/test/harness/wheel_mirror.py" "$requirements" "$dir/index" "$MIRROR_REQUIREMENTS" \
        --debian-package whitenoise=whitenoise >&2 || die "could not build the offline package index"
    local port
    port=$(free_port)
    python3 -m http.server "$port" --bind 127.0.0.1 --directory "$dir/index" >"$dir/http.log" 2>&1 &
    on_exit "kill $! 2>/dev/null"
    PIP_MIRROR_URL="http://127.0.0.1:$port/simple/"
    local waited=0
    until python3 -c "import urllib.request; urllib.request.urlopen('$PIP_MIRROR_URL', timeout=2)" 2>/dev/null; do
        [ "$waited" -lt 20 ] || die "the package index server did not start (see $dir/http.log)"
        sleep 0.5; waited=$((waited + 1))
    done
    log "wheel mirror: $PIP_MIRROR_URL"
}

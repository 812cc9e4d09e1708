# shellcheck shell=bash
# Serves a package index for the Django image's requirements over HTTP on loopback, for `docker build
# --network host --build-arg PIP_INDEX_URL=...`. Sourced; needs common.sh.
#
# The index sits at one address for good (its port is remembered in target/harness/wheel-mirror/port): the URL is
# a build arg, and a build arg that changes invalidates every layer after it, so a new port per run would reinstall
# every package on every build. The index itself is rebuilt only when the requirements or the script change.

# Writes the index and the requirements it satisfies (pins substituted where the machine lacks them), serves it
# unless a server of this index already answers, and sets PIP_MIRROR_URL and MIRROR_REQUIREMENTS.
start_wheel_mirror() {
    local requirements=$1 dir="$WORK_DIR/wheel-mirror"
    local builder="$REPO_DIR/src/test/harness/wheel_mirror.py"
    apt_install python3-whitenoise
    mkdir -p "$dir"
    MIRROR_REQUIREMENTS="$dir/requirements.txt"
    local source_copy="$dir/requirements.source.txt"
    if [ -s "$MIRROR_REQUIREMENTS" ] && [ -d "$dir/index" ] && cmp -s "$requirements" "$source_copy" \
            && [ "$MIRROR_REQUIREMENTS" -nt "$builder" ]; then
        cat "$dir/substitutions.txt" >&2  # the SUBSTITUTED lines of the run that built it
    else
        rm -rf "$dir/index"
        python3 "$builder" "$requirements" "$dir/index" "$MIRROR_REQUIREMENTS" \
            --debian-package whitenoise=whitenoise 2>&1 | tee "$dir/substitutions.txt" >&2
        [ "${PIPESTATUS[0]}" = 0 ] || die "could not build the offline package index"
        cp "$requirements" "$source_copy"
    fi

    local port
    port=$(cat "$dir/port" 2>/dev/null || true)
    if [ -n "$port" ] && [ -f "$dir/pid" ] && kill -0 "$(cat "$dir/pid")" 2>/dev/null && index_answers "$port"; then
        PIP_MIRROR_URL=$(index_url "$port")
        log "wheel mirror: $PIP_MIRROR_URL (already serving)"
        return 0
    fi
    # Another checkout testing at the same moment may take the port between the check and the bind: then this
    # server exits at once (another's index answering there must not pass for ours), and a new free port is tried.
    local attempt pid
    for attempt in 1 2 3; do
        if [ -z "$port" ] || ! port_is_free "$port"; then
            port=$(free_port)
            echo "$port" > "$dir/port"
        fi
        python3 -m http.server "$port" --bind 127.0.0.1 --directory "$dir/index" >"$dir/http.log" 2>&1 &
        pid=$!
        echo "$pid" > "$dir/pid"
        on_exit "kill $pid 2>/dev/null"
        local waited=0
        while kill -0 "$pid" 2>/dev/null && ! index_answers "$port" && [ "$waited" -lt 20 ]; do
            sleep 0.5; waited=$((waited + 1))
        done
        if kill -0 "$pid" 2>/dev/null && index_answers "$port"; then
            PIP_MIRROR_URL=$(index_url "$port")
            log "wheel mirror: $PIP_MIRROR_URL"
            return 0
        fi
        log "wheel mirror: port $port was taken by another process (attempt $attempt of 3); trying another"
        kill "$pid" 2>/dev/null || true
        port=""
    done
    die "the package index server did not start (see $dir/http.log)"
}

index_url() { printf 'http://127.0.0.1:%s/simple/' "$1"; }

index_answers() {
    python3 -c "import urllib.request, sys; urllib.request.urlopen(sys.argv[1], timeout=2)" "$(index_url "$1")" 2>/dev/null
}

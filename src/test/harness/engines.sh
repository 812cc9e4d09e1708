# shellcheck shell=bash
# The newer engines the tests run on beside Debian bookworm's dockerd 20.10: Docker 26.1 with containerd 1.7 from
# Debian trixie's packages, downloaded with a private apt configuration and unpacked under target/engines (never
# installed over bookworm's packages), started twice: once with the classic image store, once with the containerd
# image store ("features": {"containerd-snapshotter": true}). runc is bookworm's own: trixie's needs glibc 2.38.
# Each engine has its own socket, data root, exec root, containerd and bridge: a dockerd started with --bridge none
# deletes docker0, and the 20.10 engine's builds then fail with "could not find bridge docker0".
# Sourced by src/scripts/test; relies on log(), die(), apt_install() and on_exit() from common.sh.

ENGINES_DIR="$REPO_DIR/target/engines"
# docker-buildx: the reference the BuildKit tests compare dhpush's images with (run with a DOCKER_CONFIG of its own,
# never from ~/.docker, so the docker CLI the other tests compare against stays the classic one).
# cosign: the judge of the signatures dhpush writes (cosign verify --key, offline).
NEWER_ENGINE_PACKAGES=(docker.io containerd docker-buildx cosign)
BUILDX_PLUGIN="$ENGINES_DIR/root/usr/libexec/docker/cli-plugins/docker-buildx"
COSIGN="$ENGINES_DIR/root/usr/bin/cosign"
NEWER_ENGINE_PIDS=()

# The apt source the machine itself uses (deb822 or one-line format), so no mirror is named in the repository.
machine_debian_source() {
    local file
    for file in /etc/apt/sources.list.d/*.sources; do
        [ -f "$file" ] || continue
        awk '/^URIs:/ { uri = $2 } /^Suites:/ { if ($2 !~ /security/ && uri != "" && !done) { print uri; done = 1 } }' "$file"
    done | head -n 1
    if [ -f /etc/apt/sources.list ]; then
        awk '$1 == "deb" && $0 !~ /security/ { for (i = 2; i <= NF; i++) if ($i ~ /^[a-z]+:\/\//) { print $i; exit } }' /etc/apt/sources.list
    fi
}

# Downloads and unpacks trixie's docker.io and containerd into $ENGINES_DIR/root, once: later runs reuse them.
fetch_newer_engine() {
    local root="$ENGINES_DIR/root"
    if [ -x "$root/usr/sbin/dockerd" ] && [ -x "$root/usr/bin/containerd" ] && [ -x "$BUILDX_PLUGIN" ] && [ -x "$COSIGN" ]; then
        return 0
    fi
    local uri keyring apt_dir="$ENGINES_DIR/apt"
    uri=$(machine_debian_source | head -n 1)
    [ -n "$uri" ] || die "newer engines: no Debian apt source found in /etc/apt to download trixie's docker.io from"
    keyring=/usr/share/keyrings/debian-archive-keyring.gpg
    rm -rf "$apt_dir" "$root"
    mkdir -p "$apt_dir/etc/sources.list.d" "$apt_dir/etc/preferences.d" "$apt_dir/state/lists/partial" \
        "$apt_dir/cache/archives/partial" "$apt_dir/debs" "$root"
    printf 'Types: deb\nURIs: %s\nSuites: trixie\nComponents: main\nSigned-By: %s\n' "$uri" "$keyring" \
        >"$apt_dir/etc/sources.list.d/trixie.sources"
    # A private configuration: only this apt run sees trixie, the machine's own lists and packages stay bookworm's.
    local apt_options=(-o "Dir::Etc=$apt_dir/etc" -o "Dir::Etc::sourcelist=/dev/null"
        -o "Dir::Etc::sourceparts=$apt_dir/etc/sources.list.d" -o "Dir::Etc::preferencesparts=$apt_dir/etc/preferences.d"
        -o "Dir::State=$apt_dir/state" -o "Dir::Cache=$apt_dir/cache" -o "Debug::NoLocking=1"
        -o "APT::Sandbox::User=root")
    log "newer engines: downloading trixie's ${NEWER_ENGINE_PACKAGES[*]} (private apt configuration in $apt_dir)"
    apt-get "${apt_options[@]}" update >"$apt_dir/update.log" 2>&1 \
        || { tail -n 15 "$apt_dir/update.log" >&2; die "newer engines: apt-get update for trixie failed"; }
    (cd "$apt_dir/debs" && apt-get "${apt_options[@]}" download "${NEWER_ENGINE_PACKAGES[@]}") >"$apt_dir/download.log" 2>&1 \
        || { tail -n 15 "$apt_dir/download.log" >&2; die "newer engines: apt-get download failed"; }
    local deb
    for deb in "$apt_dir"/debs/*.deb; do
        dpkg-deb -x "$deb" "$root"
    done
    log "newer engines: unpacked $("$root/usr/sbin/dockerd" --version), containerd $("$root/usr/bin/containerd" --version | awk '{print $3}'), buildx $("$BUILDX_PLUGIN" version | awk '{print $2}') and cosign $("$COSIGN" version 2>&1 | awk '/^GitVersion:/ {print $2}')"
}

# start_newer_engine NAME STORE OCTET: containerd and dockerd 26.1 for engine NAME (classic|containerd image store),
# with the bridge NAME on 172.31.OCTET.1/24; sets NEWER_ENGINE_HOST to the engine's DOCKER_HOST.
start_newer_engine() {
    local name=$1 store=$2 octet=$3
    local dir="$ENGINES_DIR/$name" root="$ENGINES_DIR/root"
    NEWER_ENGINE_HOST="unix://$dir/docker.sock"
    if DOCKER_HOST="$NEWER_ENGINE_HOST" docker version --format '{{.Server.APIVersion}}' >/dev/null 2>&1; then
        log "newer engines: $name already answers at $NEWER_ENGINE_HOST (left running by an earlier run): using it"
        return 0
    fi
    rm -rf "$dir/exec" "$dir/containerd/state" "$dir/containerd/containerd.sock" "$dir/docker.sock" "$dir/docker.pid"
    mkdir -p "$dir/data" "$dir/exec" "$dir/containerd/root" "$dir/containerd/state"
    # Go binaries of trixie, bookworm's runc and docker-init: trixie's directories first, the machine's after.
    local path="$root/usr/sbin:$root/usr/bin:$PATH"
    cat >"$dir/containerd/config.toml" <<EOF
version = 2
root = "$dir/containerd/root"
state = "$dir/containerd/state"
disabled_plugins = ["io.containerd.grpc.v1.cri"]
[grpc]
  address = "$dir/containerd/containerd.sock"
[ttrpc]
  address = "$dir/containerd/containerd.sock.ttrpc"
[debug]
  address = "$dir/containerd/debug.sock"
EOF
    if [ "$store" = containerd ]; then
        printf '{"features": {"containerd-snapshotter": true}}\n' >"$dir/daemon.json"
    else
        printf '{}\n' >"$dir/daemon.json"
    fi
    if ! ip link show "$name" >/dev/null 2>&1; then
        ip link add "$name" type bridge
        ip addr add "172.31.$octet.1/24" dev "$name"
    fi
    ip link set "$name" up
    PATH="$path" setsid "$root/usr/bin/containerd" --config "$dir/containerd/config.toml" >"$dir/containerd.log" 2>&1 &
    NEWER_ENGINE_PIDS+=($!)
    wait_for_socket "$dir/containerd/containerd.sock" "$dir/containerd.log" "containerd of $name"
    PATH="$path" setsid "$root/usr/sbin/dockerd" --host "unix://$dir/docker.sock" --data-root "$dir/data" \
        --exec-root "$dir/exec" --pidfile "$dir/docker.pid" --containerd "$dir/containerd/containerd.sock" \
        --bridge "$name" --iptables=false --ip-masq=false --userland-proxy=false --cgroup-parent "$name" \
        --config-file "$dir/daemon.json" >"$dir/dockerd.log" 2>&1 &
    NEWER_ENGINE_PIDS+=($!)
    local waited=0
    until DOCKER_HOST="unix://$dir/docker.sock" docker version --format '{{.Server.APIVersion}}' >/dev/null 2>&1; do
        [ "$waited" -lt 60 ] || { tail -n 20 "$dir/dockerd.log" >&2; die "newer engines: dockerd of $name did not answer within 60 s"; }
        sleep 1
        waited=$((waited + 1))
    done
    log "newer engines: $name answers at unix://$dir/docker.sock: Docker $(DOCKER_HOST="unix://$dir/docker.sock" docker version \
        --format '{{.Server.Version}} (API {{.Server.APIVersion}})'), $store image store"
}

wait_for_socket() {
    local socket=$1 logfile=$2 what=$3 waited=0
    until [ -S "$socket" ]; do
        [ "$waited" -lt 60 ] || { tail -n 20 "$logfile" >&2; die "newer engines: $what did not start within 30 s (see $logfile)"; }
        sleep 0.5
        waited=$((waited + 1))
    done
}

stop_newer_engines() {
    local pid
    [ ${#NEWER_ENGINE_PIDS[@]} -gt 0 ] || return 0
    log "newer engines: stopping them"
    # dockerd first (the later PIDs), then the containerd under it.
    for ((i = ${#NEWER_ENGINE_PIDS[@]} - 1; i >= 0; i--)); do
        pid=${NEWER_ENGINE_PIDS[$i]}
        kill "$pid" 2>/dev/null || continue
        local waited=0
        while kill -0 "$pid" 2>/dev/null && [ "$waited" -lt 30 ]; do sleep 1; waited=$((waited + 1)); done
    done
}

# Exports DHPUSH_ENGINE_26_HOST and DHPUSH_ENGINE_26_CONTAINERD_HOST for the Java tests' engine matrix, and
# DHPUSH_BUILDX, the buildx plugin the BuildKit tests compare with, and DHPUSH_COSIGN, the signing tests' judge.
start_newer_engines() {
    if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1 || ! command -v ip >/dev/null 2>&1; then
        die "the engine matrix (Docker 26.1 beside this engine) needs root on Debian (apt-get, and ip for its bridges):" \
            "run as root, or set DHPUSH_TEST_ENGINES=default to test on this one engine"
    fi
    fetch_newer_engine
    on_exit stop_newer_engines
    start_newer_engine dhpush-d26 classic 26
    DHPUSH_ENGINE_26_HOST=$NEWER_ENGINE_HOST
    start_newer_engine dhpush-d26c containerd 27
    DHPUSH_ENGINE_26_CONTAINERD_HOST=$NEWER_ENGINE_HOST
    DHPUSH_BUILDX=$BUILDX_PLUGIN
    DHPUSH_COSIGN=$COSIGN
    export DHPUSH_ENGINE_26_HOST DHPUSH_ENGINE_26_CONTAINERD_HOST DHPUSH_BUILDX DHPUSH_COSIGN
}

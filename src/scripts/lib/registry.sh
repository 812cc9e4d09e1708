# shellcheck shell=bash
# Local registries for the scripts (src/scripts/registry does the work). Sourced; needs common.sh.

# The persistent local registry (target/local-registry): started unless it runs, left running at exit so what was
# pushed can be pulled. Sets LOCAL_REGISTRY (host:port).
ensure_local_registry() {
    apt_install docker-registry curl python3
    local was_running=1
    "$REPO_DIR/src/scripts/registry" status >/dev/null || was_running=0
    LOCAL_REGISTRY=$("$REPO_DIR/src/scripts/registry" start)
    if [ "$was_running" = 1 ]; then
        log "registry: $LOCAL_REGISTRY (the local registry in target/local-registry, already running)"
    else
        log "registry: $LOCAL_REGISTRY (the local registry in target/local-registry, started; it keeps running" \
            "and keeps its images: src/scripts/registry stop)"
    fi
}

# A registry of its own in DIR on a free port, stopped at exit (the benchmark empties it between runs).
# Sets LOCAL_REGISTRY (host:port).
start_throwaway_registry() {
    local dir=$1
    apt_install docker-registry curl python3
    rm -rf "$dir"
    LOCAL_REGISTRY=$("$REPO_DIR/src/scripts/registry" start "$dir" "127.0.0.1:$(free_port)")
    on_exit "'$REPO_DIR/src/scripts/registry' stop '$dir'"
    log "registry: $LOCAL_REGISTRY (docker-registry in $dir, no auth, stopped at exit)"
}

# shellcheck shell=bash
# A throwaway registry (Debian's docker-registry, the reference v2 registry) on a free loopback port.
# Sourced; needs common.sh. Sets LOCAL_REGISTRY (host:port).

LOCAL_REGISTRY_PID=""

start_local_registry() {
    apt_install docker-registry curl
    local port
    port=$(free_port)
    LOCAL_REGISTRY="127.0.0.1:$port"
    run_local_registry
    on_exit 'kill $LOCAL_REGISTRY_PID 2>/dev/null'
    log "registry: $LOCAL_REGISTRY (docker-registry, no auth, deleted at exit)"
}

# Empties the registry: a new process on the same port with fresh storage (the registry caches blob metadata).
reset_local_registry() {
    kill "$LOCAL_REGISTRY_PID" 2>/dev/null || true
    wait "$LOCAL_REGISTRY_PID" 2>/dev/null || true
    run_local_registry
}

run_local_registry() {
    local dir="$WORK_DIR/registry"
    rm -rf "$dir" && mkdir -p "$dir"
    cat > "$dir/config.yml" <<YAML
version: 0.1
log:
  level: warn
storage:
  filesystem:
    rootdirectory: $dir/data
http:
  addr: $LOCAL_REGISTRY
YAML
    docker-registry serve "$dir/config.yml" >"$dir/registry.log" 2>&1 &
    LOCAL_REGISTRY_PID=$!
    local waited=0
    until curl -fsS "http://$LOCAL_REGISTRY/v2/" >/dev/null 2>&1; do
        [ "$waited" -lt 40 ] || die "the local registry did not start (see $dir/registry.log)"
        sleep 0.25; waited=$((waited + 1))
    done
}

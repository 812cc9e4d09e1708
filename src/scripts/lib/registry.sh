# shellcheck shell=bash
# A throwaway registry (Debian's docker-registry, the reference v2 registry) on a free loopback port.
# Sourced; needs common.sh. Sets LOCAL_REGISTRY (host:port).

start_local_registry() {
    apt_install docker-registry
    local dir="$WORK_DIR/registry" port
    rm -rf "$dir" && mkdir -p "$dir"
    port=$(free_port)
    cat > "$dir/config.yml" <<YAML
version: 0.1
log:
  level: warn
storage:
  filesystem:
    rootdirectory: $dir/data
http:
  addr: 127.0.0.1:$port
YAML
    docker-registry serve "$dir/config.yml" >"$dir/registry.log" 2>&1 &
    on_exit "kill $! 2>/dev/null"
    LOCAL_REGISTRY="127.0.0.1:$port"
    local waited=0
    until curl -fsS "http://$LOCAL_REGISTRY/v2/" >/dev/null 2>&1; do
        [ "$waited" -lt 40 ] || die "the local registry did not start (see $dir/registry.log)"
        sleep 0.5; waited=$((waited + 1))
    done
    log "registry: $LOCAL_REGISTRY (docker-registry, no auth, deleted at exit)"
}

# shellcheck shell=bash
# A throwaway registry on a free loopback port, stopped at exit (src/scripts/registry does the work).
# Sourced; needs common.sh. Sets LOCAL_REGISTRY (host:port).

start_local_registry() {
    apt_install docker-registry curl
    LOCAL_REGISTRY="127.0.0.1:$(free_port)"
    "$REPO_DIR/src/scripts/registry" start "$WORK_DIR/registry" "$LOCAL_REGISTRY"
    on_exit "'$REPO_DIR/src/scripts/registry' stop '$WORK_DIR/registry' '$LOCAL_REGISTRY'"
    log "registry: $LOCAL_REGISTRY (docker-registry, no auth, deleted at exit)"
}

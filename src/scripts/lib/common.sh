# shellcheck shell=bash
# Shared by the scripts in src/scripts: logging, failing, Debian installs and clean-up on exit.

REPO_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)
WORK_DIR="$REPO_DIR/target/harness"

log() { printf '%s %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

APT_UPDATED=""
# Installs Debian packages that are missing; only as root on Debian (the CI and dev machines). apt's own output
# (progress, debconf, needrestart) goes to $WORK_DIR/apt.log: one line says what was installed, and only a failure
# shows the log's end.
apt_install() {
    local missing=()
    for pkg in "$@"; do
        dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
        die "missing Debian packages: ${missing[*]} (install them: sudo apt-get install ${missing[*]})"
    fi
    mkdir -p "$WORK_DIR"
    local apt_log="$WORK_DIR/apt.log" started=$SECONDS
    if [ -z "$APT_UPDATED" ]; then
        apt_quietly "$apt_log" update || die "apt-get update failed: $(apt_log_tail "$apt_log")"
        APT_UPDATED=1
    fi
    apt_quietly "$apt_log" install -y --no-install-recommends "${missing[@]}" \
        || die "apt-get install ${missing[*]} failed: $(apt_log_tail "$apt_log")"
    log "apt: installed ${missing[*]} ($((SECONDS - started)) s; apt's output: $apt_log)"
}

# apt-get with no prompts and no service restarts (needrestart would otherwise ask, or complain without a
# terminal), appending everything it prints to a log.
apt_quietly() {
    local apt_log=$1
    shift
    DEBIAN_FRONTEND=noninteractive NEEDRESTART_SUSPEND=1 NEEDRESTART_MODE=l \
        apt-get -q -o Dpkg::Use-Pty=0 "$@" >>"$apt_log" 2>&1 </dev/null
}

apt_log_tail() {
    printf '\n'
    tail -n 15 "$1"
    printf 'the whole output: %s' "$1"
}

# Clean-up actions run once on exit, last registered first.
CLEANUPS=()
on_exit() { CLEANUPS=("$*" "${CLEANUPS[@]}"); }
run_cleanups() {
    local action
    for action in "${CLEANUPS[@]}"; do eval "$action" || true; done
}
trap run_cleanups EXIT

free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

# Whether a loopback port can be bound now (SO_REUSEADDR, as servers bind: a closed connection's TIME_WAIT does not
# count as taken).
port_is_free() {
    python3 -c 'import socket, sys
s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind(("127.0.0.1", int(sys.argv[1])))' "$1" 2>/dev/null
}

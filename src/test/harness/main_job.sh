#!/usr/bin/env bash
# The main job, src/scripts/publish, run as a user runs it (no DOCKER_HUB_KEY, so into target/local-registry):
# the last line says how to pull the verified image and that pull works after the script has exited; the registry
# keeps its port and its images between runs; Maven runs only when dhpush's sources changed, and a start-up
# archive is recorded again instead of being lost; the engine keeps no tag that points at a registry that is gone,
# and keeps those of a registry that answers 401 or stays silent; --help starts nothing.
# Run by src/scripts/test; standalone: src/test/harness/main_job.sh (needs an engine).
set -euo pipefail
. "$(dirname "$0")/../../scripts/lib/common.sh"
. "$REPO_DIR/src/scripts/lib/engine.sh"
. "$REPO_DIR/src/test/harness/checks.sh"
cd "$REPO_DIR"

REPOSITORY=willfifensg/nsg-basic-django-app
ensure_engine
on_exit stop_engine
# The local registry is the user's: stop it afterwards only if this test started it.
if ! src/scripts/registry status >/dev/null; then
    on_exit "'$REPO_DIR/src/scripts/registry' stop"
fi
unset DOCKER_HUB_USER DOCKER_HUB_KEY BITBUCKET_BUILD_NUMBER

# publish_run NAME ARGS...: runs the script, keeping stdout and stderr apart; sets RUN_STATUS, RUN_OUT, RUN_ERR.
publish_run() {
    local name=$1
    shift
    RUN_STATUS=0
    src/scripts/publish "$@" >"$WORK_DIR/main-job-$name.out" 2>"$WORK_DIR/main-job-$name.err" </dev/null || RUN_STATUS=$?
    RUN_OUT=$(cat "$WORK_DIR/main-job-$name.out")
    RUN_ERR=$(cat "$WORK_DIR/main-job-$name.err")
    if [ "$RUN_STATUS" != 0 ]; then
        printf '%s\n' "$RUN_ERR" | tail -n 30
    fi
}
pull_line() { printf '%s\n' "$RUN_ERR" | tail -n 1 | sed -E 's/^[0-9:]+ //'; }

# --- first run --------------------------------------------------------------------------------------------------
publish_run first --tag main-job-1
expect_eq "the first run succeeds" 0 "$RUN_STATUS"
registry=$(src/scripts/registry status || true)
check "the local registry still answers after the script has exited" test -n "$registry"
first=$(pull_line)
case "$first" in
    "pull it: docker pull $registry/$REPOSITORY:main-job-1@sha256:"*) pass "the last line says how to pull the verified image" ;;
    *) fail "the last line says how to pull the verified image" "last line: $first" ;;
esac
first_ref=${first#pull it: docker pull }
expect_contains "stdout says the tag was verified" "$first_ref verified" "$RUN_OUT"
case "$RUN_ERR" in
    *"OFFLINE:"*) expect_contains "offline, the build still names the repository's Dockerfile" "with $REPO_DIR/Dockerfile" "$RUN_ERR" ;;
    *) expect_contains "the build names the repository as its context" "from $REPO_DIR (" "$RUN_ERR" ;;
esac
if docker image rm "$registry/$REPOSITORY:main-job-1" >/dev/null && docker pull -q "$first_ref" >/dev/null; then
    pass "the pull line pulls the image"
else
    fail "the pull line pulls the image" "docker pull $first_ref failed"
fi

# --- second run: dhpush's sources changed, with a start-up archive in place -------------------------------------
# A stand-in archive file is enough to say "there was one": the rebuild must record a real one for this JVM.
mkdir -p target/quarkus-app/startup && touch target/quarkus-app/startup/stand-in.jsa
touch pom.xml
# A tag left by an older run under a throwaway registry that is gone now.
docker tag "$first_ref" "127.0.0.1:1/$REPOSITORY:gone"
# Tags under loopback registries that are alive: one asks for a login (401), one accepts and stays silent. Both
# are someone's registry, and their tags must survive the clean-up.
locked_port=$(free_port)
python3 -c 'import http.server, sys
class Locked(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        self.send_response(401); self.send_header("WWW-Authenticate", "Basic realm=registry"); self.end_headers()
    def log_message(self, *args): pass
http.server.HTTPServer(("127.0.0.1", int(sys.argv[1])), Locked).serve_forever()' "$locked_port" &
on_exit "kill $! 2>/dev/null"
silent_port=$(free_port)
python3 -c 'import socket, sys, time
s = socket.socket(); s.bind(("127.0.0.1", int(sys.argv[1]))); s.listen(16); time.sleep(3600)' "$silent_port" &
on_exit "kill $! 2>/dev/null"
docker tag "$first_ref" "127.0.0.1:$locked_port/$REPOSITORY:locked"
docker tag "$first_ref" "127.0.0.1:$silent_port/$REPOSITORY:silent"
on_exit "docker image rm '127.0.0.1:$locked_port/$REPOSITORY:locked' '127.0.0.1:$silent_port/$REPOSITORY:silent' >/dev/null 2>&1"
publish_run second --tag main-job-2
expect_eq "the second run succeeds" 0 "$RUN_STATUS"
expect_contains "Maven runs when pom.xml changed, recording the start-up archive again" \
    "./mvnw package -Dstartup-archive" "$RUN_ERR"
# The launcher writes ARCHIVE.app only after it recorded ARCHIVE.
if compgen -G 'target/quarkus-app/startup/*.app' >/dev/null; then
    pass "the rebuild leaves a start-up archive"
else
    fail "the rebuild leaves a start-up archive" "target/quarkus-app/startup holds: $(ls target/quarkus-app/startup 2>&1)"
fi
expect_eq "the registry keeps its address" "$registry" "$(src/scripts/registry status || true)"
tags=$(curl -fsS "http://$registry/v2/$REPOSITORY/tags/list")
expect_contains "the registry still holds the first run's tag" '"main-job-1"' "$tags"
expect_contains "the registry holds the second run's tag" '"main-job-2"' "$tags"
stale=$(docker image ls --format '{{.Repository}}:{{.Tag}}' | grep -E "^127\.0\.0\.1:1/|^$registry/$REPOSITORY:main-job-1$" || true)
expect_eq "no engine tag points at a registry that is gone, nor at an older run" "" "$stale"
kept=$(docker image ls --format '{{.Repository}}:{{.Tag}}' | grep -E "^127\.0\.0\.1:($locked_port|$silent_port)/" | sort || true)
expect_eq "tags under a registry that answers 401 or stays silent are kept" \
    "$(printf '127.0.0.1:%s/%s:locked\n127.0.0.1:%s/%s:silent' "$locked_port" "$REPOSITORY" "$silent_port" "$REPOSITORY" | sort)" "$kept"

# --- help: prints the usage and starts nothing --------------------------------------------------------------------
help_out=$(src/scripts/publish --help 2>&1 </dev/null) && help_status=0 || help_status=$?
expect_eq "src/scripts/publish --help succeeds" 0 "$help_status"
expect_contains "src/scripts/publish --help prints its usage" "src/scripts/publish [dhpush options]" "$help_out"
expect_contains "src/scripts/publish --help prints dhpush's options" "--builder" "$help_out"
case "$help_out" in
    *"registry:"*|*"engine:"*|*"python base"*|*"wheel"*) fail "src/scripts/publish --help starts nothing" "$help_out" ;;
    *) pass "src/scripts/publish --help starts nothing" ;;
esac

# --- third run: nothing changed in dhpush -------------------------------------------------------------------------
publish_run third --tag main-job-3
expect_eq "the third run succeeds" 0 "$RUN_STATUS"
expect_contains "no Maven run when the jar is newer than its sources" "no Maven run" "$RUN_ERR"

checks_summary "main job"

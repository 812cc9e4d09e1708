#!/usr/bin/env bash
# The native configuration, checked where native-image cannot run: Quarkus' native build steps without
# native-image itself (-Dquarkus.native.sources-only=true) write target/native-sources/native-image.args, the exact
# command line the pipeline's Mandrel step will run. A change that breaks what the pipeline relies on fails here,
# not forty minutes into a Bitbucket run.
# Run by src/scripts/test; standalone: src/test/harness/native_config.sh (needs only a JDK).
set -euo pipefail
. "$(dirname "$0")/../../scripts/lib/common.sh"
. "$REPO_DIR/src/test/harness/checks.sh"
cd "$REPO_DIR"

ARGS_FILE=target/native-sources/native-image.args
rm -rf target/native-sources
if ! output=$(./mvnw -B -ntp package -Dnative -Dquarkus.native.sources-only=true -DskipTests 2>&1); then
    printf '%s\n' "$output" | tail -n 40
    fail "Quarkus' native build steps run" "./mvnw package -Dnative -Dquarkus.native.sources-only=true failed"
    checks_summary "native configuration"
fi
check "Quarkus' native build steps write $ARGS_FILE" test -s "$ARGS_FILE"
args=" $(tr '\n' ' ' < "$ARGS_FILE" 2>/dev/null || true) "

# has_arg NAME ARG WHY: passes when ARG is one whole argument of the native-image command line.
has_arg() {
    case "$args" in
        *" $2 "*) pass "$1" ;;
        *) fail "$1" "$2 is missing from $ARGS_FILE ($3)" ;;
    esac
}
has_arg "mostly static: runs in any image with glibc 2.34 or newer" -H:+StaticExecutableWithDynamicLibC \
    "quarkus.native.additional-build-args in application.properties"
has_arg "built for any x86-64 CPU the runners have" -march=compatibility \
    "quarkus.native.additional-build-args in application.properties"
has_arg "no fallback image that would need a JVM" --no-fallback "Quarkus adds it unless fallback is enabled"

# The heap bound: set, and small enough for the pipeline's 2x step (8 GB), where Maven's JVM runs beside it.
heap=$(printf '%s' "$args" | grep -oE ' -J-Xmx[0-9]+[gGmM] ' | tr -d ' ' | head -n 1 || true)
if [ -z "$heap" ]; then
    fail "native-image's heap is bounded" "no -J-Xmx in $ARGS_FILE (quarkus.native.native-image-xmx in application.properties)"
else
    size=${heap#-J-Xmx}
    case "$size" in
        *[gG]) megabytes=$(( ${size%[gG]} * 1024 )) ;;
        *) megabytes=${size%[mM]} ;;
    esac
    if [ "$megabytes" -le 6144 ]; then
        pass "native-image's heap is bounded ($heap) within the 2x step's 8 GB beside Maven"
    else
        fail "native-image's heap is bounded within the 2x step's 8 GB beside Maven" "$heap leaves Maven less than 2 GB"
    fi
fi
check "the executable is named dhpush, as the pipeline and README expect" grep -qE '(^| )dhpush( |$)' "$ARGS_FILE"
# The BuildKit session: Netty's NioDomainSocketChannel finds UnixDomainSocketAddress by reflection, and grpc-java's
# native substitutions come with Quarkus' grpc-common extension.
check "the native image keeps UnixDomainSocketAddress for the BuildKit session's unix socket" \
    sh -c "unzip -p target/native-sources/dhpush.jar META-INF/native-image/reflect-config.json | grep -q java.net.UnixDomainSocketAddress"
check "grpc-java's native substitutions (quarkus-grpc-common) are on the native class path" \
    sh -c "ls target/native-sources/lib | grep -q quarkus-grpc-common"

checks_summary "native configuration"

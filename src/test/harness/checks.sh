# shellcheck shell=bash
# A minimal assertion runner for the shell-level tests: each check prints PASS or FAIL with its reason,
# and checks_summary prints the closing "N passed, N failed" line and fails the run on any failure.

CHECKS_PASSED=0
CHECKS_FAILED=0
CHECKS_FAILURES=()

pass() { CHECKS_PASSED=$((CHECKS_PASSED + 1)); printf 'PASS %s\n' "$1"; }
fail() {
    CHECKS_FAILED=$((CHECKS_FAILED + 1))
    CHECKS_FAILURES+=("$1: $2")
    printf 'FAIL %s: %s\n' "$1" "$2"
}

# check NAME COMMAND...: passes when the command exits 0; its output is shown only on failure.
check() {
    local name=$1 output
    shift
    if output=$("$@" 2>&1); then pass "$name"; else fail "$name" "$(printf '%s' "$output" | tail -n 15)"; fi
}

# expect_eq NAME EXPECTED ACTUAL
expect_eq() {
    if [ "$2" = "$3" ]; then pass "$1"; else fail "$1" "expected '$2', got '$3'"; fi
}

# expect_contains NAME NEEDLE HAYSTACK
expect_contains() {
    case "$3" in
        *"$2"*) pass "$1" ;;
        *) fail "$1" "'$2' not found in: $(printf '%s' "$3" | head -c 400)" ;;
    esac
}

checks_summary() {
    local suite=$1
    if [ "$CHECKS_FAILED" -gt 0 ]; then
        printf 'failed in %s:\n' "$suite"
        printf '  %s\n' "${CHECKS_FAILURES[@]}"
    fi
    printf '%s: %d passed, %d failed\n' "$suite" "$CHECKS_PASSED" "$CHECKS_FAILED"
    # src/scripts/test adds these to its summary line.
    [ -z "${DHPUSH_CHECK_COUNTS:-}" ] || printf '%d %d\n' "$CHECKS_PASSED" "$CHECKS_FAILED" >> "$DHPUSH_CHECK_COUNTS"
    [ "$CHECKS_FAILED" -eq 0 ]
}

# shellcheck shell=bash
# A Python base image made locally from Debian packages, standing in for the official python slim image
# that cannot be pulled here. Sourced; needs common.sh and a running engine.

PYTHON_BASE_IMAGE="dhpush-test/python:3.11-bookworm"

ensure_python_base() {
    if docker image inspect "$PYTHON_BASE_IMAGE" >/dev/null 2>&1; then
        log "python base: $PYTHON_BASE_IMAGE already built"
        return 0
    fi
    apt_install mmdebstrap
    log "python base: building $PYTHON_BASE_IMAGE from Debian packages (mmdebstrap + docker import)"
    # The machine's own apt sources go in on stdin (mirror "-"), so no package host is named here.
    apt_sources | mmdebstrap --quiet --variant=minbase --include=python3,python3-venv,ca-certificates \
            --dpkgopt='path-exclude=/usr/share/doc/*' --dpkgopt='path-exclude=/usr/share/man/*' \
            --dpkgopt='path-exclude=/usr/share/locale/*' bookworm - - \
        | docker import \
            --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
            --change 'ENV LANG=C.UTF-8' \
            --change 'CMD ["python3"]' \
            - "$PYTHON_BASE_IMAGE" >/dev/null \
        || die "could not build $PYTHON_BASE_IMAGE with mmdebstrap"
}

# The enabled Debian sources of this machine, deb822 or one-line, minus third-party ones.
apt_sources() {
    local file
    for file in /etc/apt/sources.list /etc/apt/sources.list.d/*.list /etc/apt/sources.list.d/*.sources; do
        [ -f "$file" ] || continue
        grep -q 'debian' "$file" || continue
        cat "$file"
        echo
    done
}

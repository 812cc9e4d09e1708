#!/usr/bin/env python3
"""Builds a PEP 503 "simple" package index on disk for one requirements file, from what this machine can reach.

The image build inside the tests cannot reach a public index, so the tests serve this directory over HTTP on
loopback and pass it to `docker build` as PIP_INDEX_URL. Each pin is fetched as written when the machine's pip
can get it; otherwise the newest release it can get is substituted, and the substitution is printed (the
offline index lacks Django 4.1.5, for one). Packages listed with --debian-package come from Debian's pure-Python
packages instead (python3-whitenoise: no index here has WhiteNoise), repacked as wheels.

Usage: wheel_mirror.py REQUIREMENTS MIRROR_DIR REWRITTEN_REQUIREMENTS [--debian-package NAME=MODULE ...]
"""
import argparse
import base64
import hashlib
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

PIN = re.compile(r"^\s*([A-Za-z0-9][A-Za-z0-9._-]*)\s*==\s*([^\s;#]+)")


def normalise(name):
    return re.sub(r"[-_.]+", "-", name).lower()


def wheel_from_debian(dist_name, module, wheelhouse):
    """Repacks /usr/lib/python3/dist-packages/MODULE (a pure-Python Debian package) as a py3-none-any wheel."""
    site = Path("/usr/lib/python3/dist-packages")
    infos = sorted(site.glob(f"{module}-*.egg-info")) + sorted(site.glob(f"{module}-*.dist-info"))
    if not (site / module).is_dir() or not infos:
        sys.exit(f"wheel_mirror: Debian's python3-{module} is not installed (apt-get install python3-{module})")
    version = re.match(rf"{module}-([^-]+?)(\.egg-info|\.dist-info)$", infos[0].name).group(1)
    info = f"{dist_name}-{version}.dist-info"
    wheel = wheelhouse / f"{dist_name}-{version}-py3-none-any.whl"
    records = []

    def add(archive, arcname, data):
        digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
        archive.writestr(arcname, data)
        records.append(f"{arcname},sha256={digest},{len(data)}")

    with zipfile.ZipFile(wheel, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted((site / module).rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts:
                add(archive, str(path.relative_to(site)), path.read_bytes())
        add(archive, f"{info}/METADATA",
            f"Metadata-Version: 2.1\nName: {dist_name}\nVersion: {version}\n"
            f"Summary: repacked from Debian's python3-{module} for offline tests\n".encode())
        add(archive, f"{info}/WHEEL",
            b"Wheel-Version: 1.0\nGenerator: dhpush-wheel-mirror\nRoot-Is-Purelib: true\nTag: py3-none-any\n")
        archive.writestr(f"{info}/RECORD", "\n".join(records + [f"{info}/RECORD,,"]) + "\n")
    return version


def pip_download(spec, wheelhouse):
    done = subprocess.run(
        [sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", "--only-binary=:all:",
         "--retries", "0", "--timeout", "5", "--find-links", str(wheelhouse), "--dest", str(wheelhouse), spec],
        capture_output=True, text=True)
    return done.returncode == 0


def version_in(wheelhouse, name):
    versions = [w.name.split("-")[1] for w in wheelhouse.glob("*.whl") if normalise(w.name.split("-")[0]) == normalise(name)]
    if not versions:
        return None
    from packaging.version import Version  # pip's own dependency, always importable next to pip
    return str(max(versions, key=Version))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("requirements", type=Path)
    parser.add_argument("mirror", type=Path)
    parser.add_argument("rewritten", type=Path)
    parser.add_argument("--debian-package", action="append", default=[], metavar="NAME=MODULE")
    args = parser.parse_args()

    wheelhouse = Path(tempfile.mkdtemp(prefix="wheelhouse-"))
    try:
        from_debian = {}
        for item in args.debian_package:
            name, module = item.split("=", 1)
            from_debian[normalise(name)] = wheel_from_debian(name, module, wheelhouse)

        lines = []
        for line in args.requirements.read_text().splitlines():
            pin = PIN.match(line)
            if not pin:
                lines.append(line)
                continue
            name, wanted = pin.groups()
            if normalise(name) not in from_debian and pip_download(f"{name}=={wanted}", wheelhouse):
                got = wanted
            else:
                if normalise(name) not in from_debian and not pip_download(name, wheelhouse):
                    sys.exit(f"wheel_mirror: no release of {name} is reachable from this machine's pip")
                got = version_in(wheelhouse, name)
            if got != wanted:
                print(f"SUBSTITUTED {name}=={wanted} -> {name}=={got} (the pinned release is not reachable offline)")
            lines.append(f"{name}=={got}")
        args.rewritten.write_text("\n".join(lines) + "\n")

        simple = args.mirror / "simple"
        shutil.rmtree(args.mirror, ignore_errors=True)
        for wheel in wheelhouse.glob("*.whl"):
            project = simple / normalise(wheel.name.split("-")[0])
            project.mkdir(parents=True, exist_ok=True)
            shutil.copy2(wheel, project / wheel.name)
    finally:
        shutil.rmtree(wheelhouse, ignore_errors=True)


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Writes a synthetic build context for the context-upload benchmark: SIZE bytes in FILES files of mixed sizes
(many small, a few large), a tenth of them under ignored/ which .dockerignore excludes, and a Dockerfile that
copies one small file. Deterministic: the same arguments give the same bytes.

Usage: context.py DIR TOTAL_BYTES FILE_COUNT
"""
import os
import random
import sys


def main():
    directory, total, count = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    rng = random.Random(42)
    weights = [rng.paretovariate(1.2) for _ in range(count)]
    scale = total / sum(weights)
    os.makedirs(directory, exist_ok=True)
    chunk = bytes(rng.getrandbits(8) for _ in range(1 << 16))
    for index, weight in enumerate(weights):
        sub = "ignored" if index % 10 == 0 else f"d{index % 50:02d}"
        path = os.path.join(directory, sub, f"f{index:05d}.bin")
        os.makedirs(os.path.dirname(path), exist_ok=True)
        size = max(1, int(weight * scale))
        with open(path, "wb") as out:
            while size > 0:
                out.write(chunk[: min(size, len(chunk))])
                size -= len(chunk)
    with open(os.path.join(directory, "small.txt"), "w") as out:
        out.write("the one file the image needs\n")
    with open(os.path.join(directory, ".dockerignore"), "w") as out:
        out.write("ignored/\n")
    with open(os.path.join(directory, "Dockerfile"), "w") as out:
        out.write("FROM scratch\nCOPY small.txt /small.txt\n")


if __name__ == "__main__":
    main()

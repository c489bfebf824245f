"""What `validate` and `eval` both check of a build, cheaply and with the same words: the manifest's shape and
the sha256 of each file read.

`eval` hashes every file it reads, every time: items.jsonl (hashed from the very bytes it then parses) and each
selected item's images (hashed once per process by the memo that request keys need anyway, since a key holds
its images' sha256, so checking them costs no extra read). There is deliberately no on-disk cache of image
hashes keyed by size and mtime: mtime can be set back after an edit (`touch -r`), and a flipped byte must
always be caught. On the default build (14,028 items, 16 MB of items.jsonl, 1,851 images, 921 MB, files in the
page cache, 2 shared cores) the check adds 0.045 s (the sha256 of items.jsonl; about 0.3 s for 100,000 items);
loading the items takes 1.0 s and hashing every image 1.3 s, both needed to key requests with or without it.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from multipriv.dataset.manifest import checked
from multipriv.errors import MultiPrivError
from multipriv.tasks.schema import Item, parse_items
from multipriv.tasks.schema import load_items as load_items  # its home is beside Item; kept importable here

MANIFEST_VERSION = 1
_DIGEST = re.compile(r"[0-9a-f]{64}")


def sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def pin_files(root: Path, names: Iterable[str]) -> dict[str, str]:
    """The manifest's `files`: sha256 of each named file under `root`."""
    return {name: sha256_file(root / name) for name in names}


def _inside(name: str) -> bool:
    pure = PurePosixPath(name)
    return bool(name) and "\\" not in name and not pure.is_absolute() and ".." not in pure.parts


def check_manifest(manifest: Any, path: Path) -> dict[str, Any]:
    """The manifest if it has the fields every reader relies on, else one line naming the first bad one."""
    if not isinstance(manifest, dict):
        raise MultiPrivError(f"{path}: not a MultiPriv manifest (a JSON {type(manifest).__name__}, not an object)")
    if manifest.get("manifest_version") != MANIFEST_VERSION:
        raise MultiPrivError(f"{path}: manifest version {manifest.get('manifest_version')!r} is not "
                             f"{MANIFEST_VERSION}; rebuild with this MultiPriv")
    files = manifest.get("files")
    if not isinstance(files, dict) or not files:
        raise MultiPrivError(f"{path}: field 'files' must map file names to sha256 digests")
    for name, digest in files.items():
        if not _inside(name):
            raise MultiPrivError(f"{path}: field 'files' lists {name!r}, which is not a path inside the build")
        if not isinstance(digest, str) or not _DIGEST.fullmatch(digest):
            raise MultiPrivError(f"{path}: field 'files' gives {name!r} no sha256 digest")
    counts = manifest.get("counts")
    if not isinstance(counts, dict) or type(counts.get("items")) is not int or counts["items"] < 0:
        raise MultiPrivError(f"{path}: field 'counts' must hold the number of items")
    if "images" in manifest and (type(manifest["images"]) is not int or manifest["images"] < 0):
        raise MultiPrivError(f"{path}: field 'images' must be a number of images")
    checked(manifest, path)  # and every other field has the type the model gives it
    return manifest


def read_manifest(root: Path) -> tuple[dict[str, Any], str]:
    """The checked manifest and the sha256 of the bytes it was read from."""
    path = root / "manifest.json"
    try:
        blob = path.read_bytes()
    except FileNotFoundError:
        raise MultiPrivError(f"{path}: no manifest; is {root} a MultiPriv build?") from None
    except OSError as exc:
        raise MultiPrivError(f"cannot read {path}: {exc.strerror or exc}") from None
    try:
        manifest = json.loads(blob.decode("utf-8"))
    except (ValueError, UnicodeDecodeError) as exc:
        raise MultiPrivError(f"{path}: not valid JSON ({' '.join(str(exc).split())})") from None
    return check_manifest(manifest, path), hashlib.sha256(blob).hexdigest()


def verify(root: Path, manifest: dict[str, Any], name: str, digest_of: Callable[[Path], str] = sha256_file) -> str:
    """sha256 of one file of the build, which must be the manifest's; the same one-line errors as `validate`."""
    expected = manifest["files"].get(name)
    if expected is None:
        raise MultiPrivError(f"{name}: not listed in the manifest")
    path = root / name
    if not path.is_file():
        raise MultiPrivError(f"{name}: listed in the manifest but missing")
    if digest_of(path) != expected:
        raise MultiPrivError(f"{name}: checksum mismatch (the file was changed or truncated)")
    return str(expected)


@dataclass(frozen=True)
class CheckedBuild:
    root: Path
    manifest: dict[str, Any]
    manifest_sha256: str
    items: list[Item]
    items_sha256: str


def load_checked(root: Path) -> CheckedBuild:
    """The manifest and items of a build whose items.jsonl is exactly what its manifest pins."""
    manifest, manifest_sha = read_manifest(root)
    path = root / "items.jsonl"
    data = _read(path, root)
    digest = hashlib.sha256(data).hexdigest()
    verify(root, manifest, "items.jsonl", lambda _: digest)
    items = parse_items(data, path)
    if len(items) != manifest["counts"]["items"]:
        raise MultiPrivError(f"items.jsonl: {len(items)} items, the manifest says {manifest['counts']['items']}")
    return CheckedBuild(root, manifest, manifest_sha, items, digest)


def _read(path: Path, root: Path) -> bytes:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise MultiPrivError(f"{path}: no items; is {root} a MultiPriv build?") from None
    except OSError as exc:
        raise MultiPrivError(f"cannot read {path}: {exc.strerror or exc}") from None


def fingerprint(digests: dict[str, str]) -> str:
    """One sha256 over (name, sha256) pairs: what a run records as the exact files it was checked against."""
    lines = "".join(f"{digests[name]}  {name}\n" for name in sorted(digests))
    return hashlib.sha256(lines.encode("utf-8", "surrogatepass")).hexdigest()

"""Where the CIFAR-10 binary test set is (Python twin of src/resnext/node/cifarData.ts).

In order: CIFAR10_DIR (a folder holding test_batch.bin, or one holding cifar-10-batches-bin/); ../shared/datasets/cifar10/
beside the repository when present; .cache/cifar10/cifar-10-batches-bin/, downloaded on first use from the dataset's
official address, verified by its published MD5 and extracted. Offline, the error says what to download, where to put
it and which variable to set.

  python3 training/cifar_data.py        # prints the path of test_batch.bin (downloading it if needed)
"""
import hashlib
import os
import shutil
import sys
import tarfile
import tempfile
import urllib.request

CIFAR10_URL = "https://www.cs.toronto.edu/~kriz/cifar-10-binary.tar.gz"
CIFAR10_MD5 = "c32a1d4ab5d03f1284b67883e8d87530"
BATCHES = "cifar-10-batches-bin"
TEST_FILE = "test_batch.bin"

REPO_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_SHARED = os.path.join(os.path.dirname(REPO_ROOT), "shared", "datasets", "cifar10")
DEFAULT_CACHE = os.path.join(REPO_ROOT, ".cache", "cifar10")


class CifarDataError(Exception):
    """A data problem explained for a person; `code` is env-empty, offline, checksum or archive."""

    def __init__(self, code, message):
        super().__init__(message)
        self.code = code


def batches_in(folder):
    """The folder holding test_batch.bin in `folder` or in `folder/cifar-10-batches-bin`, or None."""
    for d in (folder, os.path.join(folder, BATCHES)):
        if os.path.isfile(os.path.join(d, TEST_FILE)):
            return os.path.abspath(d)
    return None


def how_to_get_it(cache_dir, url):
    return (f"Download {url} (about 163 MB) and either\n"
            f"  - unpack it into {cache_dir} (giving {os.path.join(cache_dir, BATCHES, TEST_FILE)}), or\n"
            f"  - unpack it anywhere and set CIFAR10_DIR to the folder holding {BATCHES}/ (or {TEST_FILE}).")


def find_cifar10(env=None, shared_dir=DEFAULT_SHARED, cache_dir=DEFAULT_CACHE, url=CIFAR10_URL):
    """(folder, source) without downloading; None when no copy is found. source: env, shared or cache."""
    env = os.environ if env is None else env
    given = env.get("CIFAR10_DIR")
    if given:
        d = batches_in(os.path.abspath(given))
        if d is None:
            raise CifarDataError("env-empty", f"CIFAR10_DIR={given} holds neither {TEST_FILE} nor {BATCHES}/{TEST_FILE}.\n"
                                 + how_to_get_it(cache_dir, url))
        return d, "env"
    for folder, source in ((shared_dir, "shared"), (cache_dir, "cache")):
        d = batches_in(folder)
        if d:
            return d, source
    return None


def _download(url, path, log):
    md5 = hashlib.md5()
    with urllib.request.urlopen(url, timeout=60) as res, open(path, "wb") as out:
        total = int(res.headers.get("content-length") or 0)
        got, shown = 0, -1
        while True:
            chunk = res.read(1 << 20)
            if not chunk:
                break
            md5.update(chunk)
            out.write(chunk)
            got += len(chunk)
            tenth = 10 * got // total if total else -1
            if tenth > shown:
                shown = tenth
                log(f"CIFAR-10: {got / 1e6:.1f} of {total / 1e6:.1f} MB")
    return md5.hexdigest()


def locate_cifar10(env=None, shared_dir=DEFAULT_SHARED, cache_dir=DEFAULT_CACHE, url=CIFAR10_URL, md5=CIFAR10_MD5,
                   log=None):
    """(folder holding test_batch.bin, source); downloads into cache_dir when no copy is found (source 'download')."""
    found = find_cifar10(env, shared_dir, cache_dir, url)
    if found:
        return found
    log = log or (lambda line: print(line, file=sys.stderr, flush=True))
    cache_dir = os.path.abspath(cache_dir)
    os.makedirs(os.path.dirname(cache_dir), exist_ok=True)
    work = tempfile.mkdtemp(prefix=os.path.basename(cache_dir) + ".download-", dir=os.path.dirname(cache_dir))
    try:
        archive = os.path.join(work, "cifar-10-binary.tar.gz")
        log(f"CIFAR-10 test set not found; downloading {url} into {cache_dir}")
        try:
            got = _download(url, archive, log)
        except OSError as e:  # URLError and HTTPError included
            why = getattr(e, "reason", None) or e
            raise CifarDataError("offline", f"Could not download the CIFAR-10 test set ({why}).\n"
                                 + how_to_get_it(cache_dir, url)) from None
        if got != md5:
            raise CifarDataError("checksum", f"The download of {url} has MD5 {got}, not the published {md5}; "
                                 f"it was discarded.\n" + how_to_get_it(cache_dir, url))
        unpacked = os.path.join(work, "out")
        try:
            with tarfile.open(archive, "r:gz") as tar:
                if hasattr(tarfile, "data_filter"):
                    tar.extractall(unpacked, filter="data")
                else:  # Python before 3.11.4 / 3.10.12
                    tar.extractall(unpacked)
        except (tarfile.TarError, OSError) as e:
            raise CifarDataError("archive", f"Could not unpack {url}: {e}") from None
        if batches_in(unpacked) is None:
            raise CifarDataError("archive", f"{url} holds no {BATCHES}/{TEST_FILE}")
        os.remove(archive)
        try:
            os.rename(unpacked, cache_dir)
        except OSError:
            if batches_in(cache_dir) is None:  # not another process's finished copy
                raise
        log(f"CIFAR-10: ready in {batches_in(cache_dir)}")
        return batches_in(cache_dir), "download"
    finally:
        shutil.rmtree(work, ignore_errors=True)


def cifar_test_batch(**kw):
    """Path of test_batch.bin, downloading it on first use."""
    return os.path.join(locate_cifar10(**kw)[0], TEST_FILE)


def main():
    try:
        print(cifar_test_batch())
    except CifarDataError as e:
        print(e, file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())

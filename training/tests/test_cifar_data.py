"""The Python data locator: CIFAR10_DIR, the shared folder, the cache, then a download from a local HTTP server
serving an archive made here (its checksum passed in)."""
import functools
import hashlib
import http.server
import io
import os
import tarfile
import threading

import pytest

from cifar_data import CifarDataError, find_cifar10, locate_cifar10

RECORDS = bytes((i * 7 + 3) % 256 for i in range(3 * 3073))


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    """(url, md5, request counter) of a gzipped tar in the official layout."""
    d = tmp_path_factory.mktemp("served")
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w:gz") as tar:
        info = tarfile.TarInfo("cifar-10-batches-bin/test_batch.bin")
        info.size = len(RECORDS)
        tar.addfile(info, io.BytesIO(RECORDS))
    (d / "cifar-10-binary.tar.gz").write_bytes(buf.getvalue())
    hits = []

    class Handler(http.server.SimpleHTTPRequestHandler):
        def do_GET(self):
            hits.append(self.path)
            super().do_GET()

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Handler, directory=str(d)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/cifar-10-binary.tar.gz", \
        hashlib.md5(buf.getvalue()).hexdigest(), hits
    server.shutdown()


def test_cifar10_dir_flat_or_nested(tmp_path):
    (tmp_path / "flat").mkdir()
    (tmp_path / "flat" / "test_batch.bin").write_bytes(RECORDS)
    (tmp_path / "nested" / "cifar-10-batches-bin").mkdir(parents=True)
    (tmp_path / "nested" / "cifar-10-batches-bin" / "test_batch.bin").write_bytes(RECORDS)
    none = str(tmp_path / "none")
    assert find_cifar10({"CIFAR10_DIR": str(tmp_path / "flat")}, none, none) == (str(tmp_path / "flat"), "env")
    assert find_cifar10({"CIFAR10_DIR": str(tmp_path / "nested")}, none, none) == \
        (str(tmp_path / "nested" / "cifar-10-batches-bin"), "env")
    with pytest.raises(CifarDataError) as e:
        find_cifar10({"CIFAR10_DIR": str(tmp_path)}, none, none)
    assert e.value.code == "env-empty" and f"CIFAR10_DIR={tmp_path}" in str(e.value)
    assert find_cifar10({}, none, none) is None


def test_download_verify_unpack_then_cache(tmp_path, served):
    url, md5, hits = served
    cache = str(tmp_path / "cifar10")
    lines = []
    n = len(hits)
    d, source = locate_cifar10({}, str(tmp_path / "none"), cache, url, md5, lines.append)
    assert source == "download" and d == os.path.join(cache, "cifar-10-batches-bin")
    assert open(os.path.join(d, "test_batch.bin"), "rb").read() == RECORDS
    assert any(line.startswith("CIFAR-10: ") and " MB" in line for line in lines)
    assert sorted(os.listdir(tmp_path)) == ["cifar10"]
    assert locate_cifar10({}, str(tmp_path / "none"), cache, url, md5, lines.append) == (d, "cache")
    assert len(hits) == n + 1


def test_wrong_checksum_is_refused(tmp_path, served):
    url, md5, _ = served
    wrong = ("1" if md5[0] == "0" else "0") + md5[1:]
    with pytest.raises(CifarDataError) as e:
        locate_cifar10({}, str(tmp_path / "none"), str(tmp_path / "cifar10"), url, wrong, lambda line: None)
    assert e.value.code == "checksum" and md5 in str(e.value)
    assert os.listdir(tmp_path) == []


def test_offline_message(tmp_path):
    import socket
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    url = f"http://127.0.0.1:{port}/cifar-10-binary.tar.gz"
    cache = str(tmp_path / "cifar10")
    with pytest.raises(CifarDataError) as e:
        locate_cifar10({}, str(tmp_path / "none"), cache, url, "0" * 32, lambda line: None)
    msg = str(e.value)
    assert e.value.code == "offline" and url in msg and "CIFAR10_DIR" in msg
    assert os.path.join(cache, "cifar-10-batches-bin", "test_batch.bin") in msg
    assert os.listdir(tmp_path) == []

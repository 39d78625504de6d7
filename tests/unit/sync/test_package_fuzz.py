"""Mutated packages are all refused with a reason (issue 16: bit flips, truncation,
renamed/extra/missing files, wrong key, path traversal, zip bombs, manifest field mutations).

100 cases in the default run; the 1,000-case run is marked slow (CI runs it separately).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dangqun.sync import crypto, package
from dangqun.sync.package import PackageRejected, open_package
from tests.unit.sync.package_kit import canonical_zip, make_package, members_of, read_everything

NAMES = st.sampled_from(
    [
        "../manifest.json",
        "/data/organizations.ndjson.enc",
        "data/../../etc/passwd",
        "data\\organizations.ndjson.enc",
        "C:/x.ndjson",
        "data/members.ndjson.enc",
        "data/organizations.ndjson",
        "manifest.JSON",
        "SHA256SUMS.txt",
        "data/sub/x.ndjson.enc",
        "README",
    ]
)
JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers(-(2**40), 2**40) | st.text(max_size=20),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=6,
)


class Fixture:
    """One valid encrypted package, its members and the keys that open it."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self.key = Ed25519PrivateKey.generate()
        self.district = crypto.generate_district_keys()
        recipient = crypto.raw_public_key(self.district.encryption.public_key())
        self.written = make_package(directory / "good", self.key, recipient, rows=6)
        self.original = self.written.path.read_bytes()
        self.members = members_of(self.written.path)
        self.trusted = [crypto.raw_public_key(self.key.public_key())]
        self.count = 0

    def path(self) -> Path:
        self.count += 1
        return self.directory / f"mutant-{self.count}.dqpkg"


@pytest.fixture(scope="module")
def fixture(tmp_path_factory: pytest.TempPathFactory) -> Fixture:
    made = Fixture(tmp_path_factory.mktemp("fuzz"))
    with open_package(made.written.path, made.trusted, made.district.encryption) as opened:
        assert read_everything(opened) == 7
    return made


@st.composite
def mutants(draw: st.DrawFn, fixture: Fixture) -> tuple[str, Path, list[bytes]]:
    """(what was done, the mutant's path, the trusted keys to open it with)."""
    kind = draw(
        st.sampled_from(
            [
                "flip",
                "truncate",
                "rename",
                "extra",
                "missing",
                "wrong_key",
                "bomb",
                "manifest",
                "manifest_resigned",
                "duplicate",
                "append",
            ]
        )
    )
    members = list(fixture.members)
    trusted = fixture.trusted
    path = fixture.path()
    if kind == "flip":
        bits = draw(
            st.lists(
                st.integers(0, len(fixture.original) * 8 - 1), min_size=1, max_size=3, unique=True
            )
        )
        data = bytearray(fixture.original)
        for bit in bits:
            data[bit // 8] ^= 1 << (bit % 8)
        path.write_bytes(bytes(data))
    elif kind == "truncate":
        path.write_bytes(fixture.original[: draw(st.integers(0, len(fixture.original) - 1))])
    elif kind == "append":
        path.write_bytes(fixture.original + draw(st.binary(min_size=1, max_size=64)))
    elif kind == "wrong_key":
        path.write_bytes(fixture.original)
        trusted = [crypto.raw_public_key(Ed25519PrivateKey.generate().public_key())]
    else:
        if kind == "rename":
            index = draw(st.integers(0, len(members) - 1))
            new_name = draw(NAMES.filter(lambda name: name != members[index][0]))
            members[index] = (new_name, members[index][1])
        elif kind == "extra":
            members.append((draw(NAMES), draw(st.binary(max_size=200))))
        elif kind == "missing":
            del members[draw(st.integers(0, len(members) - 1))]
        elif kind == "duplicate":
            members.append(members[draw(st.integers(0, len(members) - 1))])
        elif kind == "bomb":
            members.append(("data/members.ndjson", b"\n" * draw(st.integers(2**20, 3 * 2**20))))
        else:
            contents = dict(members)
            manifest = json.loads(contents[package.MANIFEST])
            field = draw(st.sampled_from(sorted(manifest)))
            value = draw(JSON_VALUES.filter(lambda value: value != manifest[field]))
            manifest[field] = value
            manifest_bytes = package.manifest_to_bytes(manifest)
            contents[package.MANIFEST] = manifest_bytes
            if kind == "manifest_resigned":
                stranger = Ed25519PrivateKey.generate()
                contents[package.SIGNATURE] = crypto.sign(stranger, manifest_bytes)
            members = list(contents.items())
        with pytest.warns(UserWarning) if kind == "duplicate" else _no_warning_check():
            canonical_zip(path, members)
    return kind, path, trusted


class _no_warning_check:
    def __enter__(self) -> None:
        return None

    def __exit__(self, *exc: object) -> bool:
        return False


def _assert_rejected(fixture: Fixture, mutant: tuple[str, Path, list[bytes]]) -> None:
    kind, path, trusted = mutant
    with (
        pytest.raises(PackageRejected) as caught,
        open_package(path, trusted, fixture.district.encryption) as opened,
    ):
        read_everything(opened)
    assert re.search(r"[\u4e00-\u9fff]", caught.value.message), (kind, caught.value.message)
    path.unlink()


def _run(fixture: Fixture, examples: int) -> None:
    @settings(
        max_examples=examples,
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )
    @given(data=st.data())
    def run(data: st.DataObject) -> None:
        _assert_rejected(fixture, data.draw(mutants(fixture)))

    run()


def test_every_mutant_is_refused_with_a_reason(fixture: Fixture) -> None:
    _run(fixture, 100)


@pytest.mark.slow
def test_a_thousand_mutants_are_refused_with_a_reason(fixture: Fixture) -> None:
    _run(fixture, 1000)

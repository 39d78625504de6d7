"""Keys made once per session (key generation is cheap, but the fuzz test opens many packages)."""

from __future__ import annotations

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from dangqun.sync import crypto


@pytest.fixture(scope="session")
def center_key() -> Ed25519PrivateKey:
    return Ed25519PrivateKey.generate()


@pytest.fixture(scope="session")
def district_keys() -> crypto.DistrictKeys:
    return crypto.generate_district_keys()


@pytest.fixture(scope="session")
def center_public(center_key: Ed25519PrivateKey) -> bytes:
    return crypto.raw_public_key(center_key.public_key())


@pytest.fixture(scope="session")
def district_encryption_public(district_keys: crypto.DistrictKeys) -> bytes:
    return crypto.raw_public_key(district_keys.encryption.public_key())

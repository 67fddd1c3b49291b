"""The workspace's Ed25519 key pair: it signs the head of the history and every case file.

The private key stays in the workspace folder (``keys/``) and never goes into a case file;
the public key is stored in the database and its fingerprint is shown in the interface and
printed on reports, so an office can tell which laptop vouched for what.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from forensiclog.domain.errors import EnvironmentProblem

KEY_FILE = Path("keys") / "workspace.key"


class Signer:
    def __init__(self, private_key: Ed25519PrivateKey) -> None:
        self._key = private_key

    @property
    def public_key_hex(self) -> str:
        raw = self._key.public_key().public_bytes(
            serialization.Encoding.Raw, serialization.PublicFormat.Raw
        )
        return raw.hex()

    def sign(self, message: bytes) -> str:
        return self._key.sign(message).hex()


def generate_key(workspace: Path) -> Signer:
    """A new key pair written to ``workspace/keys`` (readable by its owner only)."""
    key = Ed25519PrivateKey.generate()
    path = workspace / KEY_FILE
    path.parent.mkdir(mode=0o700, exist_ok=True)
    pem = key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "wb") as handle:
        handle.write(pem)
        handle.flush()
        os.fsync(handle.fileno())
    return Signer(key)


def load_key(workspace: Path) -> Signer:
    path = workspace / KEY_FILE
    try:
        key = serialization.load_pem_private_key(path.read_bytes(), password=None)
    except FileNotFoundError:
        raise EnvironmentProblem(
            f"{path}: the workspace's signing key is missing; restore it from a backup"
        ) from None
    except ValueError:
        raise EnvironmentProblem(f"{path}: the workspace's signing key is unreadable") from None
    if not isinstance(key, Ed25519PrivateKey):
        raise EnvironmentProblem(f"{path}: not an Ed25519 key")
    return Signer(key)


def verify_signature(public_key_hex: str, message: bytes, signature_hex: str) -> bool:
    try:
        public = Ed25519PublicKey.from_public_bytes(bytes.fromhex(public_key_hex))
        public.verify(bytes.fromhex(signature_hex), message)
    except (InvalidSignature, ValueError):
        return False
    return True


def fingerprint(public_key_hex: str) -> str:
    """A short, readable fingerprint of a public key: 8 groups of 4 hex digits of its SHA-256."""
    digest = hashlib.sha256(bytes.fromhex(public_key_hex)).hexdigest()[:32].upper()
    return "-".join(digest[i : i + 4] for i in range(0, 32, 4))

"""Password hashing: argon2id, salted, with the RFC 9106 low-memory parameters."""

from __future__ import annotations

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from forensiclog.domain.errors import InvalidInput

_HASHER = PasswordHasher()
MIN_LENGTH = 8
# A hash of nothing in particular, verified when the user does not exist, so that a wrong
# user name takes as long as a wrong password.
_DUMMY = "$argon2id$v=19$m=65536,t=3,p=4$2kDyCwkfqGG3eIbLVSgi+Q$EWYM6x56z0M1OwoffaVuYl0pCLh+qjrhYs/uH55Vgoo"


def check_strength(password: str) -> None:
    if len(password) < MIN_LENGTH:
        raise InvalidInput("password", f"must be at least {MIN_LENGTH} characters long")


def hash_password(password: str) -> str:
    check_strength(password)
    return _HASHER.hash(password)


def verify_password(stored: str | None, password: str) -> bool:
    try:
        return _HASHER.verify(stored or _DUMMY, password) and stored is not None
    except (VerificationError, InvalidHashError):
        return False

"""Password hashing: argon2id, salted and slow.

Parameters are OWASP's first recommendation for argon2id (46 MiB, one pass, one lane): every
command-line call signs in, so the cost is paid on each one. Each stored hash names its own
parameters, so older hashes keep verifying if these change.
"""

from __future__ import annotations

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from forensiclog.domain.errors import InvalidInput

_HASHER = PasswordHasher(time_cost=1, memory_cost=47_104, parallelism=1)
MIN_LENGTH = 8
# A hash of nothing in particular, verified when the user does not exist, so that a wrong
# user name takes as long as a wrong password.
_DUMMY = "$argon2id$v=19$m=47104,t=1,p=1$2+wMFoJ2oIa4IrmjBaEoyw$N0GLgjgBhAekDVP3sRJ/3fXHGGcilwFKlsaGV2C+P0k"


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

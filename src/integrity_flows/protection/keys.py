"""The key that protects sensitive data at rest, and what it does with values.

A :class:`FieldKey` is 32 random bytes supplied by the host (never stored by the
library). Three keys are derived from it with HKDF-SHA256, one per purpose, so no key
is used for two things:

- *encryption*: AES-256-GCM over the JSON of a value, with a fresh 96-bit nonce each
  time and the case id and field name as associated data, so a ciphertext cannot be
  moved to another case or field without the reading failing;
- *lookup*: HMAC-SHA256 of a value that is kept only as a hash (a tracking code), so it
  can be found by equality without being stored;
- *identification*: a short fingerprint naming the key, written with every ciphertext,
  so a reading with another key says so instead of failing obscurely.

A sealed value is text: ``sealed:1:<fingerprint>:<base64url(nonce + ciphertext)>``.
The key's text form is ``ifkey1:<base64url of the 32 bytes>``; it never appears in
``repr`` or in an error message.
"""

from __future__ import annotations

import base64
import binascii
import hmac
import json
import secrets
from hashlib import sha256
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from integrity_flows.errors import InvalidKey

KEY_PREFIX = "ifkey1:"
SEALED_PREFIX = "sealed:1:"
_KEY_BYTES = 32
_NONCE_BYTES = 12
_FINGERPRINT_HEX = 8


def _b64(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def _derive(secret: bytes, purpose: str) -> bytes:
    return HKDF(
        algorithm=hashes.SHA256(),
        length=_KEY_BYTES,
        salt=None,
        info=f"integrity-flows/1/{purpose}".encode(),
    ).derive(secret)


def is_sealed(value: Any) -> bool:
    """True when ``value`` is a sealed (encrypted) value, or a list of them."""
    if isinstance(value, list):
        return bool(value) and all(is_sealed(item) for item in value)
    return isinstance(value, str) and value.startswith(SEALED_PREFIX)


def sealed_fingerprint(value: str) -> str | None:
    """The fingerprint of the key that sealed ``value`` (None when not sealed)."""
    if not is_sealed(value):
        return None
    return value[len(SEALED_PREFIX) :].partition(":")[0]


class SealBroken(ValueError):
    """A sealed value could not be opened: another key, or the text was altered."""

    def __init__(self, fingerprint: str | None, expected: str) -> None:
        super().__init__("the sealed value cannot be opened with this key")
        self.fingerprint = fingerprint
        self.expected = expected


class FieldKey:
    """The host's key for sensitive data. Build it with :meth:`generate` or :meth:`from_text`."""

    __slots__ = ("_cipher", "_lookup", "_secret", "fingerprint")

    def __init__(self, secret: bytes) -> None:
        if not isinstance(secret, bytes) or len(secret) != _KEY_BYTES:
            raise InvalidKey(
                f"กุญแจต้องเป็นข้อมูลขนาด {_KEY_BYTES} ไบต์",
                f"a key is {_KEY_BYTES} bytes",
            )
        self._secret = secret
        self._cipher = AESGCM(_derive(secret, "field-encryption"))
        self._lookup = _derive(secret, "lookup-hash")
        self.fingerprint = hmac.new(_derive(secret, "key-id"), b"fingerprint", sha256).hexdigest()[
            :_FINGERPRINT_HEX
        ]

    @classmethod
    def generate(cls) -> FieldKey:
        """A new random key (from :mod:`secrets`)."""
        return cls(secrets.token_bytes(_KEY_BYTES))

    @classmethod
    def from_text(cls, text: str) -> FieldKey:
        """Read a key written by :attr:`text` (``ifkey1:...``); surrounding space is ignored."""
        cleaned = text.strip()
        if not cleaned.startswith(KEY_PREFIX):
            raise InvalidKey(
                f"ไม่ใช่กุญแจของ integrity-flows (ต้องขึ้นต้นด้วย {KEY_PREFIX})",
                f"not an integrity-flows key (it must start with {KEY_PREFIX})",
            )
        try:
            raw = _unb64(cleaned[len(KEY_PREFIX) :])
        except (binascii.Error, ValueError) as exc:
            raise InvalidKey(
                "กุญแจไม่ถูกต้อง (อ่านรหัส base64 ไม่ได้)", "the key is not valid base64url"
            ) from exc
        if len(raw) != _KEY_BYTES:
            raise InvalidKey(
                f"กุญแจไม่ครบ (ได้ {len(raw)} ไบต์ ต้องเป็น {_KEY_BYTES})",
                f"the key has {len(raw)} bytes, not {_KEY_BYTES}",
            )
        return cls(raw)

    @property
    def text(self) -> str:
        """The key as text, to keep in a key file or an environment variable. Secret."""
        return KEY_PREFIX + _b64(self._secret)

    def __repr__(self) -> str:
        return f"FieldKey(fingerprint={self.fingerprint!r})"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, FieldKey):
            return NotImplemented
        return hmac.compare_digest(self._secret, other._secret)

    def __hash__(self) -> int:
        return hash(self.fingerprint)

    # --- values -------------------------------------------------------------

    def seal(self, value: Any, context: str) -> str:
        """``value`` (JSON data) encrypted, bound to ``context`` (the case and field)."""
        nonce = secrets.token_bytes(_NONCE_BYTES)
        plain = json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode()
        sealed = self._cipher.encrypt(nonce, plain, context.encode())
        return f"{SEALED_PREFIX}{self.fingerprint}:{_b64(nonce + sealed)}"

    def open(self, text: str, context: str) -> Any:
        """The value :meth:`seal` sealed under ``context``; :class:`SealBroken` otherwise."""
        fingerprint, _, payload = text[len(SEALED_PREFIX) :].partition(":")
        if not is_sealed(text) or fingerprint != self.fingerprint:
            raise SealBroken(fingerprint or None, self.fingerprint)
        try:
            raw = _unb64(payload)
            plain = self._cipher.decrypt(raw[:_NONCE_BYTES], raw[_NONCE_BYTES:], context.encode())
        except (InvalidTag, binascii.Error, ValueError) as exc:
            raise SealBroken(fingerprint, self.fingerprint) from exc
        return json.loads(plain)

    def lookup_hash(self, text: str) -> str:
        """HMAC-SHA256 of ``text`` with the lookup key, as hex: equal texts, equal hashes."""
        return hmac.new(self._lookup, text.encode(), sha256).hexdigest()


__all__ = [
    "KEY_PREFIX",
    "SEALED_PREFIX",
    "FieldKey",
    "SealBroken",
    "is_sealed",
    "sealed_fingerprint",
]

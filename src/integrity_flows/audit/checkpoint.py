"""Signed checkpoints: the Merkle tree's size and root, signed, in the transparency-log
checkpoint format (https://c2sp.org/tlog-checkpoint) as a signed note
(https://c2sp.org/signed-note, Go's ``golang.org/x/mod/sumdb/note``), so that the tools of
the Go checksum database and Sigstore read them as they read their own::

    integrity-flows/log/1f0c3a9b2e4d5f60
    1042
    y0VbN8c6JmZ0pQ2xvJ3F0Qm1m0mWc3b4Q0hJm5mS3w8=

    — audit-office qXv3bg4mX0h2...

The first line is the log's origin, then the tree size in decimal, then the root hash in
base64; a blank line, then one line per signature: an em dash, the key's name, and the
base64 of the key hash (4 bytes) followed by the Ed25519 signature of the text above the
blank line. A key hash is the first 4 bytes of SHA-256(name, newline, 0x01, public key).

Keys are written as the note package writes them: ``PRIVATE+KEY+<name>+<hash>+<base64>``
for the signer (kept secret, outside the database), ``<name>+<hash>+<base64>`` for the
verifier handed to auditors, where ``<hash>`` is the key hash in 8 hex digits and the
base64 holds the algorithm byte 0x01 and the 32-byte seed or public key.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import re

import attrs
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
)
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from integrity_flows.errors import InvalidCheckpoint

ALG_ED25519 = 1
_DASH = "\u2014 "
_SIZE = re.compile(r"0|[1-9][0-9]*")
_MAX_SIGNATURES = 100


def _valid_name(name: str) -> bool:
    return bool(name) and "+" not in name and not any(c.isspace() for c in name)


def key_hash(name: str, key: bytes) -> int:
    """The note key hash of ``key`` (algorithm byte and public key) named ``name``."""
    digest = hashlib.sha256(name.encode("utf-8") + b"\n" + key).digest()
    return int.from_bytes(digest[:4], "big")


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: str) -> bytes | None:
    try:
        return base64.b64decode(text.encode("ascii"), validate=True)
    except (binascii.Error, UnicodeEncodeError):
        return None


def _bad_key(th: str, en: str) -> InvalidCheckpoint:
    return InvalidCheckpoint(th, en)


@attrs.frozen
class VerifierKey:
    """The public half of a signing key: what an auditor checks checkpoints with."""

    name: str
    hash: int
    public: bytes

    @classmethod
    def from_text(cls, text: str) -> VerifierKey:
        """Read ``<name>+<hash>+<base64>``; a signer key is refused, never echoed."""
        text = text.strip()
        if text.startswith("PRIVATE+KEY+"):
            raise _bad_key(
                "นี่คือกุญแจลับสำหรับลงนาม ไม่ใช่กุญแจสาธารณะ อย่าส่งให้ผู้อื่น",
                "this is a private signing key, not a public key: do not hand it out",
            )
        name, _, rest = text.partition("+")
        hex8, _, key64 = rest.partition("+")
        key = _unb64(key64)
        if not _valid_name(name) or not re.fullmatch(r"[0-9a-f]{8}", hex8) or not key:
            raise _bad_key(
                "กุญแจสาธารณะไม่อยู่ในรูปแบบ <ชื่อ>+<แฮช 8 หลัก>+<base64>",
                "not a public key of the form <name>+<8 hex digits>+<base64>",
            )
        if key[0] != ALG_ED25519 or len(key) != 33:
            raise _bad_key("กุญแจสาธารณะไม่ใช่กุญแจ Ed25519", "the public key is not an Ed25519 key")
        if int(hex8, 16) != key_hash(name, key):
            raise _bad_key(
                "ค่าแฮชของกุญแจสาธารณะไม่ตรงกับตัวกุญแจ", "the public key's hash does not match its key"
            )
        return cls(name, int(hex8, 16), key[1:])

    @property
    def text(self) -> str:
        """The key as auditors are given it."""
        return f"{self.name}+{self.hash:08x}+{_b64(bytes([ALG_ED25519]) + self.public)}"

    def verify(self, message: bytes, signature: bytes) -> bool:
        """True when ``signature`` is this key's Ed25519 signature of ``message``."""
        try:
            Ed25519PublicKey.from_public_bytes(self.public).verify(signature, message)
        except InvalidSignature:
            return False
        return True


@attrs.frozen(repr=False)
class SigningKey:
    """An Ed25519 key that signs checkpoints. Kept outside the database: whoever holds it
    can sign any tree."""

    name: str
    seed: bytes

    def __repr__(self) -> str:
        return f"SigningKey({self.name!r}, {self.verifier.text!r})"

    @classmethod
    def generate(cls, name: str) -> SigningKey:
        """A new random key named ``name`` (no spaces, no ``+``)."""
        if not _valid_name(name):
            raise _bad_key(
                f"ชื่อกุญแจ {name!r} ต้องไม่ว่าง ไม่มีช่องว่างและเครื่องหมาย +",
                f"the key name {name!r} must be non-empty, without spaces or '+'",
            )
        seed = Ed25519PrivateKey.generate().private_bytes_raw()
        return cls(name, seed)

    @classmethod
    def from_text(cls, text: str) -> SigningKey:
        """Read ``PRIVATE+KEY+<name>+<hash>+<base64>`` (never echoes the text)."""
        parts = text.strip().split("+", 4)
        key = _unb64(parts[4]) if len(parts) == 5 else None
        if (
            len(parts) != 5
            or parts[:2] != ["PRIVATE", "KEY"]
            or not _valid_name(parts[2])
            or not re.fullmatch(r"[0-9a-f]{8}", parts[3])
            or key is None
            or len(key) != 33
            or key[0] != ALG_ED25519
        ):
            raise _bad_key(
                "ไฟล์นี้ไม่ใช่กุญแจลงนาม (PRIVATE+KEY+<ชื่อ>+<แฮช>+<base64>)",
                "not a signing key (PRIVATE+KEY+<name>+<hash>+<base64>)",
            )
        signing = cls(parts[2], key[1:])
        if signing.verifier.hash != int(parts[3], 16):
            raise _bad_key(
                "ค่าแฮชของกุญแจลงนามไม่ตรงกับตัวกุญแจ", "the signing key's hash does not match its key"
            )
        return signing

    @property
    def verifier(self) -> VerifierKey:
        """The public half, for auditors."""
        public = (
            Ed25519PrivateKey.from_private_bytes(self.seed)
            .public_key()
            .public_bytes(Encoding.Raw, PublicFormat.Raw)
        )
        return VerifierKey(self.name, key_hash(self.name, bytes([1]) + public), public)

    @property
    def text(self) -> str:
        """The key as its file holds it."""
        encoded = _b64(bytes([ALG_ED25519]) + self.seed)
        return f"PRIVATE+KEY+{self.name}+{self.verifier.hash:08x}+{encoded}"

    def sign(self, message: bytes) -> bytes:
        """The Ed25519 signature of ``message``."""
        return Ed25519PrivateKey.from_private_bytes(self.seed).sign(message)


@attrs.frozen
class Signature:
    """One signature line of a note: the key's name, its hash and the signature."""

    name: str
    hash: int
    signature: bytes
    line: int


@attrs.frozen
class Checkpoint:
    """A tree's origin, size and root hash; ``text`` is the note text it is read from."""

    origin: str
    size: int
    root: bytes
    extensions: tuple[str, ...] = ()

    @property
    def text(self) -> str:
        """The note text (what the signatures sign), ending in a newline."""
        lines = [self.origin, str(self.size), _b64(self.root), *self.extensions]
        return "".join(f"{line}\n" for line in lines)

    def signed(self, key: SigningKey) -> str:
        """The checkpoint as a note signed by ``key``."""
        text = self.text
        sig = key.verifier.hash.to_bytes(4, "big") + key.sign(text.encode("utf-8"))
        return f"{text}\n{_DASH}{key.name} {_b64(sig)}\n"


@attrs.frozen
class SignedCheckpoint:
    """A checkpoint read from a signed note, with its signature lines, not yet checked."""

    checkpoint: Checkpoint
    signatures: tuple[Signature, ...]
    source: str

    def check(self, key: VerifierKey) -> None:
        """Raise :class:`InvalidCheckpoint` unless ``key`` signed this checkpoint."""
        mine = [s for s in self.signatures if (s.name, s.hash) == (key.name, key.hash)]
        if not mine:
            names = ", ".join(f"{s.name}+{s.hash:08x}" for s in self.signatures)
            raise InvalidCheckpoint(
                f"{self.source}: ไม่มีลายมือชื่อของกุญแจ {key.name}+{key.hash:08x} "
                f"(ลงนามโดย {names}) กุญแจสาธารณะไม่ถูกต้องหรือเป็นของผู้อื่น",
                f"{self.source}: not signed by the key {key.name}+{key.hash:08x} "
                f"(signed by {names}): wrong public key",
            )
        message = self.checkpoint.text.encode("utf-8")
        for sig in mine:
            if not key.verify(message, sig.signature):
                raise InvalidCheckpoint(
                    f"{self.source} บรรทัดที่ {sig.line}: ลายมือชื่อไม่ถูกต้อง (ข้อความถูกแก้ไขหรือลายมือชื่อปลอม)",
                    f"{self.source} line {sig.line}: bad signature "
                    "(the checkpoint was altered, or the signature forged)",
                )


def _refuse(source: str, line: int, th: str, en: str) -> InvalidCheckpoint:
    return InvalidCheckpoint(f"{source} บรรทัดที่ {line}: {th}", f"{source} line {line}: {en}")


def parse(text: str, source: str = "checkpoint") -> SignedCheckpoint:
    """Read a signed checkpoint; a malformed one is refused naming its line."""
    bad = next((c for c in text if ord(c) < 0x20 and c != "\n"), None)
    if bad is not None:
        line = text[: text.index(bad)].count("\n") + 1
        raise _refuse(source, line, "มีอักขระควบคุมที่ไม่อนุญาต", f"control character {bad!r} not allowed")
    split = text.rfind("\n\n")
    if split < 0 or not text.endswith("\n"):
        raise _refuse(
            source,
            text.count("\n") + 1,
            "ไม่พบบรรทัดว่างตามด้วยลายมือชื่อ (ไม่ใช่ checkpoint ที่ลงนาม)",
            "no blank line followed by signature lines (not a signed checkpoint)",
        )
    body, sigs = text[: split + 1], text[split + 2 :]
    checkpoint = _checkpoint(body, source)
    first = body.count("\n") + 2
    signatures = tuple(
        _signature(line, first + n, source) for n, line in enumerate(sigs.splitlines())
    )
    if not signatures or len(signatures) > _MAX_SIGNATURES:
        raise _refuse(source, first, "ไม่มีลายมือชื่อ", "no signature lines")
    return SignedCheckpoint(checkpoint, signatures, source)


def _checkpoint(body: str, source: str) -> Checkpoint:
    lines = body.splitlines()
    if len(lines) < 3:
        raise _refuse(
            source,
            len(lines) + 1,
            "checkpoint ต้องมีต้นทาง ขนาด และค่าแฮชราก อย่างละหนึ่งบรรทัด",
            "a checkpoint needs an origin, a tree size and a root hash, one a line",
        )
    origin, size, root, *extensions = lines
    if not origin:
        raise _refuse(source, 1, "ไม่มีชื่อต้นทาง (origin)", "the origin line is empty")
    if not _SIZE.fullmatch(size):
        raise _refuse(
            source,
            2,
            f"ขนาดต้นไม้ {size!r} ไม่ใช่จำนวนเต็มฐานสิบ",
            f"the tree size {size!r} is not a decimal number",
        )
    hash_ = _unb64(root)
    if hash_ is None or len(hash_) != 32:
        raise _refuse(
            source,
            3,
            f"ค่าแฮชราก {root!r} ไม่ใช่ base64 ของ 32 ไบต์",
            f"the root hash {root!r} is not the base64 of 32 bytes",
        )
    for n, extension in enumerate(extensions, start=4):
        if not extension:
            raise _refuse(source, n, "บรรทัดว่างในเนื้อความ", "empty line in the checkpoint")
    return Checkpoint(origin, int(size), hash_, tuple(extensions))


def _signature(line: str, number: int, source: str) -> Signature:
    name, _, encoded = line.removeprefix(_DASH).partition(" ")
    sig = _unb64(encoded)
    if not line.startswith(_DASH) or not _valid_name(name) or sig is None or len(sig) < 5:
        raise _refuse(
            source,
            number,
            "บรรทัดลายมือชื่อต้องเป็น '— <ชื่อ> <base64>'",
            "a signature line must read '— <name> <base64>'",
        )
    return Signature(name, int.from_bytes(sig[:4], "big"), sig[4:], number)

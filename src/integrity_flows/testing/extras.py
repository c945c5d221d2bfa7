"""The optional extras a part of :mod:`integrity_flows.testing` needs, named when missing."""

from __future__ import annotations


def missing_bdd(exc: ModuleNotFoundError, module: str) -> ModuleNotFoundError:
    """The error for ``module`` imported without the ``bdd`` extra (pytest, pytest-bdd):
    it names the extra and how to install it, in English and Thai."""
    message = (
        f"{module} needs {exc.name or 'pytest-bdd'}, which the 'bdd' extra installs: "
        'pip install "integrity-flows[bdd]" (from a clone of the repository: '
        'pip install -e ".[bdd]"; from a wheel: '
        'pip install "integrity_flows-VERSION-py3-none-any.whl[bdd]")'
        f" / {module} ต้องใช้ {exc.name or 'pytest-bdd'} ซึ่งติดตั้งพร้อมส่วนเสริม 'bdd': "
        'pip install "integrity-flows[bdd]"'
    )
    return ModuleNotFoundError(message, name=exc.name)


__all__ = ["missing_bdd"]

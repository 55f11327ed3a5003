"""Local development secrets, kept in the git-ignored data folder.

`make run` calls `ensure()` before Django starts so a newcomer never has to invent keys, and
settings only ever *read* the file. Production sets the same variables in the environment.
"""

import base64
import os
import secrets
from pathlib import Path

DATA_DIR = Path(os.environ.get("MEND_DATA_DIR", Path(__file__).resolve().parent.parent / "data"))
SECRETS_FILE = DATA_DIR / "secrets.env"


def new_fernet_key() -> str:
    return base64.urlsafe_b64encode(secrets.token_bytes(32)).decode()


def ensure(path: Path = SECRETS_FILE) -> bool:
    """Create the secrets file if it is missing. Returns True when it was created."""
    if path.exists():
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    lines = [
        f"MEND_SECRET_KEY={secrets.token_urlsafe(50)}",
        f"MEND_ENCRYPTION_KEYS={new_fernet_key()}",
    ]
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w") as handle:
        handle.write("\n".join(lines) + "\n")
    return True


def read(path: Path = SECRETS_FILE) -> dict[str, str]:
    if not path.exists():
        return {}
    values = {}
    for line in path.read_text().splitlines():
        name, sep, value = line.partition("=")
        if sep and not name.startswith("#"):
            values[name.strip()] = value.strip()
    return values


if __name__ == "__main__":
    if ensure():
        print(f"Created local secrets in {SECRETS_FILE}")

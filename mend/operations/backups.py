"""Whole-database backups: SQLite's online backup API, or pg_dump / pg_restore.

Private text stays encrypted inside a backup; keep MEND_ENCRYPTION_KEYS somewhere else, or the
backup cannot be read — which is the point.
"""

import os
import sqlite3
import subprocess
from pathlib import Path

from django.db import connection


def _is_sqlite() -> bool:
    return connection.vendor == "sqlite"


def _pg_env_and_args() -> tuple[dict, list[str]]:
    db = connection.settings_dict
    env = {**os.environ}
    if db.get("PASSWORD"):
        env["PGPASSWORD"] = db["PASSWORD"]
    args = [
        "--host",
        db.get("HOST") or "localhost",
        "--port",
        str(db.get("PORT") or 5432),
        "--username",
        db.get("USER") or "postgres",
        "--dbname",
        db["NAME"],
    ]
    return env, args


def backup(target: Path) -> Path:
    """Write a consistent copy of the live database to `target` while Mend keeps running."""
    target.parent.mkdir(parents=True, exist_ok=True)
    if _is_sqlite():
        connection.ensure_connection()
        with sqlite3.connect(target) as copy:
            connection.connection.backup(copy)
        copy.close()
    else:
        env, args = _pg_env_and_args()
        # pg_dump from PATH, arguments from our own settings: nothing from users reaches here.
        subprocess.run(  # noqa: S603
            ["pg_dump", "--format=custom", "--no-owner", "--file", str(target), *args],  # noqa: S607
            env=env,
            check=True,
        )
    os.chmod(target, 0o600)
    return target


def restore(source: Path) -> None:
    """Replace the live database's contents with a backup made by `backup`."""
    if not source.exists():
        raise FileNotFoundError(f"No backup at {source}")
    connection.close()
    if _is_sqlite():
        connection.ensure_connection()
        with sqlite3.connect(source) as original:
            original.backup(connection.connection)
        original.close()
    else:
        env, args = _pg_env_and_args()
        subprocess.run(  # noqa: S603
            [  # noqa: S607
                "pg_restore",
                "--clean",
                "--if-exists",
                "--no-owner",
                "--single-transaction",
                *args,
                str(source),
            ],
            env=env,
            check=True,
        )

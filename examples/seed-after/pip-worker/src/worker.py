"""Marks queued jobs as done, a batch at a time, polling Postgres."""
import os
import time
import tomllib
from pathlib import Path

import psycopg2

CONFIG = tomllib.loads((Path(__file__).parent.parent / "config" / "worker.toml").read_text())


def main():
    connection = psycopg2.connect(os.environ["DATABASE_URL"])
    while True:
        with connection, connection.cursor() as cursor:
            cursor.execute(
                "UPDATE jobs SET state = 'done'"
                " WHERE id IN (SELECT id FROM jobs WHERE state = 'queued' LIMIT %s)",
                (CONFIG["batch_size"],),
            )
        time.sleep(CONFIG["poll_seconds"])


if __name__ == "__main__":
    main()

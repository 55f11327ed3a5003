"""Coach speed: `analyze` in-process on 500-character messages, and POST /api/coach/analyze
under 16 concurrent clients on loopback (gunicorn sync workers, one per core): once from 16
Python threads, once from wrk when it is installed (its load costs the server less CPU).

    .venv/bin/python bench/coach_latency.py [--requests 3200] [--clients 16]

Prints p50/p95/p99 latencies in milliseconds and the request rate (wrk's in rounds, with the
median round's p95), and the slowest of a few texts built to be hard. Targets: in-process p95
at most 5 ms; API p95 at most 30 ms.
"""

import argparse
import http.client
import json
import os
import random
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from mend.coach import analyze, learned  # noqa: E402


def messages(count: int, length: int = 500, seed: int = 7) -> list[str]:
    """Realistic 500-character messages stitched from the development set's sentences."""
    sentences = [item["text"] for item in learned.examples("en")]
    rng = random.Random(seed)
    out = []
    for _ in range(count):
        text = ""
        while len(text) < length:
            text += rng.choice(sentences) + " "
        out.append(text[:length])
    return out


def percentiles(samples: list[float]) -> str:
    q = statistics.quantiles(samples, n=100)
    return f"p50 {q[49]:.2f} ms  p95 {q[94]:.2f} ms  p99 {q[98]:.2f} ms  (n={len(samples)})"


def in_process(n: int) -> None:
    texts = messages(n)
    for text in texts[:50]:
        analyze(text, "message")  # warm the rule cache
    timings = []
    for i, text in enumerate(texts):
        purpose = ("message", "apology", "boundary", "checkin")[i % 4]
        start = time.perf_counter()
        analyze(text, purpose)
        timings.append((time.perf_counter() - start) * 1000)
    print(f"analyze() in-process, 500 chars:   {percentiles(timings)}")


# Texts at the length limit built to make a context check or a pattern run long: one sentence
# repeating an accusation, shorthand throughout, a wall of one word, a wall of emoji.
WORST_CASES = {
    "one accusation, repeated": "you never listen " * 300,
    "shorthand throughout": "u never listen ur so selfish I will not idc " * 120,
    "one word, repeated": "u " * 2500,
    "emoji": "\N{FACE WITH ROLLING EYES}" * 5000,
}


def worst_cases() -> None:
    slowest = []
    for name, text in WORST_CASES.items():
        text = text[:5000]
        start = time.perf_counter()
        analyze(text, "apology")
        slowest.append(((time.perf_counter() - start) * 1000, name))
    ms, name = max(slowest)
    print(f"analyze() worst case, 5,000 chars:  {ms:.1f} ms  ({name})")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _serve(data_dir: str, port: int, workers: int) -> tuple[subprocess.Popen, str]:
    env = {
        **os.environ,
        "MEND_DATA_DIR": data_dir,
        "MEND_LOG_LEVEL": "ERROR",
    }
    bin_dir = Path(sys.executable).parent
    # As `make run` does: migrate, and collect the static files that are served.
    for command in (["migrate"], ["collectstatic"]):
        subprocess.run([str(bin_dir / "mend"), *command, "--noinput", "-v0"], env=env, check=True)
    make_token = (
        "from mend.accounts.models import User, ApiToken;"
        "u = User.objects.create_user('bench@example.org', 'bench pass phrase');"
        "print(ApiToken.issue(u, 'bench')[1])"
    )
    token = (
        subprocess.run(
            [str(bin_dir / "mend"), "shell", "-c", make_token],
            env=env,
            check=True,
            capture_output=True,
            text=True,
        )
        .stdout.strip()
        .split()[-1]
    )
    server = subprocess.Popen(
        [
            str(bin_dir / "gunicorn"),
            "mend.wsgi",
            "--workers",
            str(workers),
            "--bind",
            f"127.0.0.1:{port}",
            "--log-level",
            "error",
        ],
        env=env,
    )
    for _ in range(100):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            break
        except OSError:
            time.sleep(0.1)
    else:
        server.kill()
        raise RuntimeError("gunicorn did not start")
    _warm(port, token, workers)
    return server, token


def _warm(port: int, token: str, workers: int) -> None:
    """The port opens before the workers have loaded Mend: wait until every worker answers, so
    that start-up is not measured as latency."""
    body = json.dumps({"text": "You never listen to me.", "purpose": "message"})
    headers = {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}

    def ask(_):
        for _ in range(20):
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            conn.request("POST", "/api/coach/analyze", body, headers)
            response = conn.getresponse()
            response.read()
            conn.close()
            if response.status != 200:
                raise RuntimeError(f"warm-up request answered {response.status}")

    threads = [threading.Thread(target=ask, args=(n,)) for n in range(2 * workers)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()


def over_http(total: int, clients: int, workers: int) -> None:
    texts = messages(200)
    port = _free_port()
    with tempfile.TemporaryDirectory() as data_dir:
        server, token = _serve(data_dir, port, workers)
        try:
            timings: list[float] = []
            errors = []
            lock = threading.Lock()
            per_client = total // clients

            def client(number: int) -> None:
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
                headers = {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}
                for i in range(per_client):
                    body = json.dumps(
                        {
                            "text": texts[(number * per_client + i) % len(texts)],
                            "purpose": "message",
                        }
                    )
                    start = time.perf_counter()
                    conn.request("POST", "/api/coach/analyze", body, headers)
                    response = conn.getresponse()
                    response.read()
                    elapsed = (time.perf_counter() - start) * 1000
                    with lock:
                        timings.append(elapsed)
                        if response.status != 200:
                            errors.append(response.status)
                conn.close()

            threads = [threading.Thread(target=client, args=(n,)) for n in range(clients)]
            began = time.perf_counter()
            for t in threads:
                t.start()
            for t in threads:
                t.join()
            wall = time.perf_counter() - began
        finally:
            server.terminate()
            server.wait(timeout=10)
    print(
        f"POST /api/coach/analyze, {clients} clients, {workers} sync workers: "
        f"{percentiles(timings)}  {len(timings) / wall:.0f} req/s  errors {len(errors)}"
    )


WRK_SCRIPT = """
local bodies = {%s}
local i = 0
request = function()
  i = i %% #bodies + 1
  return wrk.format("POST", "/api/coach/analyze", {
    ["Content-Type"] = "application/json", ["Authorization"] = "Bearer %s"}, bodies[i])
end
done = function(summary, latency, requests)
  io.write(string.format("WRK p50 %%.2f p95 %%.2f p99 %%.2f n %%d rps %%.0f errors %%d\\n",
    latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000, summary.requests,
    summary.requests / (summary.duration / 1e6),
    summary.errors.status + summary.errors.connect + summary.errors.read
    + summary.errors.write + summary.errors.timeout))
end
"""


def over_wrk(seconds: int, rounds: int, clients: int, workers: int) -> None:
    """The same load from wrk (C, two threads), so the load generator itself costs little; in
    rounds against one server, as a shared machine's speed drifts by a third from one minute
    to the next, and the median round is the figure."""
    texts = messages(50)
    port = _free_port()
    p95s = []
    with tempfile.TemporaryDirectory() as data_dir:
        server, token = _serve(data_dir, port, workers)
        try:
            bodies = ", ".join(
                "[[" + json.dumps({"text": t, "purpose": "message"}) + "]]" for t in texts
            )
            script = Path(data_dir) / "coach.lua"
            script.write_text(WRK_SCRIPT % (bodies, token))
            for round_ in range(1, rounds + 1):
                out = subprocess.run(
                    [
                        "wrk",
                        "-t2",
                        f"-c{clients}",
                        f"-d{seconds}s",
                        "-s",
                        str(script),
                        f"http://127.0.0.1:{port}/",
                    ],
                    capture_output=True,
                    text=True,
                    check=True,
                ).stdout
                line = next(x for x in out.splitlines() if x.startswith("WRK "))
                parts = line.split()
                p95s.append(float(parts[4]))
                print(
                    f"POST /api/coach/analyze, {clients} connections (wrk), {workers} sync "
                    f"workers, round {round_}: p50 {parts[2]} ms  p95 {parts[4]} ms  "
                    f"p99 {parts[6]} ms  (n={parts[8]})  {parts[10]} req/s  errors {parts[12]}"
                )
        finally:
            server.terminate()
            server.wait(timeout=10)
    print(
        f"POST /api/coach/analyze (wrk), median p95 of {rounds} rounds: "
        f"{statistics.median(p95s):.2f} ms"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--analyses", type=int, default=2000)
    parser.add_argument("--requests", type=int, default=3200)
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 2)
    parser.add_argument("--seconds", type=int, default=10, help="How long each wrk round runs.")
    parser.add_argument("--rounds", type=int, default=3, help="How many wrk rounds.")
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mend.settings")
    in_process(args.analyses)
    worst_cases()
    over_http(args.requests, args.clients, args.workers)
    if shutil.which("wrk"):
        over_wrk(args.seconds, args.rounds, args.clients, args.workers)
    else:
        print("(install wrk, `apt-get install wrk`, to measure with a load generator in C)")


if __name__ == "__main__":
    main()

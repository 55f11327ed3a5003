"""A tiny OpenAI-compatible chat server for tests: `python tests/fake_llm_server.py PORT`.

It answers like a model would, over real HTTP: three rewrite lines (one of them harmful, which
the coach must drop), a role-play reply, or — when the draft says SLOW — nothing in time.
"""

import json
import sys
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

REWRITES = "\n".join(
    [
        "1. You never listen to me, honestly.",
        "2. I felt hurt when our plans changed without a word.",
        "3. I'd like us to talk about how we plan our evenings.",
    ]
)


class Handler(BaseHTTPRequestHandler):
    def do_POST(self):  # noqa: N802 (the http.server API)
        if self.path != "/v1/chat/completions":
            self.send_error(404)
            return
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        system, user = body["messages"][0]["content"], body["messages"][-1]["content"]
        if "SLOW" in user:
            time.sleep(3)
        content = "I didn't know it hurt you that much." if "Play the other" in system else REWRITES
        payload = json.dumps(
            {"choices": [{"message": {"role": "assistant", "content": content}}]}
        ).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    def log_message(self, *args):
        pass


if __name__ == "__main__":
    ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), Handler).serve_forever()

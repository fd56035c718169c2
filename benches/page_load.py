#!/usr/bin/env python3
"""How long a page takes to open in headless Chromium: the median of RUNS
loads (after one warm-up) of the time from navigation start to the end of the
load event, and to the first contentful paint, each in a fresh tab, with the
network blocked. Used by benches/report.sh; not run in CI.

    python3 benches/page_load.py timeline.html [RUNS]

Chromium is driven over its debugging pipe (fds 3 and 4), as tests/report.rs does.
"""

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time

CHROMIUM = "/usr/bin/chromium"


class Browser:
    def __init__(self):
        profile = tempfile.mkdtemp(prefix="chronicle-bench-")
        self.proc = subprocess.Popen(
            ["bash", "-c", 'exec "$0" "$@" 3<&0 4>&1 0</dev/null 1>&2', CHROMIUM,
             "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             "--remote-debugging-pipe", "--host-resolver-rules=MAP * ~NOTFOUND",
             "--proxy-server=http://127.0.0.1:9", "--window-size=1200,900",
             "--user-data-dir=" + profile, "about:blank"],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        self.buf = b""
        self.next_id = 0
        self.events = []

    def call(self, method, params=None, session=None):
        self.next_id += 1
        message = {"id": self.next_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        self.proc.stdin.write(json.dumps(message).encode() + b"\0")
        self.proc.stdin.flush()
        while True:
            m = self.read()
            if m.get("id") == self.next_id:
                if "error" in m:
                    raise RuntimeError(f"{method}: {m['error']}")
                return m["result"]
            self.events.append(m)

    def read(self):
        while b"\0" not in self.buf:
            chunk = os.read(self.proc.stdout.fileno(), 1 << 20)
            if not chunk:
                raise RuntimeError("chromium closed its pipe")
            self.buf += chunk
        line, self.buf = self.buf.split(b"\0", 1)
        return json.loads(line)

    def load(self, url):
        target = self.call("Target.createTarget", {"url": "about:blank"})["targetId"]
        session = self.call("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        self.call("Page.enable", session=session)
        self.events = []
        self.call("Page.navigate", {"url": url}, session)
        deadline = time.time() + 60
        while not any(e.get("method") == "Page.loadEventFired" and e.get("sessionId") == session for e in self.events):
            if time.time() > deadline:
                raise RuntimeError("the page never loaded")
            self.events.append(self.read())
        expression = """(() => { const n = performance.getEntriesByType('navigation')[0];
            const p = performance.getEntriesByName('first-contentful-paint')[0];
            return [n.loadEventEnd, p ? p.startTime : null, document.querySelectorAll('li.ev').length]; })()"""
        # The load event's end is set just after its handlers: wait for it.
        for _ in range(50):
            value = self.call("Runtime.evaluate", {"expression": expression, "returnByValue": True}, session)["result"]["value"]
            if value[0]:
                break
            time.sleep(0.05)
        self.call("Target.closeTarget", {"targetId": target})
        return value

    def close(self):
        try:
            self.call("Browser.close")
        except (RuntimeError, BrokenPipeError):
            pass
        self.proc.wait(timeout=10)


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    url = "file://" + os.path.abspath(sys.argv[1])
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    browser = Browser()
    try:
        browser.load(url)
        loads, paints = [], []
        for _ in range(runs):
            load, paint, events = browser.load(url)
            loads.append(load)
            paints.append(paint)
    finally:
        browser.close()
    print(f"{sys.argv[1]}: {os.path.getsize(sys.argv[1]):,} bytes, {events:,} events listed; "
          f"load event end median {statistics.median(loads):.0f} ms (min {min(loads):.0f}, max {max(loads):.0f}), "
          f"first contentful paint median {statistics.median(paints):.0f} ms, {runs} runs")


main()

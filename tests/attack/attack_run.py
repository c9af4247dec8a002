#!/usr/bin/env python3
"""The cheap-to-script part of issue 15's attack list, black box, against the bot's build output.

Starts the bot (`dotnet src/SalesCoachBot/bin/<Configuration>/net10.0/SalesCoachBot.dll`) on 127.0.0.1 as separate
processes: anonymous in Production (hostile payloads, content types, service URLs, tenants, retries, a connector that
never answers), and with an app id in Production and in Development (tokens). Replies go to a stand-in connector in
this script, which counts "something went wrong". Prints one JSON object last; exits 1 if a goal of the issue is missed.

    python3 tests/attack/attack_run.py [--configuration Debug]

Standard library only; nothing leaves 127.0.0.1. The OpenID metadata of the Bot Framework cannot be fetched from here
(no network), so the token figures are "metadata unreachable"; the in-process AuthenticationTests and RequestEdgeTests
cover the reachable case with a local channel key.
"""
import base64
import collections
import concurrent.futures
import hashlib
import hmac
import http.client
import http.server
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import uuid

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
APP_ID = "5a1e5c0a-0000-4000-8000-00000000b07a"
WENT_WRONG = "something went wrong"


class Connector:
    """Takes the bot's replies (and member look-ups) like Teams' connector; counts replies and apologies."""

    def __init__(self):
        self.replies = collections.Counter()  # replyToId -> count
        self.went_wrong = 0
        self.member_lookups = 0
        self.lock = threading.Lock()
        connector = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_POST(self):
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                try:
                    activity = json.loads(body or b"{}")
                except ValueError:
                    activity = {}
                with connector.lock:
                    connector.replies[activity.get("replyToId")] += 1
                    if WENT_WRONG in json.dumps(activity).lower():
                        connector.went_wrong += 1
                self._json({"id": uuid.uuid4().hex})

            def do_GET(self):
                with connector.lock:
                    connector.member_lookups += 1
                member = self.path.rstrip("/").split("/")[-1]
                self._json({"id": member, "name": member})

            def _json(self, value):
                data = json.dumps(value).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Bot:
    def __init__(self, dll, environment, settings):
        self.port = free_port()
        self.folder = tempfile.mkdtemp(prefix="salescoach-attack-")
        env = dict(os.environ)
        env.update({
            "ASPNETCORE_ENVIRONMENT": environment,
            "ASPNETCORE_URLS": f"http://127.0.0.1:{self.port}",
            "SalesCoach__Storage__Sqlite__Path": os.path.join(self.folder, "salescoach.db"),
            "SalesCoach__Reminders__Enabled": "false",
            "SalesCoach__Telemetry__ConsoleExporter": "false",
        })
        env.update(settings)
        self.log = open(os.path.join(self.folder, "bot.log"), "w")
        self.process = subprocess.Popen(["dotnet", dll], cwd=os.path.dirname(dll), env=env, stdout=self.log, stderr=subprocess.STDOUT)
        deadline = time.time() + 120
        while time.time() < deadline:
            try:
                if self.request("GET", "/healthz")[0] in (200, 503):
                    return
            except OSError:
                time.sleep(0.2)
        raise RuntimeError("the bot did not start within 120 s")

    def request(self, method, path, body=None, headers=None, timeout=30):
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=timeout)
        try:
            connection.request(method, path, body=body, headers=headers or {})
            response = connection.getresponse()
            return response.status, response.read().decode("utf-8", "replace"), dict(response.getheaders())
        finally:
            connection.close()

    def post(self, body, content_type="application/json", authorization=None, timeout=30):
        headers = {"Content-Type": content_type}
        if authorization is not None:
            headers["Authorization"] = authorization
        data = body if isinstance(body, bytes) else body.encode("utf-8")
        return self.request("POST", "/api/messages", data, headers, timeout)

    def stop(self):
        self.process.terminate()
        try:
            self.process.wait(20)
        except subprocess.TimeoutExpired:
            self.process.kill()
        self.log.close()
        with open(os.path.join(self.folder, "bot.log")) as log:
            text = log.read()
        shutil.rmtree(self.folder, ignore_errors=True)
        return text


def activity(service_url, text="my deals", **changes):
    value = {
        "type": "message",
        "id": uuid.uuid4().hex,
        "channelId": "msteams",
        "serviceUrl": service_url,
        "timestamp": "2026-11-25T09:00:00Z",
        "localTimezone": "Europe/Berlin",
        "from": {"id": "29:attacker", "name": "Attacker", "aadObjectId": "aad-attacker"},
        "recipient": {"id": "28:sales-coach", "name": "Sales Coach"},
        "conversation": {"id": "a:personal-attacker", "conversationType": "personal", "tenantId": "tenant-a"},
        "channelData": {"tenant": {"id": "tenant-a"}},
        "text": text,
    }
    for key, new in changes.items():
        if new is DROP:
            value.pop(key, None)
        else:
            value[key] = new
    return value


DROP = object()


class Tally:
    def __init__(self):
        self.by_status = collections.Counter()
        self.failures = []

    def expect(self, name, status, allowed):
        self.by_status[status] += 1
        if status not in allowed:
            self.failures.append(f"{name}: {status}, expected {sorted(allowed)}")


def hostile_payloads(bot, connector, tally):
    url = connector.url
    ok = {200}
    bad = {400}
    texts = [
        "snooze X 99999999999 days", "snooze X 20000000 days", "snooze X \u0663 days", "snooze contoso until \u0663\u0663",
        "new deal <b>Contoso</b> 45k", "new deal [x](http://evil.test) 45k", "new deal " + "A" * 20000,
        "contoso amount 99999999999999999999k", "move contoso to " + "\u202e" * 50, "\u0000\u0001", "", " ",
        "next step for contoso: " + "x" * 5000 + " by friday", "snooze contoso for -5 days", "my stats 99999 quarters ago",
    ]
    for text in texts:
        tally.expect(f"text {text[:30]!r}", bot.post(json.dumps(activity(url, text)))[0], ok)

    cases = {
        "recipient missing": (activity(url, recipient=DROP), bad),
        "recipient null": (activity(url, recipient=None), bad),
        "channelData a string": (activity(url, channelData="x"), bad),
        "channelData a number": (activity(url, channelData=5), bad),
        "channelData an array": (activity(url, channelData=[]), bad),
        "tenant a number": (activity(url, channelData={"tenant": 5}), bad),
        "tenant an array": (activity(url, channelData={"tenant": []}), bad),
        "mention mentioned 5": (activity(url, entities=[{"type": "mention", "mentioned": 5, "text": "<at>x</at>"}]), bad),
        "from missing": (activity(url, **{"from": DROP}), bad),
        "conversation missing": (activity(url, conversation=DROP), bad),
        "type missing": (activity(url, type=DROP), bad),
        "unknown activity type": (activity(url, type="fooBar"), {200}),
        "id with a newline": (activity(url, id="a\nFORGED"), bad),
        "tenant with a newline": (activity(url, channelData={"tenant": {"id": "t\nFORGED"}}), bad),
        "service URL not loopback": (activity(url.replace("127.0.0.1", "169.254.169.254")), bad),
        "service URL a file": (activity("file:///etc/passwd"), bad),
        "from.name 200,000 characters": (activity(url, **{"from": {"id": "29:long", "name": "N" * 200000, "aadObjectId": "aad-long"}}), ok),
        "unknown invoke": (activity(url, type="invoke", name="foo/bar", value={}), {200, 501}),
        "card action unknown verb": (activity(url, type="invoke", name="adaptiveCard/action", value={"action": {"type": "Action.Execute", "verb": "x\ny", "data": {}}}), {200}),
        "card action data a string": (activity(url, type="invoke", name="adaptiveCard/action", value={"action": {"type": "Action.Execute", "verb": "moveDeal", "data": "x"}}), {200, 400}),
    }
    for name, (body, allowed) in cases.items():
        tally.expect(name, bot.post(json.dumps(body))[0], allowed)

    tally.expect("invalid JSON", bot.post("{not json")[0], bad)
    tally.expect("deep JSON", bot.post("[" * 100000 + "]" * 100000)[0], {400, 413})
    tally.expect("huge body", bot.post(json.dumps(activity(url, "x" * 400000)))[0], {413})
    tally.expect("a JSON number", bot.post("5")[0], bad)
    tally.expect("text/plain", bot.post(json.dumps(activity(url)), "text/plain")[0], {415})
    tally.expect("form", bot.post("a=b", "application/x-www-form-urlencoded")[0], {415})
    tally.expect("multipart", bot.post("--x\r\n\r\n--x--", "multipart/form-data; boundary=x")[0], {415})

    members = activity(url, type="conversationUpdate", membersAdded=[{"id": f"29:member-{i}"} for i in range(1000)])
    before = connector.member_lookups
    tally.expect("1,000 members added", bot.post(json.dumps(members))[0], ok)
    lookups = connector.member_lookups - before

    # Tenant keys: one tenant however it is spelled.
    upper = activity(url, "new deal Tenantcase Ltd 10k", conversation={"id": "a:personal-attacker", "tenantId": "TENANT-A"}, channelData={"tenant": {"id": "TENANT-A"}})
    tally.expect("TENANT-A creates", bot.post(json.dumps(upper))[0], ok)
    lower = activity(url, "my deals")
    tally.expect("tenant-a reads", bot.post(json.dumps(lower))[0], ok)

    # Five concurrent copies of one activity: one change, one answer.
    copy = activity(url, "new deal Retried Co 5k")
    with concurrent.futures.ThreadPoolExecutor(5) as pool:
        for status in pool.map(lambda _: bot.post(json.dumps(copy))[0], range(5)):
            tally.expect("concurrent copy", status, ok)
    time.sleep(0.5)
    answers_to_copies = connector.replies[copy["id"]]
    return lookups, answers_to_copies


def silent_connector(bot, tally):
    """A connector that accepts the connection and never answers: the turn must still end well inside 15 s."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(16)
    url = f"http://127.0.0.1:{listener.getsockname()[1]}/"
    started = time.time()
    status = bot.post(json.dumps(activity(url, "my deals")), timeout=60)[0]
    seconds = time.time() - started
    listener.close()
    tally.expect("connector never answers", status, {200})
    return seconds


def b64(data):
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def jwt(header, claims, key=b"forged"):
    head = b64(json.dumps(header).encode()) + "." + b64(json.dumps(claims).encode())
    if header.get("alg") == "none":
        return head + "."
    return head + "." + b64(hmac.new(key, head.encode(), hashlib.sha256).digest())


def tokens(bot, service_url, tally, environment):
    now = int(time.time())
    good = {"iss": "https://api.botframework.com", "aud": APP_ID, "serviceurl": service_url, "nbf": now - 60, "exp": now + 3600}
    rs = {"alg": "RS256", "typ": "JWT", "kid": "not-a-channel-key"}
    headers = {
        "no header": None,
        "Bearer a.b.c": "Bearer a.b.c",
        "Bearer garbage": "Bearer " + "x" * 300,
        "Basic": "Basic " + base64.b64encode(b"user:pass").decode(),
        "alg none": "Bearer " + jwt({"alg": "none", "typ": "JWT"}, good),
        "HS256 forged": "Bearer " + jwt({"alg": "HS256", "typ": "JWT"}, good),
        "RS256 forged": "Bearer " + jwt(rs, good),
        "expired": "Bearer " + jwt(rs, dict(good, nbf=now - 7200, exp=now - 3600)),
        "wrong audience": "Bearer " + jwt(rs, dict(good, aud="another-bot")),
        "wrong issuer": "Bearer " + jwt(rs, dict(good, iss="https://sts.evil.test")),
        "malformed JSON inside": "Bearer " + b64(b"{") + "." + b64(b"{") + ".sig",
    }
    echoed = 0
    slowest = 0.0
    for name, header in headers.items():
        started = time.time()
        status, body, response_headers = bot.post(json.dumps(activity(service_url)), authorization=header)
        slowest = max(slowest, time.time() - started)
        tally.expect(f"{environment} token {name}", status, {401})
        if header and header.split(" ", 1)[-1][:40] in (body + json.dumps(response_headers)):
            echoed += 1
    return echoed, slowest


def main():
    configuration = sys.argv[sys.argv.index("--configuration") + 1] if "--configuration" in sys.argv else "Debug"
    dll = os.path.join(ROOT, "src", "SalesCoachBot", "bin", configuration, "net10.0", "SalesCoachBot.dll")
    if not os.path.exists(dll):
        sys.exit(f"Build the bot first: {dll} is missing.")
    connector = Connector()
    tally = Tally()
    result = {}
    logs = []

    bot = Bot(dll, "Production", {"SalesCoach__Bot__AllowAnonymousInProduction": "true"})
    try:
        result["member_lookups_for_1000_members"], result["answers_to_5_concurrent_copies"] = hostile_payloads(bot, connector, tally)
        result["seconds_with_a_connector_that_never_answers"] = round(silent_connector(bot, tally), 1)
    finally:
        logs.append(bot.stop())

    for environment in ("Production", "Development"):
        bot = Bot(dll, environment, {"MicrosoftAppId": APP_ID, "MicrosoftAppPassword": "stand-in", "MicrosoftAppType": "MultiTenant"})
        try:
            echoed, slowest = tokens(bot, connector.url, tally, environment)
            result[f"{environment.lower()}_tokens_header_echoed"] = echoed
            result[f"{environment.lower()}_tokens_slowest_s"] = round(slowest, 1)
        finally:
            logs.append(bot.stop())

    log = "\n".join(logs)
    result.update({
        "requests": sum(tally.by_status.values()),
        "by_status": {str(k): v for k, v in sorted(tally.by_status.items())},
        "responses_500": tally.by_status.get(500, 0),
        "went_wrong_replies": connector.went_wrong,
        "error_log_entries": log.count("fail:") + log.count("crit:"),
        "forged_log_lines": sum(1 for line in log.splitlines() if line.startswith("FORGED")),
        "unexpected": tally.failures,
    })
    print(json.dumps(result))
    missed = (tally.failures or result["responses_500"] or connector.went_wrong or result["forged_log_lines"]
              or result["production_tokens_header_echoed"] or result["development_tokens_header_echoed"]
              or result["answers_to_5_concurrent_copies"] != 1 or result["seconds_with_a_connector_that_never_answers"] >= 10)
    sys.exit(1 if missed else 0)


if __name__ == "__main__":
    main()

"""
Drives the mock's request journal, verification, reset and isolation with boto3, as a Python user
would (the /_mock/ routes over urllib), and prints one JSON object of observations for
test/mock/journal-botocore.test.ts to assert on.

Usage: python3 journal.py '{"url": URL, "a": [AKID, SECRET], "b": [AKID, SECRET], "session": [AKID, SECRET, TOKEN]}'
"""
import json
import sys
import time
import types
import urllib.error
import urllib.parse
import urllib.request

import boto3
import botocore.endpoint
from botocore.config import Config

ARGS = json.loads(sys.argv[1])
URL = ARGS["url"]
# A mock that checks signatures lets the admin API in only with the token it printed.
ADMIN = {"Authorization": f"Bearer {ARGS['token']}"} if ARGS.get("token") else {}

# Only the attempts matter to the retry scenario, not botocore's back-off between them.
botocore.endpoint.time = types.SimpleNamespace(sleep=lambda s: time.sleep(min(s, 0.05)), time=time.time)


def client(credentials, prefer=None, attempts=1, **config):
    akid, secret, *token = credentials
    session = boto3.session.Session(aws_access_key_id=akid, aws_secret_access_key=secret,
                                    aws_session_token=token[0] if token else None, region_name="eu-west-1")
    c = session.client("ssm", endpoint_url=URL, config=Config(retries={"mode": "standard", "total_max_attempts": attempts}, **config))
    if prefer:
        c.meta.events.register("before-sign.*", lambda request, **_: request.headers.__setitem__("Prefer", prefer))
    return c


def mock(method, path, caller, body=None, query=None):
    """One request to the mock's admin API for `caller` (an access key ID): (status, JSON body)."""
    params = dict(query or {}, accessKeyId=caller)
    request = urllib.request.Request(f"{URL}{path}?{urllib.parse.urlencode(params)}", method=method,
                                     data=None if body is None else json.dumps(body).encode(),
                                     headers={"Content-Type": "application/json", **ADMIN})
    try:
        with urllib.request.urlopen(request) as response:
            return response.status, json.loads(response.read() or b"{}")
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read() or b"{}")


def fleet(n):
    statuses = ["Success", "Failed", "InProgress"]
    return {"Commands": [{"CommandId": f"0831e1a8-a1ac-4257-a1fd-c831{i:08x}", "DocumentName": "AWS-RunShellScript",
                          "Status": statuses[i % 3], "StatusDetails": statuses[i % 3], "RequestedDateTime": 1720400000 + i * 60}
                         for i in range(n)]}


A, B, SESSION = ARGS["a"], ARGS["b"], ARGS["session"]
seen = {}

# A data set of A's own, then a paginated, filtered listing, page by page.
seen["loaded"] = mock("PUT", "/_mock/data", A[0], fleet(12))[0]
ssm = client(A)
tokens, pages = [], []
kwargs = {"Filters": [{"key": "Status", "value": "Failed"}], "MaxResults": 2}
while True:
    page = ssm.list_commands(**kwargs)
    pages.append([c["CommandId"] for c in page["Commands"]])
    token = page.get("NextToken")
    if not token:
        break
    tokens.append(token)
    kwargs["NextToken"] = token
seen["pages"] = pages
seen["tokens"] = tokens
status, body = mock("GET", "/_mock/requests", A[0], query={"operation": "ListCommands"})
seen["listing"] = {"status": status, "entries": [{k: e[k] for k in ("operation", "input", "status", "error", "accessKeyId", "signature")} for e in body["requests"]]}

# The filter's exact input, verified over HTTP: a match, and a near miss.
seen["verified"] = mock("POST", "/_mock/verify", A[0], {"operation": "ListCommands", "input": {"Filters": [{"key": "Status", "value": "Failed"}], "MaxResults": 2, "NextToken": None}, "times": 1})
seen["missed"] = mock("POST", "/_mock/verify", A[0], {"operation": "ListCommands", "input": {"Filters": [{"key": "Status", "value": "Success"}]}})
seen["sequence"] = mock("POST", "/_mock/verify", A[0], {"sequence": [{"input": {"NextToken": None}}] + [{"input": {"NextToken": t}} for t in tokens]})

# A retried call: one logical call, three attempts (the session's state still has the start data set).
retrying = client(SESSION, prefer="example=ThrottlingException, failures=2", attempts=3)
result = retrying.get_maintenance_window_execution(WindowExecutionId="9fac7dd9-ff21-42a5-96ad-bbc4b0e0e0e0")
seen["retried"] = {"retries": result["ResponseMetadata"]["RetryAttempts"],
                   "entries": [{"status": e["status"], "error": e["error"], "answeredBy": e["answeredBy"], "sdk": e["sdk"]}
                               for e in mock("GET", "/_mock/requests", SESSION[0], query={"operation": "GetMaintenanceWindowExecution"})[1]["requests"]]}

# A request refused for breaking the contract, with botocore's own checks off.
unchecked = client(A, parameter_validation=False)
try:
    unchecked.list_commands(MaxResults=0)
    seen["refused"] = {"raised": None}
except unchecked.exceptions.ClientError as e:
    entry = mock("GET", "/_mock/requests", A[0], query={"error": "ValidationException"})[1]["requests"][-1]
    seen["refused"] = {"raised": e.response["Error"]["Code"], "status": entry["status"], "input": entry["input"], "issues": entry["issues"]}

# Temporary credentials: the journal must show neither the session token nor the signature.
signatures = []
session = client(SESSION)
session.meta.events.register("before-send.*", lambda request, **_: signatures.append(request.headers["Authorization"].decode() if isinstance(request.headers["Authorization"], bytes) else request.headers["Authorization"]))
session.list_commands()
raw = urllib.request.urlopen(urllib.request.Request(f"{URL}/_mock/requests?accessKeyId={SESSION[0]}", headers=ADMIN)).read().decode()
seen["redaction"] = {"journal": raw, "authorization": signatures[-1]}

# B, another caller of the same mock: the mock's start data set, B's own journal.
other = client(B)
seen["isolated"] = {"commands": len(other.list_commands()["Commands"]),
                    "journal": [e["accessKeyId"] for e in mock("GET", "/_mock/requests", B[0])[1]["requests"]]}

# Reset: A's data set back to the one the mock started with, its journal emptied.
seen["reset"] = mock("POST", "/_mock/reset", A[0])
seen["afterReset"] = {"journal": len(mock("GET", "/_mock/requests", A[0])[1]["requests"]),
                      "commands": len(ssm.list_commands()["Commands"])}

print(json.dumps(seen))

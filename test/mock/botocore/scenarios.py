"""
Drives the contract mock with boto3/botocore, as a Python user would, and prints one JSON object of
observations for test/mock/botocore.test.ts to assert on. The assertions live in the TypeScript test;
this script only records what botocore did (values, exception classes, error codes, retry counts).

Usage: python3 scenarios.py '{"plain": URL, "data": URL, "auth": URL, "session": [AKID, SECRET, TOKEN]}'
"""
import datetime
import json
import sys
import time
import types
import urllib.request
from unittest import mock

import boto3
import botocore.auth
import botocore.endpoint
from botocore.config import Config

ARGS = json.loads(sys.argv[1])
DEFAULT = ("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY")
WORKFLOW = "wf-4e57b8a0-7c1d-4f2e-9a3b-5c6d7e8f9a0b"
AUTOMATION = "4105a4fc-f944-11e6-9d32-0123456789ab"
WINDOW = "9fac7dd9-ff21-42a5-96ad-bbc4b0e0e0e0"
UNKNOWN = "00000000-0000-4000-8000-000000000000"

# botocore backs off up to seconds between attempts; the retry scenarios only need the attempts,
# so its sleeps are capped (the retry decisions themselves are botocore's own).
botocore.endpoint.time = types.SimpleNamespace(sleep=lambda s: time.sleep(min(s, 0.05)), time=time.time)


def client(service, url, prefer=None, credentials=DEFAULT, **config):
    akid, secret, *token = credentials
    session = boto3.session.Session(aws_access_key_id=akid, aws_secret_access_key=secret,
                                    aws_session_token=token[0] if token else None, region_name="eu-west-1")
    config.setdefault("retries", {"mode": "standard", "total_max_attempts": 1})
    c = session.client(service, endpoint_url=url, config=Config(**config))
    if prefer:
        # The mock's Prefer header, added before signing (so it is signed, as any header would be).
        c.meta.events.register("before-sign.*", lambda request, **_: request.headers.__setitem__("Prefer", prefer))
    return c


def outcome(call):
    """What one call gave: its result (datetimes tagged) or its error as botocore raised it."""
    try:
        r = call()
        meta = r.pop("ResponseMetadata")
        return {"ok": True, "result": tag(r), "requestId": meta.get("RequestId"), "status": meta["HTTPStatusCode"],
                "retries": meta.get("RetryAttempts")}
    except Exception as e:  # botocore's ClientError subclasses, and its transport errors
        response = getattr(e, "response", None)
        if response is None:
            return {"ok": False, "class": type(e).__name__}
        meta = response.get("ResponseMetadata", {})
        return {"ok": False, "class": type(e).__name__, "code": response["Error"].get("Code"),
                "message": response["Error"].get("Message"), "status": meta.get("HTTPStatusCode"),
                "requestId": meta.get("RequestId"), "retries": meta.get("RetryAttempts")}


def tag(value):
    if isinstance(value, datetime.datetime):
        return {"datetime": value.isoformat()}
    if isinstance(value, dict):
        return {k: tag(v) for k, v in value.items()}
    if isinstance(value, list):
        return [tag(v) for v in value]
    return value


def typed(c, e_class, code):
    """Whether botocore raised the client's modeled exception class for that code."""
    return code is not None and hasattr(c.exceptions, code) and getattr(c.exceptions, code).__name__ == e_class


out = {}
plain, data, auth = ARGS["plain"], ARGS["data"], ARGS["auth"]

ssm = client("ssm", plain)
ib = client("imagebuilder", plain)
CALLS = {
    "ListCommands": ("ssm", lambda c: c.list_commands()),
    "ListCommandInvocations": ("ssm", lambda c: c.list_command_invocations(Details=True)),
    "GetMaintenanceWindowExecution": ("ssm", lambda c: c.get_maintenance_window_execution(WindowExecutionId=WINDOW)),
    "DescribeAutomationStepExecutions": ("ssm", lambda c: c.describe_automation_step_executions(AutomationExecutionId=AUTOMATION)),
    "ListWorkflowStepExecutions": ("imagebuilder", lambda c: c.list_workflow_step_executions(workflowExecutionId=WORKFLOW)),
}

# Every operation, as it answers from the default data set.
out["success"] = {op: outcome(lambda: call(client(svc, plain))) for op, (svc, call) in CALLS.items()}

# Every documented answer of every operation, asked for with Prefer: botocore's exception class and code.
out["documented"] = {}
for op, (svc, call) in CALLS.items():
    model = client(svc, plain).meta.service_model.operation_model(op)
    names = [shape.name for shape in model.error_shapes]
    rows = {}
    for name in names + ["ValidationException", "ThrottlingException" if svc == "ssm" else "CallRateLimitExceededException"]:
        c = client(svc, plain, prefer=f"example={name}")
        o = outcome(lambda: call(c))
        o["typed"] = typed(c, o.get("class"), o.get("code"))
        rows[name] = o
    out["documented"][op] = {"modeled": names, "answers": rows}

# Unknown IDs, from the data set.
out["unknown"] = {
    "ListCommands": outcome(lambda: ssm.list_commands(CommandId=UNKNOWN)),
    "ListCommandInvocations": outcome(lambda: ssm.list_command_invocations(CommandId=UNKNOWN)),
    "GetMaintenanceWindowExecution": outcome(lambda: ssm.get_maintenance_window_execution(WindowExecutionId=UNKNOWN)),
    "DescribeAutomationStepExecutions": outcome(lambda: ssm.describe_automation_step_executions(AutomationExecutionId=UNKNOWN)),
    "ListWorkflowStepExecutions": outcome(lambda: ib.list_workflow_step_executions(workflowExecutionId="wf-" + UNKNOWN)),
    "InstanceId": outcome(lambda: ssm.list_commands(InstanceId="i-0123456789abcdef0")),
}

# ReverseOrder and filters.
out["steps"] = outcome(lambda: ssm.describe_automation_step_executions(AutomationExecutionId=AUTOMATION))
out["stepsReversed"] = outcome(lambda: ssm.describe_automation_step_executions(AutomationExecutionId=AUTOMATION, ReverseOrder=True))
out["badStatusFilter"] = outcome(lambda: ssm.list_commands(Filters=[{"key": "Status", "value": "Bogus"}]))

# What botocore's own validation lets through (it checks types, required and minimums, not
# maximums, patterns or enums), and what it stops when told not to validate.
out["passesBotocore"] = {
    "MaxResults51": outcome(lambda: ssm.list_commands(MaxResults=51)),
    "InstanceIdPattern": outcome(lambda: ssm.list_commands(InstanceId="bogus")),
    "FilterKeyEnum": outcome(lambda: ssm.list_commands(Filters=[{"key": "Nope", "value": "x"}])),
}
loose = client("ssm", plain, parameter_validation=False)
out["unvalidated"] = {
    "MaxResults0": outcome(lambda: loose.list_commands(MaxResults=0)),
    "MissingWindowExecutionId": outcome(lambda: loose.get_maintenance_window_execution()),
    # Unvalidated, botocore writes None as JSON null ({"CommandId": null}): on the AWS wire, not set.
    "NullMembers": outcome(lambda: loose.list_commands(CommandId=None, MaxResults=None)),
    "NullWindowExecutionId": outcome(lambda: loose.get_maintenance_window_execution(WindowExecutionId=None)),
    # A value of the wrong type cannot be read into the input shape: SerializationException.
    "StringMaxResults": outcome(lambda: loose.list_commands(MaxResults="5")),
}

# Paging a 120-command data set with botocore's paginators (NextToken and StartingToken).
dssm = client("ssm", data)
paginator = dssm.get_paginator("list_commands")
pages = list(paginator.paginate(PaginationConfig={"PageSize": 50}))
out["pages"] = [len(p["Commands"]) for p in pages]
every = [c["CommandId"] for p in pages for c in p["Commands"]]
first = paginator.paginate(PaginationConfig={"PageSize": 7, "MaxItems": 20}).build_full_result()
rest = paginator.paginate(PaginationConfig={"PageSize": 7, "StartingToken": first["NextToken"]}).build_full_result()
out["resumed"] = {"all": every, "first": [c["CommandId"] for c in first["Commands"]],
                  "rest": [c["CommandId"] for c in rest["Commands"]], "restHasToken": "NextToken" in rest}
failed = paginator.paginate(Filters=[{"key": "Status", "value": "Failed"}], PaginationConfig={"PageSize": 10})
out["failedPages"] = [[c["Status"] for c in p["Commands"]] for p in failed]

# Signature checking: default pair, wrong secret, temporary credentials, a clock 20 minutes slow.
aargs = {"workflowExecutionId": WORKFLOW}
out["sigv4"] = {
    "ssm": outcome(lambda: client("ssm", auth).list_commands()),
    "imagebuilder": outcome(lambda: client("imagebuilder", auth).list_workflow_step_executions(**aargs)),
    "wrongSecretSsm": outcome(lambda: client("ssm", auth, credentials=(DEFAULT[0], "wrong")).list_commands()),
    "wrongSecretImagebuilder": outcome(lambda: client("imagebuilder", auth, credentials=(DEFAULT[0], "wrong")).list_workflow_step_executions(**aargs)),
    "session": outcome(lambda: client("ssm", auth, credentials=tuple(ARGS["session"])).list_commands()),
    "sessionWithoutToken": outcome(lambda: client("ssm", auth, credentials=tuple(ARGS["session"][:2])).list_commands()),
}
slow = lambda: datetime.datetime.now(datetime.timezone.utc).replace(tzinfo=None) - datetime.timedelta(minutes=20)
with mock.patch.object(botocore.auth, "get_current_datetime", slow):
    # botocore has no clock-skew correction: even with retries left it does not retry this.
    out["sigv4"]["slowClock"] = outcome(lambda: client("ssm", auth, retries={"mode": "standard", "total_max_attempts": 3}).list_commands())

# Throttling and failed attempts with botocore's retry modes.
out["retries"] = {}
for mode in ("standard", "legacy"):
    r = {"mode": mode, "total_max_attempts": 3}
    out["retries"][mode] = {
        "ssmThrottling": outcome(lambda: client("ssm", auth, "example=ThrottlingException, failures=2", retries=r).list_commands()),
        "ssmThrottlingExhausted": outcome(lambda: client("ssm", auth, "example=ThrottlingException, failures=3", retries=r).list_commands()),
        "imagebuilder429": outcome(lambda: client("imagebuilder", auth, "example=CallRateLimitExceededException, failures=2", retries=r).list_workflow_step_executions(**aargs)),
        "imagebuilder503": outcome(lambda: client("imagebuilder", auth, "example=ServiceUnavailableException, failures=2", retries=r).list_workflow_step_executions(**aargs)),
    }

# delay= against botocore's read_timeout.
out["delay"] = {
    "timedOut": outcome(lambda: client("ssm", plain, "delay=3000", read_timeout=0.5).list_commands()),
    "inTime": outcome(lambda: client("ssm", plain, "delay=100", read_timeout=10).list_commands()),
}

# A response saved as a Python user saves it (json.dumps(..., default=str): "2024-07-08 02:00:00.250000+00:00"),
# loaded back with PUT /_mock/data: the same commands, the same instants. Last: it replaces the data set.
saved = dssm.list_commands(MaxResults=5)
request = urllib.request.Request(data + "/_mock/data", data=json.dumps(saved, default=str).encode(), method="PUT",
                                 headers={"Content-Type": "application/json"})
with urllib.request.urlopen(request, timeout=30) as answer:
    loaded = json.loads(answer.read())
again = dssm.list_commands()
out["roundTrip"] = {"loaded": loaded["counts"]["Commands"],
                    "same": [(c["CommandId"], c["RequestedDateTime"]) for c in again["Commands"]] == [(c["CommandId"], c["RequestedDateTime"]) for c in saved["Commands"]]}

# Single-record outputs pasted as records, ResponseMetadata and all (taken from the default data set).
window = ssm.get_maintenance_window_execution(WindowExecutionId=WINDOW)
steps = ssm.describe_automation_step_executions(AutomationExecutionId=AUTOMATION)
workflow = ib.list_workflow_step_executions(workflowExecutionId=WORKFLOW)
pasted = {"MaintenanceWindowExecutions": [window], "WorkflowExecutions": [workflow],
          "AutomationExecutions": [{"AutomationExecutionId": AUTOMATION, **steps}]}
request = urllib.request.Request(data + "/_mock/data", data=json.dumps(pasted, default=str).encode(), method="PUT",
                                 headers={"Content-Type": "application/json"})
try:
    with urllib.request.urlopen(request, timeout=30) as answer:
        out["pastedOutputs"] = {"status": answer.status, "counts": json.loads(answer.read())["counts"]}
except urllib.error.HTTPError as e:
    out["pastedOutputs"] = {"status": e.code, "message": e.read().decode()}
if out["pastedOutputs"]["status"] == 200:
    again = dssm.get_maintenance_window_execution(WindowExecutionId=WINDOW)
    out["pastedOutputs"]["sameWindow"] = {k: v for k, v in again.items() if k != "ResponseMetadata"} == {k: v for k, v in window.items() if k != "ResponseMetadata"}

print(json.dumps(out))

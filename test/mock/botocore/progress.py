"""
Polls runs that progress on the contract mock with boto3, as a Python user would: a command to
completion under the mock's manual clock (moved over HTTP with POST /_mock/clock) and under read
counts (no clock), and an Automation execution's steps with ReverseOrder and a status filter in
between. Prints one JSON object of observations for test/mock/botocore-progress.test.ts; the
assertions live there.

Usage: python3 progress.py '{"clock": URL, "reads": URL, "command": ID, "automation": ID}'
"""
import json
import sys
import urllib.error
import urllib.request

import boto3
from botocore.config import Config

ARGS = json.loads(sys.argv[1])
FINISHED = {"Success", "Failed", "TimedOut", "Cancelled"}


def ssm(url):
    session = boto3.session.Session(aws_access_key_id="AKIDEXAMPLE", aws_secret_access_key="x", region_name="us-east-1")
    return session.client("ssm", endpoint_url=url, config=Config(retries={"mode": "standard", "total_max_attempts": 1}))


def clock(url, body=None):
    request = urllib.request.Request(url + "/_mock/clock", data=None if body is None else json.dumps(body).encode(),
                                     method="GET" if body is None else "POST", headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request) as answer:
        return json.loads(answer.read())


def wait_for_command(client, command_id, sleep):
    """The code under test: a waiter that must not stop on the early empty list."""
    polls = []
    while True:
        invocations = client.list_command_invocations(CommandId=command_id)["CommandInvocations"]
        polls.append([i["Status"] for i in invocations])
        if invocations and all(i["Status"] in FINISHED for i in invocations):
            return polls
        sleep()


observations = {}

timed = ssm(ARGS["clock"])
observations["clockBefore"] = clock(ARGS["clock"])
observations["clockPolls"] = wait_for_command(timed, ARGS["command"], lambda: clock(ARGS["clock"], {"advance": "5s"}))
observations["clockAfter"] = clock(ARGS["clock"])
command = timed.list_commands(CommandId=ARGS["command"])["Commands"][0]
observations["clockCommand"] = {k: command[k] for k in ("Status", "StatusDetails", "CompletedCount", "ErrorCount", "DeliveryTimedOutCount")}

# Back to the load's moment (the steps' timelines count from it), then step by step.
observations["clockReset"] = clock(ARGS["clock"], {"set": observations["clockBefore"]["now"]})
steps = []
for move in (None, {"advance": "20s"}, {"advance": "40s"}):
    if move:
        clock(ARGS["clock"], move)
    reversed_steps = timed.describe_automation_step_executions(AutomationExecutionId=ARGS["automation"], ReverseOrder=True)["StepExecutions"]
    running = timed.describe_automation_step_executions(AutomationExecutionId=ARGS["automation"],
                                                         Filters=[{"Key": "StepExecutionStatus", "Values": ["InProgress"]}])["StepExecutions"]
    steps.append({"reversed": [[s["StepName"], s["StepStatus"], "ExecutionEndTime" in s] for s in reversed_steps],
                  "running": [s["StepName"] for s in running]})
observations["steps"] = steps
observations["badAdvance"] = None
try:
    clock(ARGS["clock"], {"advance": "soon"})
except urllib.error.HTTPError as error:
    observations["badAdvance"] = {"status": error.code, "body": json.loads(error.read())}

counted = ssm(ARGS["reads"])
observations["readPolls"] = wait_for_command(counted, ARGS["command"], lambda: None)

print(json.dumps(observations))

#!/bin/sh
# DescribeAutomationStepExecutions on the local contract mock (npm start); drop --endpoint-url to call AWS itself.
# Any region and credentials work against the mock (the CLI still signs, so it needs some); with
# --auth sigv4, the ones it prints: AWS_ACCESS_KEY_ID=AKIDEXAMPLE AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY
aws ssm describe-automation-step-executions \
  --endpoint-url http://127.0.0.1:4010 \
  --region us-east-1 \
  --automation-execution-id 4105a4fc-f944-11e6-9d32-0123456789ab \
  --filters '[{"Key":"StepExecutionStatus","Values":["Failed"]}]' \
  --max-results 10

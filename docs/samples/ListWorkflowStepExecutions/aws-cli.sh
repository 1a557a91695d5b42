#!/bin/sh
# ListWorkflowStepExecutions on the local contract mock (npm start); drop --endpoint-url to call AWS itself.
# Any region and credentials work against the mock (the CLI still signs, so it needs some); with
# --auth sigv4, the ones it prints: AWS_ACCESS_KEY_ID=AKIDEXAMPLE AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY
aws imagebuilder list-workflow-step-executions \
  --endpoint-url http://127.0.0.1:4010 \
  --region us-east-1 \
  --workflow-execution-id wf-4e57b8a0-7c1d-4f2e-9a3b-5c6d7e8f9a0b \
  --max-results 10

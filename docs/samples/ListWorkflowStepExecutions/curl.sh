#!/bin/sh
# ListWorkflowStepExecutions on the local contract mock (npm start). For AWS itself, use
# https://imagebuilder.us-east-1.amazonaws.com/ListWorkflowStepExecutions with real credentials: curl
# signs the request with SigV4, service name "imagebuilder".
curl -sS -X POST 'http://127.0.0.1:4010/ListWorkflowStepExecutions' \
  --aws-sigv4 'aws:amz:us-east-1:imagebuilder' \
  --user "${AWS_ACCESS_KEY_ID:-AKIDEXAMPLE}:${AWS_SECRET_ACCESS_KEY:-wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY}" \
  -H 'Content-Type: application/json' \
  --data-raw '{"workflowExecutionId":"wf-4e57b8a0-7c1d-4f2e-9a3b-5c6d7e8f9a0b","maxResults":10}'

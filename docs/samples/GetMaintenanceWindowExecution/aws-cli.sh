#!/bin/sh
# GetMaintenanceWindowExecution on the local contract mock (npm start); drop --endpoint-url to call AWS itself.
# Any region and credentials work against the mock (the CLI still signs, so it needs some); with
# --auth sigv4, the ones it prints: AWS_ACCESS_KEY_ID=AKIDEXAMPLE AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY
aws ssm get-maintenance-window-execution \
  --endpoint-url http://127.0.0.1:4010 \
  --region us-east-1 \
  --window-execution-id 9fac7dd9-ff21-42a5-96ad-bbc4b0e0e0e0

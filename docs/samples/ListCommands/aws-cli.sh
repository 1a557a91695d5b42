#!/bin/sh
# ListCommands on the local contract mock (npm start); drop --endpoint-url to call AWS itself.
# Any region and credentials work against the mock (the CLI still signs, so it needs some); with
# --auth sigv4, the ones it prints: AWS_ACCESS_KEY_ID=AKIDEXAMPLE AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY
aws ssm list-commands \
  --endpoint-url http://127.0.0.1:4010 \
  --region us-east-1 \
  --filters '[{"key":"Status","value":"InProgress"}]' \
  --max-results 10

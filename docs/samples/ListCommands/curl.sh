#!/bin/sh
# ListCommands on the local contract mock (npm start). For AWS itself, use
# https://ssm.us-east-1.amazonaws.com/ with real credentials: curl signs the request with SigV4,
# service name "ssm".
curl -sS -X POST 'http://127.0.0.1:4010/' \
  --aws-sigv4 'aws:amz:us-east-1:ssm' \
  --user "${AWS_ACCESS_KEY_ID:-AKIDEXAMPLE}:${AWS_SECRET_ACCESS_KEY:-wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY}" \
  -H 'X-Amz-Target: AmazonSSM.ListCommands' \
  -H 'Content-Type: application/x-amz-json-1.1' \
  --data-raw '{"Filters":[{"key":"Status","value":"InProgress"}],"MaxResults":10}'

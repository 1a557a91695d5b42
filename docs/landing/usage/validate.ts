import { validate } from "aws-ops-contract/validate";

// Checks a payload against the operation's schema from the spec (ajv, precompiled).
const result = validate("ListCommands", "request", { MaxResults: 500 });
if (!result.ok) {
  for (const issue of result.errors) console.log(issue.path, issue.rule, issue.message);
  // -> /MaxResults maximum '/MaxResults' must be <= 50
}

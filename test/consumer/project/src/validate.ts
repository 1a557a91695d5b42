import { assertValid, validate } from "aws-ops-contract/validate";

export function checks(): unknown[] {
  const result = validate("ListCommands", "request", { MaxResults: 0, Colour: "red" });
  // result: { ok: false, omitted: 0, errors: [
  //   { path: "/Colour", rule: "additionalProperties", message: "'/Colour' is not a member of this shape", params: { additionalProperty: "Colour" } },
  //   { path: "/MaxResults", rule: "minimum", message: "'/MaxResults' must be >= 1", params: { comparison: ">=", limit: 1 } }] }

  const body: unknown = { __type: "InvalidNextToken", Message: "The specified token isn't valid." };
  assertValid("ListCommands", "error", body); // throws a ContractValidationError listing every issue
  return [result, body.__type];
}

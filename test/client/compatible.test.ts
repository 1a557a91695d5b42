/**
 * The client's `validateResponses` modes against answers the real service sends: `true` is
 * compatible (an added member or enum value is reported, the call resolves), `{ mode: "strict" }`
 * fails on them, and a wrongly typed member fails in both.
 */
import { describe, expect, it, vi } from "vitest";
import { ContractValidationError, createSsmClient } from "../../src/index.js";
import { amzJson, options, recordingFetch, successExample } from "./support.js";

type Page = { StepExecutions: Array<Record<string, unknown>> };
const answer = (change: (page: Page) => void): Page => {
  const page = structuredClone(successExample("ssm", "DescribeAutomationStepExecutions", "FirstPage")) as Page;
  change(page);
  return page;
};
const request = { AutomationExecutionId: "12345678-1234-1234-1234-123456789012" };
const added = answer((page) => {
  page.StepExecutions[0]!["StepStatus"] = "PausedForReview";
  page.StepExecutions[1]!["RetryPolicy"] = { Attempts: 2 };
});

describe("validateResponses", () => {
  it("true: an answer with WarningMessage, an unknown status and an unknown member resolves as received", async () => {
    const { fetch } = recordingFetch(() => amzJson(added));
    const result = await createSsmClient(options(fetch, { validateResponses: true })).describeAutomationStepExecutions(request);
    expect(result).toEqual(added);
    expect(result.StepExecutions?.[0]?.WarningMessage).toEqual(expect.any(String));
  });

  it("{ onUnknown }: the additions are reported with the operation and kind", async () => {
    const { fetch } = recordingFetch(() => amzJson(added));
    const onUnknown = vi.fn();
    await createSsmClient(options(fetch, { validateResponses: { onUnknown } })).describeAutomationStepExecutions(request);
    expect(onUnknown).toHaveBeenCalledTimes(1);
    const [issues, context] = onUnknown.mock.calls[0]! as [Array<{ path: string; rule: string }>, unknown];
    expect(issues.map((i) => [i.path, i.rule]).sort()).toEqual([
      ["/StepExecutions/0/StepStatus", "enum"],
      ["/StepExecutions/1/RetryPolicy", "additionalProperties"],
    ]);
    expect(context).toEqual({ operation: "DescribeAutomationStepExecutions", kind: "response" });
  });

  it('{ mode: "strict" }: the same answer fails with a ContractValidationError naming both', async () => {
    const { fetch } = recordingFetch(() => amzJson(added));
    const error = await createSsmClient(options(fetch, { validateResponses: { mode: "strict" } }))
      .describeAutomationStepExecutions(request)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ContractValidationError);
    expect((error as ContractValidationError).issues.map((i) => i.path).sort()).toEqual(["/StepExecutions/0/StepStatus", "/StepExecutions/1/RetryPolicy"]);
  });

  it("a wrongly typed member fails in compatible mode too", async () => {
    const { fetch } = recordingFetch(() => amzJson(answer((page) => void (page.StepExecutions[1]!["IsCritical"] = "true"))));
    const error = await createSsmClient(options(fetch, { validateResponses: true }))
      .describeAutomationStepExecutions(request)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ContractValidationError);
    expect((error as ContractValidationError).issues.map((i) => [i.path, i.rule])).toEqual([["/StepExecutions/1/IsCritical", "type"]]);
  });
});

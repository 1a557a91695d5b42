/** `aws-ops-contract-mock proxy` options: the fixed flags, the rest, and the errors a user sees. */
import { describe, expect, it } from "vitest";
import { parseProxyArgs, PROXY_HELP } from "../../mock/src/proxy/cli-args.js";

const options = (...argv: string[]) => {
  const parsed = parseProxyArgs(argv);
  if (parsed.help) throw new Error("help");
  return parsed.options;
};

describe("parseProxyArgs", () => {
  it("takes --region, --port, --record, --report and --endpoint-url", () => {
    expect(options("--region", "us-east-1", "--port", "0", "--record", "rec.json", "--report", "report.json", "--endpoint-url", "http://127.0.0.1:4010")).toEqual({
      region: "us-east-1",
      port: 0,
      record: "rec.json",
      report: "report.json",
      endpointUrl: "http://127.0.0.1:4010/",
    });
    expect(options("--region", "eu-west-1")).toEqual({ region: "eu-west-1", port: 4011 });
  });

  it("takes --strict, --profile, --no-redact, --auth sigv4 with --credentials, --host and --log", () => {
    expect(options("--region", "us-east-1", "--strict", "--profile", "nightly", "--record", "r.json", "--no-redact", "s3", "--no-redact", "outputs,tokens", "--auth", "sigv4", "--credentials", "AKID:SECRET", "--host", "::1", "--log")).toEqual({
      region: "us-east-1",
      port: 4011,
      validation: "strict",
      profile: "nightly",
      record: "r.json",
      redact: ["account-ids", "instance-ids", "parameters"],
      auth: { type: "sigv4", credentials: [{ accessKeyId: "AKID", secretAccessKey: "SECRET" }] },
      host: "::1",
      log: true,
    });
  });

  it("refuses what it cannot use, naming the flag", () => {
    expect(() => parseProxyArgs([])).toThrow(/--region is required/);
    expect(() => parseProxyArgs(["--region", "us-east-1", "--endpoint-url", "ftp://x"])).toThrow(/--endpoint-url must be http:\/\/ or https:\/\//);
    expect(() => parseProxyArgs(["--region", "us-east-1", "--endpoint-url", "https://u:p@x"])).toThrow(/user info/);
    expect(() => parseProxyArgs(["--region", "us-east-1", "--no-redact", "s3"])).toThrow(/--no-redact needs --record/);
    expect(() => parseProxyArgs(["--region", "us-east-1", "--credentials", "A:B"])).toThrow(/--credentials needs --auth sigv4/);
    expect(() => parseProxyArgs(["--region", "us-east-1", "--port", "70000"])).toThrow(/--port must be a number/);
    expect(() => parseProxyArgs(["--region", "us-east-1", "--data", "x"])).toThrow(/Unknown option '--data'/);
  });

  it("--help", () => {
    expect(parseProxyArgs(["--help"])).toEqual({ help: true });
    for (const flag of ["--region", "--port", "--record", "--report", "--endpoint-url", "--no-redact", "--strict", "--profile", "--auth"]) expect(PROXY_HELP).toContain(flag);
  });
});

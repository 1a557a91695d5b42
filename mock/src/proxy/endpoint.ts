/**
 * Where the proxy sends each service: the service's regional endpoint, named after the document's
 * first `servers` URL (`https://ssm.{region}.amazonaws.com`), or one endpoint for every service
 * (`--endpoint-url`: a VPC endpoint, or a local stand-in in tests).
 */
import type { OpenApiDocument } from "aws-ops-contract/model";

/** The upstream base URL of one document's service in `region`, or `endpointUrl` when one is given. */
export function upstreamUrl(doc: OpenApiDocument, region: string, endpointUrl?: string): URL {
  if (endpointUrl !== undefined) return parseEndpointUrl(endpointUrl);
  const servers = doc["servers"] as Array<{ url?: unknown; variables?: Record<string, { default?: unknown }> }> | undefined;
  const template = servers?.[0]?.url;
  if (typeof template !== "string" || !template.includes("{region}")) {
    throw new Error(`Cannot tell where ${doc.info?.title ?? "a document"}'s service lives: its first servers URL should be https://<service>.{region}.amazonaws.com (got ${JSON.stringify(template)}); give --endpoint-url`);
  }
  return parseEndpointUrl(template.replace("{region}", region));
}

/** An endpoint as the AWS CLI's `--endpoint-url` takes it: http or https, a host, no user info, query or fragment. */
export function parseEndpointUrl(text: string, what = "--endpoint-url"): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new Error(`${what} must be a URL such as https://ssm.us-east-1.amazonaws.com (got '${text}')`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") throw new Error(`${what} must be http:// or https:// (got '${text}')`);
  if (url.username || url.password || url.search || url.hash) throw new Error(`${what} must not carry user info, a query or a fragment (got '${text}')`);
  return url;
}

/** Whether a URL names this machine (localhost, 127.0.0.0/8, ::1): the only place a stand-in without real credentials may be. */
export function isLoopback(url: URL): boolean {
  const host = url.hostname.replace(/^\[|\]$/g, "").toLowerCase();
  return host === "localhost" || host.endsWith(".localhost") || /^127(\.\d{1,3}){3}$/.test(host) || host === "::1";
}

/** A region as the SDKs accept it: lower-case letters, digits and dashes (`us-east-1`, `eu-central-2`). */
export function checkRegion(region: string | undefined): string {
  if (region === undefined || region === "") throw new Error("--region is required (the region whose endpoints the proxy forwards to, e.g. --region us-east-1)");
  if (!/^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/.test(region)) throw new Error(`--region must be a region name such as us-east-1 (got '${region}')`);
  return region;
}

/**
 * Identifiers and ARNs in the services' real formats. Everything is drawn from the caller's seeded
 * source, so the same seed gives the same IDs.
 */
import type { Random } from "./random.js";

/** A version 4 UUID (command IDs, window execution and task IDs, automation and step execution IDs). */
export function uuid(random: Random): string {
  const variant = random.pick(["8", "9", "a", "b"]);
  return `${random.hex(8)}-${random.hex(4)}-4${random.hex(3)}-${variant}${random.hex(3)}-${random.hex(12)}`;
}

/** An EC2 instance ID as current instances have it: `i-` and 17 hexadecimal digits, the first 0. */
export const instanceId = (random: Random): string => `i-0${random.hex(16)}`;

/** An AMI ID, `ami-` and 17 hexadecimal digits, the first 0. */
export const imageId = (random: Random): string => `ami-0${random.hex(16)}`;

/** A 12-digit AWS account ID. */
export const accountId = (random: Random): string => random.digits(12);

const REGIONS = ["us-east-1", "us-east-2", "us-west-2", "eu-west-1", "eu-central-1", "ap-southeast-2", "ap-northeast-1"] as const;
export const region = (random: Random): string => random.pick(REGIONS);

/** The place a generated run happens: one account and region, used by every ARN and URL in it. */
export interface Place {
  account: string;
  region: string;
}
export const place = (random: Random): Place => ({ account: accountId(random), region: region(random) });

export const snsTopicArn = (at: Place, topic: string): string => `arn:aws:sns:${at.region}:${at.account}:${topic}`;
export const iamRoleArn = (at: Place, role: string): string => `arn:aws:iam::${at.account}:role/${role}`;

/** An S3 bucket name (3-63 lower-case letters, digits and hyphens) that names its account and region. */
export const s3Bucket = (random: Random, at: Place): string =>
  `${random.pick(["ssm-output", "ops-logs", "run-command-output"])}-${at.account}-${at.region}`;

/** A semantic version as Image Builder writes it, `major.minor.patch`. */
export const semanticVersion = (random: Random): string => `${random.int(1, 3)}.${random.int(0, 9)}.${random.int(0, 20)}`;

/**
 * `arn:aws:imagebuilder:<region>:<owner>:workflow/<build|test|distribution>/<name>/<x.y.z>/<build>`;
 * the owner is `aws` for the managed workflows, otherwise the account.
 */
export const workflowBuildVersionArn = (at: Place, owner: string, type: "build" | "test" | "distribution", name: string, version: string, build: number): string =>
  `arn:aws:imagebuilder:${at.region}:${owner}:workflow/${type}/${name}/${version}/${build}`;

/** `arn:aws:imagebuilder:<region>:<account>:image/<name>/<x.y.z>/<build>`. */
export const imageBuildVersionArn = (at: Place, name: string, version: string, build: number): string =>
  `arn:aws:imagebuilder:${at.region}:${at.account}:image/${name}/${version}/${build}`;

export const imagebuilderComponentArn = (at: Place, name: string, version: string, build: number): string =>
  `arn:aws:imagebuilder:${at.region}:${at.account}:component/${name}/${version}/${build}`;

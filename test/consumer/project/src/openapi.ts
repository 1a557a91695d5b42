import ssm from "aws-ops-contract/openapi/ssm.json" with { type: "json" };
import imagebuilder from "aws-ops-contract/openapi/imagebuilder.json" with { type: "json" };

export const operations = [...Object.values(ssm.paths), ...Object.values(imagebuilder.paths)].map((path) => path.post.operationId);

import { loadSpecs } from "./src/mock/spec.js";
import { readOperations } from "./src/mock/operations.js";
import { createPrismMocker } from "./src/mock/prism.js";
const docs = loadSpecs(); const ops = readOperations(docs); const p = await createPrismMocker(docs, ops);
for (const op of ops) {
  for (let i = 0; i < 200; i++) await p.answer(op, { dynamic: false }, {});
  const t = performance.now();
  for (let i = 0; i < 2000; i++) await p.answer(op, { dynamic: false }, {});
  console.log(op.operationId, ((performance.now() - t) / 2000).toFixed(3), "ms");
}

/** answer: the chosen source answers (sources/), or the documented example it falls back on. */
import { answerFrom } from "../sources/index.js";
import type { Stage } from "./types.js";

export const answerStage: Stage = {
  name: "answer",
  async run(context) {
    const { outcome, from } = await answerFrom(context.mock.sources, context.source!, context.operation!, context);
    context.answeredFrom = from;
    return outcome;
  },
};

// What a decoding or encoding call says about a record, for assertions: "valid", or the RecordError's category and path.
import { RecordError } from "../../dist/runtime/index.js";

/** Runs `run`; "valid" when it returns, `{ category, path }` when it throws a RecordError (anything else is rethrown). */
export function failure(run) {
  try {
    run();
  } catch (error) {
    if (error instanceof RecordError) return { category: error.category, path: error.path };
    throw error;
  }
  return "valid";
}

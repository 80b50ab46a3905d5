// The runtime for the generated test modules beside it (constructs.ts, names.ts), which import "./runtime/index.js"
// as every generated module does: the package's own build in dist/, so the tests and these modules share one runtime.
export * from "../../dist/runtime/index.js";

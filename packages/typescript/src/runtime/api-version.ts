/**
 * The runtime API this runtime offers. Generated modules call `requireContractRuntimeAPI(1)` when they are imported, in
 * the style of swift-protobuf's version check: against a runtime with another API the call does not type-check (the
 * parameter is the literal type of the version offered), and if the JavaScript was mixed up anyway it throws at import,
 * naming both versions.
 */
export const contractRuntimeAPIVersion = 1;

/** Throws unless this runtime offers API `version`; generated modules call it at import. */
export function requireContractRuntimeAPI(version: typeof contractRuntimeAPIVersion): void {
  if (version !== contractRuntimeAPIVersion) {
    throw new Error(`this module was generated for contract runtime API ${String(version)}, but the runtime offers `
      + `API ${contractRuntimeAPIVersion}; regenerate it with the contractgen that matches the runtime`);
  }
}

/**
 * TEST-ONLY (offline build): stands in for office-addin-mock in the browser, where its Node
 * dependencies (manifest reader, usage data) cannot load. The Excel fake only uses it as a plain
 * object holding `run` and the enums.
 */
export class OfficeMockObject {
  constructor(properties: Record<string, unknown>) {
    Object.assign(this, properties);
  }
}

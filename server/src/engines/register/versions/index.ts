/** Published versions of a list (a register declaring `versions`): see publish.ts, read.ts, public.ts. */

export {
  type PublicListOn,
  type PublicVersion,
  publicListEntryOn,
  publicListOn,
} from "./public.ts";
export {
  assertVersioned,
  DOC_NUMBER,
  PublishInput,
  publishVersion,
  versionsBy,
} from "./publish.ts";
export {
  diffEntries,
  diffVersions,
  getVersion,
  listVersions,
  type SnapshotEntry,
  type VersionDiff,
  type VersionView,
  type VersionWithEntries,
} from "./read.ts";

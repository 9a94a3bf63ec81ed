/* The dependencies domain other features and the dependencies UI may import: pure TypeScript, no Angular. */
export {
  CATALOG_WARNING_CODES,
  FILE_REJECTION_CODES,
  LINE_PROBLEM_CODES,
  dependencyMessageKey,
  type CatalogWarningCode,
  type FactSource,
  type FileRejectionCode,
  type LineProblemCode,
  type MessageParams,
} from './codes';
export {
  MAX_NAME_LENGTH,
  MAX_TAG_LENGTH,
  imageName,
  makeImage,
  parseImageReference,
  type ImageReference,
  type ReferenceCheck,
  type ReferenceProblemCode,
} from './image-reference';
export {
  DEFAULT_SOURCE_REGISTRY,
  MAX_FILE_BYTES,
  MAX_IMAGE_LINES,
  MAX_LINE_LENGTH,
  readDependencyFile,
  type DependencyFileReading,
  type DependencyLine,
  type LineProblem,
  type PlaceholderValues,
} from './dependency-file';
export {
  COMPONENT_GROUPS,
  DESTINATION_RULES,
  destinationOf,
  destinationUnderBase,
  findDestinationRule,
  groupOf,
  type ComponentGroup,
  type Destination,
  type DestinationRule,
} from './destination-rules';
export {
  CSE_RELEASES,
  CSE_VERSIONS,
  VERSIONED_COMPONENTS,
  cseRelease,
  type CseRelease,
  type CseVersion,
  type VersionedComponent,
} from './cse-releases';
export { TKG_RELEASES, TKG_SUPPORT, findTkr, readTkgVersions, supportedTkrs, type TkgRelease, type TkgSupport } from './tkg-releases';
export { buildCatalog, keyOf, mergeCatalog, tkgImages, type CatalogEntry, type MergeMode } from './catalog';
export {
  COMPONENT_LABELS,
  preselectCseRelease,
  readConfiguredVersions,
  versionMatches,
  type ConfiguredVersions,
  type CseVersionPreselection,
  type VersionDifference,
} from './version-preselection';
export { nearMissTags } from './near-miss';
export type { CheckFailure, ImageToCheck, ManifestKind, NotPullableReason, PresenceResult, PresenceStatus } from './presence';
export {
  ABSENT_STATUSES,
  GAP_STATUSES,
  ROW_STATUSES,
  countByStatus,
  filterRows,
  groupBars,
  imageToCheckOf,
  imagesOf,
  pendingRows,
  rowsForCatalog,
  rowsWithoutDigest,
  withAnswer,
  withResult,
  type DetailParams,
  type GroupBar,
  type ResultRow,
  type RowDetail,
  type RowFilter,
  type RowStatus,
  type StatusCounts,
  type StatusFilter,
} from './result-rows';
export {
  readRecord,
  rowsOf,
  toRecord,
  type CheckOutcome,
  type CompactRow,
  type DependencyCheckRecord,
  type RecordContext,
} from './check-record';
export * from './longest-derived';
export {
  DOCUMENTED_SOURCE_REGISTRY,
  SOURCE_FACTS,
  SOURCE_REGISTRY_SECTION,
  fromSource,
  readSourceSetting,
  validateSourceRegistry,
  type SourceFact,
  type SourceRegistryProblemCode,
  type SourceRegistryValidation,
} from './source-registry';
export {
  DEFAULT_ARCHIVE_DIR,
  DEFAULT_CA_CERT_PATH,
  TRANSFER_SCRIPT_NAME,
  TRANSFER_TOOLS,
  transferScript,
  type RefusedImage,
  type TransferImage,
  type TransferScript,
  type TransferScriptInput,
  type TransferTool,
} from './transfer-script';

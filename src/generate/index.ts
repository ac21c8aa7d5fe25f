// Public door of the generator: catalog -> collections and schemas, plus the writer and the check.

export { buildCollection, buildItem, itemId } from './build-collection.ts';
export {
  bumpVersion,
  collectionVersion,
  describeChanges,
  levelOf,
  type BumpLevel,
  type ContractChange,
} from './contract-changes.ts';
export { buildEndpointSchema, buildSharedSchemas } from './build-schema.ts';
export {
  GENERATED_ROOTS,
  collectionPath,
  generateFiles,
  harnessPath,
  schemaId,
  schemaPath,
  type GeneratedFile,
} from './generate-files.ts';
export { SCHEMA_VARIABLE, renderTestScript } from './test-script.ts';
export {
  compareGenerated,
  readCommittedCollections,
  writeGenerated,
  type GeneratedDifference,
} from './write-generated.ts';

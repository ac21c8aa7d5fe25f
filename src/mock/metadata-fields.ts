// `GET /crm/v8/settings/fields?module=X` as Zoho answers it: the profile's fields completed to fields.json's `fields`.

import { ADMIN_PROFILE } from './metadata-users.ts';
import type { ProfileField, ProfileModule } from './org-profile.ts';
import type { Json } from './zoho-errors.ts';

/** The id of the org's module at `index` (its place in the profile), stable across starts. */
export function moduleId(index: number): string {
  return `3652397000000${String(2175 + index).padStart(6, '0')}`;
}

/** The id of a module's field at `index`: the fields answer and the modules answer name a field by the same id. */
export function fieldId(moduleIndex: number, index: number): string {
  return `${moduleId(moduleIndex).slice(0, -3)}${String(100 + index).padStart(3, '0')}`;
}

/** A module's `fields[]`: the profile's entries, each completed with every key fields.json `fields` requires. */
export function fieldEntries(module: ProfileModule, moduleIndex: number): Json[] {
  return module.fields.map((field, i) => fieldEntry(module, moduleIndex, field, i));
}

function fieldEntry(module: ProfileModule, moduleIndex: number, field: ProfileField, index: number): Json {
  const label = field.api_name.replace(/_/g, ' ');
  const id = fieldId(moduleIndex, index);
  const defaults: Json = {
    id,
    api_name: field.api_name,
    field_label: label,
    display_label: label,
    column_name: field.api_name.toUpperCase(),
    data_type: field.data_type,
    json_type: jsonType(field.data_type),
    type: 'used',
    system_mandatory: field.system_mandatory,
    length: field.length ?? 255,
    unique: field.unique,
    // fields.json `pick_list_values`: colour_code, actual_value, type, id, sequence_number, display_value required.
    pick_list_values: field.pick_list_values.map((p, n) => ({
      display_value: p.display_value,
      actual_value: p.actual_value,
      id: `${id}${n}`,
      sequence_number: n + 1,
      type: 'used',
      colour_code: null,
    })),
    // fields.json `lookup`: query_details, module, revalidate_filter_during_edit and show_fields required.
    lookup: field.lookup
      ? {
          module: { api_name: field.lookup.module.api_name, id: null },
          display_label: label,
          api_name: field.api_name,
          id: null,
          query_details: {},
          revalidate_filter_during_edit: false,
          show_fields: [],
        }
      : null,
    ...FIELD_DEFAULTS,
    custom_field: module.custom,
    display_field: index === 0,
    created_source: module.custom ? 'custom' : 'default',
    quick_sequence_number: String(index + 1),
    view_type: { view: true, edit: true, quick_create: field.system_mandatory, create: true },
  };
  // What the profile gave wins over the defaults (its own extra keys too), except the normalised ones above.
  return {
    ...defaults,
    ...field.source,
    pick_list_values: defaults['pick_list_values'],
    lookup: defaults['lookup'],
    unique: field.unique,
    system_mandatory: field.system_mandatory,
  };
}

/** The keys fields.json `fields` requires that the profile does not decide, with a plain field's values. */
const FIELD_DEFAULTS: Json = {
  associated_module: null,
  operation_type: { web_update: true, api_create: true, web_create: true, api_update: true },
  webhook: true,
  blueprint_supported: true,
  virtual_field: false,
  field_read_only: false,
  read_only: false,
  customizable_properties: [],
  businesscard_supported: true,
  filterable: true,
  visible: true,
  available_in_user_layout: true,
  pick_list_values_sorted_lexically: false,
  sortable: true,
  layout_associations: [],
  separator: false,
  searchable: true,
  enable_colour_code: false,
  mass_update: true,
  display_type: -1,
  ui_type: 1,
  colour_code_enabled_by_system: null,
  decimal_place: null,
  email_parser: { fields_update_supported: false, record_operations_supported: false },
  rollup_summary: null,
  refer_from_field: null,
  created_time: null,
  modified_time: null,
  show_type: 7,
  category: 0,
  multi_module_lookup: null,
  sharing_properties: null,
  currency: null,
  file_upolad_optionlist: [],
  profiles: [{ name: ADMIN_PROFILE.name, id: ADMIN_PROFILE.id, permission_type: 'read_write' }],
  sub_module: null,
  subform: null,
  external: null,
  formula: null,
  private: null,
  convert_mapping: null,
  multiselectlookup: null,
  multiuserlookup: null,
  autonumber: null,
  auto_number: null,
  crypt: null,
  tooltip: null,
  history_tracking: null,
  association_details: null,
  allowed_modules: [],
  additional_column: null,
  'common.picklist': null,
  hipaa_compliance_enabled: false,
  hipaa_compliance: null,
  _update_existing_records: false,
  number_separator: false,
  textarea: null,
  static_field: false,
};

function jsonType(dataType: string): string {
  if (['integer', 'long', 'bigint'].includes(dataType)) return 'integer';
  if (['double', 'currency', 'percent', 'decimal'].includes(dataType)) return 'double';
  if (dataType === 'boolean') return 'boolean';
  if (['lookup', 'ownerlookup', 'userlookup', 'consent_lookup'].includes(dataType)) return 'jsonobject';
  if (
    ['multiselectpicklist', 'subform', 'multiuserlookup', 'multiselectlookup', 'fileupload', 'imageupload'].includes(
      dataType,
    )
  )
    return 'jsonarray';
  return 'string';
}

// `GET /crm/v8/settings/modules` as Zoho answers it: the profile's modules in the shape of modules.json's `modules`.

import { fieldId, moduleId } from './metadata-fields.ts';
import { ADMIN_PROFILE, minifiedUser, STANDARD_PROFILE } from './metadata-users.ts';
import type { OrgProfile, ProfileModule } from './org-profile.ts';
import { SEED_TIME, users } from './seed.ts';
import type { Json } from './zoho-errors.ts';

/** The first fields of a module, as modules.json's `Minified_Field` (api_name, id) with their place. */
function leadingFields(module: ProfileModule, index: number, count: number): Array<{ api_name: string; id: string }> {
  return module.fields.slice(0, count).map((f, i) => ({ api_name: f.api_name, id: fieldId(index, i) }));
}

/** One `modules[]` entry, with every key modules.json `modules` requires (and those of its nested objects). */
export function moduleEntry(module: ProfileModule, index: number): Json {
  const label = module.api_name.replace(/_/g, ' ');
  const shown = leadingFields(module, index, 3);
  return {
    id: moduleId(index),
    api_name: module.api_name,
    module_name: module.api_name,
    plural_label: label,
    singular_label: label.replace(/s$/, ''),
    generated_type: module.custom ? 'custom' : 'default',
    api_supported: true,
    visible: true,
    visibility: 1,
    show_as_tab: true,
    sequence_number: index + 1,
    creatable: true,
    editable: true,
    deletable: true,
    viewable: true,
    convertable: module.api_name === 'Leads',
    quick_create: true,
    description: null,
    modified_time: SEED_TIME,
    modified_by: minifiedUser(users.admin),
    profiles: [ADMIN_PROFILE, STANDARD_PROFILE],
    profile_count: 2,
    web_link: null,
    arguments: [],
    'common.search_supported': true,
    recycle_bin_on_delete: true,
    inventory_template_supported: false,
    presence_sub_menu: false,
    triggers_supported: true,
    chart_view: false,
    chart_view_supported: true,
    isBlueprintSupported: true,
    emailTemplate_support: true,
    email_parser_supported: false,
    filter_supported: true,
    feeds_required: false,
    scoring_supported: true,
    webform_supported: true,
    business_card_field_limit: 5,
    business_card_fields: [],
    track_current_data: false,
    parent_module: {},
    // modules.json enum: Enabled, Disabled (or null).
    activity_badge: 'Disabled',
    $field_states: [],
    per_page: 200,
    $properties: [],
    $on_demand_properties: [],
    search_layout_fields: [],
    kanban_view_supported: true,
    kanban_view: false,
    // modules.json: `fields` required, each with sequence_number, api_name and id.
    lookup_field_properties: { fields: shown.map((f, i) => ({ sequence_number: i + 1, ...f })) },
    related_lists: [],
    filter_status: true,
    // modules.json: sort_by (a Minified_Field), fields (names) and sort_order, all required.
    related_list_properties: {
      sort_by: shown[0] ?? { api_name: null, id: null },
      fields: shown.map((f) => f.api_name),
      sort_order: shown[0] ? 'asc' : null,
    },
    display_field: { api_name: module.fields[0]?.api_name ?? 'Name', id: module.fields[0] ? fieldId(index, 0) : null },
    layouts: [],
    fields: [],
    custom_view: null,
    zia_view: false,
    default_mapping_fields: [],
    layout_associations: [],
    status: 'visible',
  };
}

/** `GET /crm/v8/settings/modules` (modules.json `Response_Wrapper`). */
export function modulesBody(profile: OrgProfile): Json {
  return { modules: [...profile.modules.values()].map(moduleEntry) };
}

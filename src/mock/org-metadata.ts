// The org's metadata as Zoho's CRM v8 OpenAPI shapes it (users, org, modules, fields), built from the profile.

import type { OrgProfile, ProfileField, ProfileModule } from './org-profile.ts';
import { SEED_TIME, users, type MockUser } from './seed.ts';
import type { Json } from './zoho-errors.ts';

const ORG_ID = '3652397000000000001';
const ZGID = '3652397';
const ADMIN_PROFILE = { name: 'Administrator', id: '3652397000000026011' };
const STANDARD_PROFILE = { name: 'Standard', id: '3652397000000026014' };
const minifiedUser = (user: MockUser): Json => ({ name: user.name, id: user.id, email: emailOf(user) });

/** The user's sign-in address, derived from the name (the SDK keys its field cache on it). */
export function emailOf(user: MockUser): string {
  return `${user.name.toLowerCase().replace(/[^a-z]+/g, '.')}@zylker.com`;
}

/** A `users[]` entry. */
export function userEntry(user: MockUser): Json {
  const [first = '', ...rest] = user.name.split(' ');
  return {
    id: user.id,
    zuid: user.id.slice(-8),
    full_name: user.name,
    first_name: first,
    last_name: rest.join(' '),
    email: emailOf(user),
    alias: null,
    status: 'active',
    confirm: true,
    category: 'regular_user',
    personal_account: false,
    sandboxDeveloper: false,
    microsoft: false,
    Isonline: false,
    role: { name: user.admin ? 'CEO' : 'Manager', id: user.admin ? '3652397000000026005' : '3652397000000026008' },
    profile: user.admin ? ADMIN_PROFILE : STANDARD_PROFILE,
    locale: 'en_US',
    country_locale: 'en_US',
    language: 'en_US',
    country: 'US',
    time_zone: 'Etc/UTC',
    offset: 0,
    time_format: 'HH:mm',
    date_format: 'MM-dd-yyyy',
    decimal_separator: 'Period',
    number_separator: 'Comma',
    sort_order_preference__s: 'First Name,Last Name',
    name_format__s: 'Salutation,First Name,Last Name',
    default_tab_group: '0',
    Currency: 'USD',
    city: null,
    state: null,
    street: null,
    zip: null,
    phone: null,
    mobile: null,
    fax: null,
    website: null,
    dob: null,
    signature: null,
    created_by: minifiedUser(users.admin),
    created_time: SEED_TIME,
    Modified_By: minifiedUser(users.admin),
    Modified_Time: SEED_TIME,
    Reporting_To: null,
    customize_info: {
      notes_desc: null,
      show_right_panel: null,
      bc_view: null,
      unpin_recent_item: null,
      show_home: false,
      show_detail_view: true,
    },
    theme: {
      normal_tab: { font_color: '#FFFFFF', background: '#222222' },
      selected_tab: { font_color: '#FFFFFF', background: '#222222' },
      new_background: null,
      background: '#F3F0EB',
      screen: 'fixed',
      type: 'default',
    },
  };
}

/** `GET /crm/v8/users` (info as the OpenAPI requires). */
export function usersBody(list: readonly MockUser[]): Json {
  return { users: list.map(userEntry), info: { per_page: 200, count: list.length, page: 1, more_records: false } };
}

/** `GET /crm/v8/org`: one org, its edition in `license_details.paid_type`. */
export function orgBody(profile: OrgProfile): Json {
  return {
    org: [
      {
        id: ORG_ID,
        company_name: 'Zylker',
        alias: null,
        primary_email: emailOf(users.admin),
        primary_zuid: users.admin.id.slice(-8),
        zgid: ZGID,
        ezgid: ZGID,
        zia_zgid: Number(ZGID),
        domain_name: `org${ZGID}`,
        type: 'production',
        country: 'United States',
        country_code: 'US',
        city: null,
        state: null,
        street: null,
        zip: null,
        phone: null,
        mobile: null,
        fax: null,
        description: null,
        time_zone: 'Etc/UTC',
        currency: 'US Dollar - USD',
        currency_symbol: '$',
        currency_locale: 'en_US',
        iso_code: 'USD',
        employee_count: '10',
        website: null,
        photo_id: null,
        mc_status: false,
        gapps_enabled: false,
        translation_enabled: false,
        privacy_settings: false,
        hipaa_compliance_enabled: false,
        lite_users_enabled: false,
        deletable_org_account: false,
        oauth_presence: true,
        call_icon: null,
        zia_portal_id: null,
        max_per_page: 200,
        created_time: SEED_TIME,
        license_details: {
          paid: profile.edition !== 'free',
          paid_type: profile.edition,
          paid_expiry: '2099-12-31T23:59:59+00:00',
          users_license_purchased: 3,
          trial_type: null,
          trial_expiry: null,
          trial_action: null,
        },
        hierarchy_preferences: { type: 'Role_Hierarchy', strictly_reporting: false },
        checkin_preferences: { restricted_event_types: null },
      },
    ],
  };
}

/** One `modules[]` entry, with every key the OpenAPI requires. */
export function moduleEntry(module: ProfileModule, index: number): Json {
  const label = module.api_name.replace(/_/g, ' ');
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
    activity_badge: 'Not_Supported',
    $field_states: [],
    per_page: 200,
    $properties: [],
    $on_demand_properties: [],
    search_layout_fields: [],
    kanban_view_supported: true,
    kanban_view: false,
    lookup_field_properties: {},
    related_lists: [],
    filter_status: true,
    related_list_properties: {},
    display_field: { api_name: module.fields[0]?.api_name ?? 'Name', id: null },
    layouts: [],
    fields: [],
    custom_view: null,
    zia_view: false,
    default_mapping_fields: [],
    layout_associations: [],
    status: 'visible',
  };
}

/** `GET /crm/v8/settings/modules`. */
export function modulesBody(profile: OrgProfile): Json {
  return { modules: [...profile.modules.values()].map(moduleEntry) };
}

/** `GET /crm/v8/settings/fields?module=...`: the profile's entries, completed with every key the OpenAPI requires. */
export function fieldsBody(module: ProfileModule, moduleIndex: number): Json {
  return { fields: module.fields.map((field, i) => fieldEntry(module, moduleIndex, field, i)) };
}

function fieldEntry(module: ProfileModule, moduleIndex: number, field: ProfileField, index: number): Json {
  const label = field.api_name.replace(/_/g, ' ');
  const id = `${moduleId(moduleIndex).slice(0, -3)}${String(100 + index).padStart(3, '0')}`;
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
    pick_list_values: field.pick_list_values.map((p, n) => ({
      display_value: p.display_value,
      actual_value: p.actual_value,
      id: `${id}${n}`,
      sequence_number: n + 1,
      type: 'used',
      colour_code: null,
    })),
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
    associated_module: null,
    operation_type: { web_update: true, api_create: true, web_create: true, api_update: true },
    webhook: true,
    blueprint_supported: true,
    virtual_field: false,
    field_read_only: false,
    read_only: false,
    customizable_properties: [],
    custom_field: module.custom,
    businesscard_supported: true,
    filterable: true,
    visible: true,
    available_in_user_layout: true,
    display_field: index === 0,
    pick_list_values_sorted_lexically: false,
    sortable: true,
    layout_associations: [],
    separator: false,
    searchable: true,
    enable_colour_code: false,
    mass_update: true,
    created_source: module.custom ? 'custom' : 'default',
    display_type: -1,
    ui_type: 1,
    colour_code_enabled_by_system: null,
    decimal_place: null,
    quick_sequence_number: String(index + 1),
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
    view_type: { view: true, edit: true, quick_create: field.system_mandatory, create: true },
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

function moduleId(index: number): string {
  return `3652397000000${String(2175 + index).padStart(6, '0')}`;
}

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

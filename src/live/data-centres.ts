// Zoho's data centres: accounts server, API domain per environment, Contracts host (zoho-notes.md section 2). Pure data.

/** One data centre's hosts. */
export interface DataCentre {
  readonly accounts: string;
  readonly api: { readonly production: string; readonly sandbox: string; readonly developer: string };
  /** Contracts has no CN data centre. */
  readonly contracts?: string;
}

const zohoapis = (tld: string): DataCentre['api'] => ({
  production: `https://www.zohoapis.${tld}`,
  sandbox: `https://sandbox.zohoapis.${tld}`,
  developer: `https://developer.zohoapis.${tld}`,
});

/** The data centres the official v8 SDK knows, keyed as ZOHO_DATA_CENTRE takes them. */
export const DATA_CENTRES = {
  com: { accounts: 'https://accounts.zoho.com', api: zohoapis('com'), contracts: 'https://contracts.zoho.com' },
  eu: { accounts: 'https://accounts.zoho.eu', api: zohoapis('eu'), contracts: 'https://contracts.zoho.eu' },
  in: { accounts: 'https://accounts.zoho.in', api: zohoapis('in'), contracts: 'https://contracts.zoho.in' },
  'com.au': {
    accounts: 'https://accounts.zoho.com.au',
    api: zohoapis('com.au'),
    contracts: 'https://contracts.zoho.com.au',
  },
  jp: { accounts: 'https://accounts.zoho.jp', api: zohoapis('jp'), contracts: 'https://contracts.zoho.jp' },
  'com.cn': { accounts: 'https://accounts.zoho.com.cn', api: zohoapis('com.cn') },
  ca: { accounts: 'https://accounts.zohocloud.ca', api: zohoapis('ca'), contracts: 'https://contracts.zohocloud.ca' },
  sa: { accounts: 'https://accounts.zoho.sa', api: zohoapis('sa'), contracts: 'https://contracts.zoho.sa' },
} as const satisfies Record<string, DataCentre>;

export type DataCentreName = keyof typeof DATA_CENTRES;

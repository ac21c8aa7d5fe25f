// Public door of live mode: configuration, data centres and the token refresh.

export { readLiveConfig, type LiveConfig } from './config.ts';
export { DATA_CENTRES, type DataCentre, type DataCentreName } from './data-centres.ts';
export { refreshAccessToken, type AccessToken } from './refresh-token.ts';

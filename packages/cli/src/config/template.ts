/** The commented configuration template `sellerbridge init` writes. */

/** Contents of `sellerbridge.config.ts`. */
export const CONFIG_TEMPLATE = `// SellerBridge configuration. Validated at start-up: a wrong key or value is reported by name.
// Secrets NEVER go here: set them as environment variables (or a JSON secrets file passed with
// --secrets / SELLERBRIDGE_SECRETS_FILE), per environment:
//   SELLERBRIDGE_SANDBOX_LWA_CLIENT_ID, SELLERBRIDGE_SANDBOX_LWA_CLIENT_SECRET,
//   SELLERBRIDGE_SANDBOX_LWA_REFRESH_TOKEN
//   NetSuite OAuth 2.0 (default): SELLERBRIDGE_SANDBOX_NS_CLIENT_ID, SELLERBRIDGE_SANDBOX_NS_CERTIFICATE_ID,
//     SELLERBRIDGE_SANDBOX_NS_PRIVATE_KEY_FILE (or SELLERBRIDGE_SANDBOX_NS_PRIVATE_KEY)
//   NetSuite TBA: SELLERBRIDGE_SANDBOX_NS_CONSUMER_KEY, …_NS_CONSUMER_SECRET, …_NS_TOKEN_ID, …_NS_TOKEN_SECRET
//   Error records keep failed input encrypted with SELLERBRIDGE_ENCRYPTION_KEY (64 hex characters).
// Use SELLERBRIDGE_PRODUCTION_… for production, or SELLERBRIDGE_… for both.
// A type-only import: erased when the file is loaded, so it works without the package installed
// here, and editors that resolve it check every key.
import type { SellerBridgeConfigInput } from '@sellerbridge/cli';

export default {
  // Base of the integration id; state is kept per environment (acme-us-sandbox, acme-us-production),
  // so a sandbox run never moves production's checkpoints.
  integrationId: 'acme-us',
  stateDir: '.sellerbridge',
  environments: {
    // Runs use the sandbox unless --env production is given.
    sandbox: {
      amazon: {
        region: 'na', // na | eu | fe
        sellingPartnerId: 'A1EXAMPLESELLER',
        marketplaceIds: ['ATVPDKIKX0DER'],
        // Amazon has no sandbox with a seller's real data: in the sandbox environment shipment
        // confirmations and listing updates are recorded and shown, not sent, unless true.
        sendWrites: false,
      },
      netsuite: {
        accountId: '1234567_SB1', // any casing: 1234567-sb1 works too
        auth: 'oauth2', // oauth2 (machine-to-machine) | tba
        // oauth2Algorithm: 'PS256', // the certificate's key type: PS256 (RSA, default) or ES256 (EC P-256)
      },
    },
    // production: { amazon: { …, sendWrites: true }, netsuite: { accountId: '1234567', auth: 'oauth2' } },
  },
  // Starter edition settings; every key has a default (see @sellerbridge/flows-starter's README).
  starter: {
    sellerId: 'A1EXAMPLESELLER',
    marketplaceIds: ['ATVPDKIKX0DER'],
    timeZone: 'America/Los_Angeles',
    marketplaces: {
      ATVPDKIKX0DER: { subsidiaryId: '1', locationId: '1', fbaLocationId: '2', currencyId: '1' },
    },
    customers: { strategy: 'default', defaultCustomerIds: ['100'] },
  },
} satisfies SellerBridgeConfigInput;
`;

using 'main.bicep'

// azd fills AZURE_ENV_NAME and AZURE_LOCATION; with plain `az deployment group create` export them first
// (or override on the command line: --parameters infra/main.bicepparam environmentName=prod).
param environmentName = readEnvironmentVariable('AZURE_ENV_NAME', 'pmg')
param location = readEnvironmentVariable('AZURE_LOCATION', 'brazilsouth')

param sendGridFromEmail = readEnvironmentVariable('PMG_SENDGRID_FROM_EMAIL', 'pmg-no-responder@example.org')
param sendGridFromName = 'PMG Gestión Territorial'

// The key goes straight into Key Vault; leave PMG_SENDGRID_API_KEY unset to add the secret by hand later.
param sendGridApiKey = readEnvironmentVariable('PMG_SENDGRID_API_KEY', '')

param services = readEnvironmentVariable('PMG_SERVICES', 'SERNAM')
param expectedRegions = readEnvironmentVariable('PMG_EXPECTED_REGIONS', '')

param logAnalyticsDailyQuotaGb = 1
param softDeleteRetentionDays = 30

// One entry per regional upload group, e.g.
// { principalId: '<group object id>', principalType: 'Group', service: 'SERNAM', year: 2025, region: 'CL-AP' }
param regionUploaders = []

// Required: where alerts go. A distribution list, so no alert depends on one person being around.
param opsEmail = readEnvironmentVariable('PMG_OPS_EMAIL')

// The portal's Entra app registration (infra/scripts/register-portal-app.sh prints it). Until it is set the portal
// answers 401 to everyone; the pipeline works regardless.
param authClientId = readEnvironmentVariable('PMG_AUTH_CLIENT_ID', '')

// Set when the portal has its own domain; empty = https://<function app>.azurewebsites.net.
param portalPublicUrl = readEnvironmentVariable('PMG_PORTAL_PUBLIC_URL', '')

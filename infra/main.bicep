// Pmg Gestión Territorial: everything the Azure Functions app needs in one resource group.
// Deploy with `azd up`, or `az deployment group create -g <rg> --parameters infra/main.bicepparam`.
// No registry modules: the template compiles offline with the Bicep CLI alone.
targetScope = 'resourceGroup'

import { regionUploader } from 'modules/regionUploadRights.bicep'

@description('Environment name (azd environment); part of every resource name, e.g. prod or test.')
@minLength(1)
@maxLength(32)
param environmentName string

@description('Azure region for all resources.')
param location string = resourceGroup().location

@description('Storage replication. Standard_ZRS is recommended for production where the region has zones.')
@allowed([
  'Standard_LRS'
  'Standard_ZRS'
  'Standard_GRS'
  'Standard_GZRS'
])
param storageSkuName string = 'Standard_LRS'

@description('Days deleted blobs, overwritten blob versions and deleted containers stay restorable.')
@minValue(1)
@maxValue(365)
param softDeleteRetentionDays int = 30

@description('Log Analytics daily ingestion cap in GB (-1 = no cap). Keeps a logging loop from running up the bill.')
param logAnalyticsDailyQuotaGb int = 1

@description('Days logs and telemetry are kept.')
@minValue(30)
@maxValue(730)
param logRetentionInDays int = 30

@description('Maximum Flex Consumption instances.')
@minValue(1)
@maxValue(1000)
param maximumInstanceCount int = 40

@description('Memory per Flex Consumption instance in MB.')
@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int = 2048

@description('SendGrid API key, stored in Key Vault. Leave empty to set the secret yourself later.')
@secure()
param sendGridApiKey string = ''

@description('Pmg__Services: comma-separated services whose forms are accepted, e.g. SERNAM.')
param services string = 'SERNAM'

@description('Pmg__ExpectedRegions: comma-separated region ISO codes; empty = every region existing that year.')
param expectedRegions string = ''

@description('Pmg__ClosingMonthDay: MM-dd of the closing date in the year after the form year.')
param closingMonthDay string = '01-31'

@description('Pmg__RecalculationSchedule: NCRONTAB (six fields, UTC) of the national recalculation.')
param recalculationSchedule string = '0 0 * * * *'

@description('Pmg__ReminderInterval: TimeSpan between reminders for the same missing form.')
param reminderInterval string = '7.00:00:00'

@description('SendGrid__FromEmail: sender address of notification e-mails.')
param sendGridFromEmail string

@description('SendGrid__FromName: sender name of notification e-mails.')
param sendGridFromName string = 'PMG Gestión Territorial'

@description('Notifications__PickupDirectory: write e-mails as .eml files here instead of sending; empty = send.')
param notificationsPickupDirectory string = ''

@description('Groups allowed to upload forms, each for one service, year and region (see infra/README.md).')
param regionUploaders regionUploader[] = []

var resourceToken = toLower(uniqueString(subscription().id, resourceGroup().id, environmentName))
var tags = {
  'azd-env-name': environmentName
  application: 'pmg-gestion-territorial'
}
var deploymentContainerName = 'app-package'
var deadLetterContainerName = 'event-deadletter'
var sendGridSecretName = 'SendGrid-ApiKey'

// The app's settings, all in one place. Names match local.settings.sample.json; in Azure the two storage
// connections are identity-based and the SendGrid key is a Key Vault reference resolved with the app identity.
var appSettings = {
  AzureWebJobsStorage__accountName: storage.outputs.name
  AzureWebJobsStorage__credential: 'managedidentity'
  AzureWebJobsStorage__clientId: identity.properties.clientId
  PmgStorage__blobServiceUri: storage.outputs.blobEndpoint
  PmgStorage__queueServiceUri: storage.outputs.queueEndpoint
  PmgStorage__tableServiceUri: storage.outputs.tableEndpoint
  PmgStorage__credential: 'managedidentity'
  PmgStorage__clientId: identity.properties.clientId
  Pmg__Services: services
  Pmg__ExpectedRegions: expectedRegions
  Pmg__ClosingMonthDay: closingMonthDay
  Pmg__RecalculationSchedule: recalculationSchedule
  Pmg__ReminderInterval: reminderInterval
  // What the triggers' %Pmg:Triggers:…% expressions resolve to: the names storage.bicep creates (no prefix in Azure);
  // the worker refuses to start if they differ from the names it writes to.
  Pmg__Triggers__FormsContainer: 'forms'
  Pmg__Triggers__ReceiptsQueue: 'receipts'
  Pmg__Triggers__AlertsQueue: 'alerts'
  SendGrid__ApiKey: '@Microsoft.KeyVault(SecretUri=${keyVault.outputs.sendGridSecretUri})'
  SendGrid__FromEmail: sendGridFromEmail
  SendGrid__FromName: sendGridFromName
  Notifications__PickupDirectory: notificationsPickupDirectory
  APPLICATIONINSIGHTS_CONNECTION_STRING: monitoring.outputs.appInsightsConnectionString
  APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'ClientId=${identity.properties.clientId};Authorization=AAD'
}

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: 'id-pmg-${resourceToken}'
  location: location
  tags: tags
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  params: {
    name: 'stpmg${resourceToken}'
    location: location
    tags: tags
    skuName: storageSkuName
    softDeleteRetentionDays: softDeleteRetentionDays
    deploymentContainerName: deploymentContainerName
    deadLetterContainerName: deadLetterContainerName
  }
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  params: {
    logAnalyticsName: 'log-pmg-${resourceToken}'
    appInsightsName: 'appi-pmg-${resourceToken}'
    location: location
    tags: tags
    dailyQuotaGb: logAnalyticsDailyQuotaGb
    retentionInDays: logRetentionInDays
  }
}

module keyVault 'modules/keyVault.bicep' = {
  name: 'keyVault'
  params: {
    name: 'kv-pmg-${resourceToken}'
    location: location
    tags: tags
    sendGridSecretName: sendGridSecretName
    sendGridApiKey: sendGridApiKey
  }
}

module identityRoles 'modules/identityRoles.bicep' = {
  name: 'identityRoles'
  params: {
    principalId: identity.properties.principalId
    storageAccountName: storage.outputs.name
    appInsightsName: monitoring.outputs.appInsightsName
    keyVaultName: keyVault.outputs.name
  }
}

module functionApp 'modules/functionApp.bicep' = {
  name: 'functionApp'
  dependsOn: [
    // The host must be able to reach storage and Key Vault the first time it starts.
    identityRoles
  ]
  params: {
    planName: 'plan-pmg-${resourceToken}'
    appName: 'func-pmg-${resourceToken}'
    location: location
    tags: tags
    identityId: identity.id
    blobEndpoint: storage.outputs.blobEndpoint
    deploymentContainerName: deploymentContainerName
    maximumInstanceCount: maximumInstanceCount
    instanceMemoryMB: instanceMemoryMB
    appSettings: appSettings
  }
}

module eventGrid 'modules/eventGrid.bicep' = {
  name: 'eventGrid'
  params: {
    name: 'evgt-pmg-${resourceToken}'
    location: location
    tags: tags
    storageAccountName: storage.outputs.name
  }
}

module deadLetterAccess 'modules/deadLetterAccess.bicep' = {
  name: 'deadLetterAccess'
  params: {
    principalId: eventGrid.outputs.principalId
    storageAccountName: storage.outputs.name
    containerName: deadLetterContainerName
  }
}

module regionUploadRights 'modules/regionUploadRights.bicep' = {
  name: 'regionUploadRights'
  params: {
    storageAccountName: storage.outputs.name
    regionUploaders: regionUploaders
  }
}

@description('Resource group; azd and the post-deploy hook read it.')
output AZURE_RESOURCE_GROUP string = resourceGroup().name

@description('Function app name (deploy target, post-deploy hook).')
output AZURE_FUNCTION_APP_NAME string = functionApp.outputs.name

@description('Function app host name.')
output AZURE_FUNCTION_APP_HOST string = functionApp.outputs.defaultHostName

@description('Storage account name.')
output AZURE_STORAGE_ACCOUNT_NAME string = storage.outputs.name

@description('Key Vault name (set the SendGrid key here).')
output AZURE_KEY_VAULT_NAME string = keyVault.outputs.name

@description('Event Grid system topic the post-deploy hook subscribes the IngestForm function to.')
output EVENT_GRID_SYSTEM_TOPIC_NAME string = eventGrid.outputs.name

@description('Container receiving upload events Event Grid could not deliver.')
output EVENT_GRID_DEADLETTER_CONTAINER string = deadLetterContainerName

// Key Vault holding the SendGrid API key. Access is by Azure RBAC only; deleted secrets are recoverable and the vault
// cannot be purged before its retention ends.

@description('Key Vault name (3-24 characters).')
@minLength(3)
@maxLength(24)
param name string

@description('Azure region.')
param location string

@description('Tags applied to every resource.')
param tags object

@description('Name of the secret that holds the SendGrid API key.')
param sendGridSecretName string

@description('SendGrid API key. Empty leaves the secret alone (set it later with az keyvault secret set).')
@secure()
param sendGridApiKey string

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: subscription().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    enablePurgeProtection: true
    enabledForDeployment: false
    enabledForDiskEncryption: false
    enabledForTemplateDeployment: false
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      bypass: 'AzureServices'
      defaultAction: 'Allow'
    }
  }
}

resource sendGridSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!empty(sendGridApiKey)) {
  parent: vault
  name: sendGridSecretName
  properties: {
    value: sendGridApiKey
    contentType: 'SendGrid API key'
  }
}

@description('Key Vault resource id (scope of the Key Vault Secrets User assignment).')
output id string = vault.id

@description('Key Vault name.')
output name string = vault.name

@description('Versionless URI of the SendGrid secret, for a Key Vault reference that follows rotations.')
output sendGridSecretUri string = '${vault.properties.vaultUri}secrets/${sendGridSecretName}'

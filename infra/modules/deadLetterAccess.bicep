// Lets the Event Grid system topic's identity write undeliverable upload events to the dead-letter container, so an
// upload whose event could not reach IngestForm after every retry is still on record.

@description('Principal id of the system topic identity.')
param principalId string

@description('Storage account holding the dead-letter container.')
param storageAccountName string

@description('Dead-letter container name.')
param containerName string

var blobDataContributorRoleId = subscriptionResourceId(
  'Microsoft.Authorization/roleDefinitions',
  'ba92f5b4-2d11-453d-a403-e96b0029c9fe' // Storage Blob Data Contributor
)

resource storage 'Microsoft.Storage/storageAccounts@2024-01-01' existing = {
  name: storageAccountName

  resource blobService 'blobServices' existing = {
    name: 'default'

    resource container 'containers' existing = {
      name: containerName
    }
  }
}

resource deadLetterWriter 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storage::blobService::container.id, principalId, blobDataContributorRoleId)
  scope: storage::blobService::container
  properties: {
    principalId: principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: blobDataContributorRoleId
  }
}

// Event Grid system topic for the storage account. Flex Consumption only supports the Event Grid-based blob trigger,
// so the IngestForm function hears about new uploads through this topic. The subscription itself needs the
// blobs_extension system key, which exists only after the code is deployed: infra/scripts/subscribe-blob-events.sh
// creates it in azd's postdeploy hook.

@description('System topic name.')
param name string

@description('Azure region (a storage system topic lives in the storage account region).')
param location string

@description('Tags applied to every resource.')
param tags object

@description('Storage account the topic publishes events of.')
param storageAccountName string

resource storage 'Microsoft.Storage/storageAccounts@2024-01-01' existing = {
  name: storageAccountName
}

resource topic 'Microsoft.EventGrid/systemTopics@2022-06-15' = {
  name: name
  location: location
  tags: tags
  // Its own identity writes undeliverable events to the dead-letter container (no storage key needed).
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    source: storage.id
    topicType: 'Microsoft.Storage.StorageAccounts'
  }
}

@description('System topic name, for the post-deploy event subscription.')
output name string = topic.name

@description('Principal id of the topic identity, granted write access to the dead-letter container.')
output principalId string = topic.identity.principalId

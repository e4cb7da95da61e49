// Upload rights per region: one Storage Blob Data Contributor assignment per group, scoped to the `forms`
// container, with an ABAC condition that confines reads, writes and deletes to blobs under
// `{service}/{year}/{region}/` and listing to that prefix. A group for one region cannot touch another's forms.
//
// Blob path is a resource attribute for read, write, add and delete (the storage ABAC attribute reference lists no
// request attributes for Write to a blob), so the path test uses @Resource; listing tests the @Request prefix.

@description('Storage account holding the forms container.')
param storageAccountName string

@description('Groups (or users) allowed to upload forms for one service, year and region.')
param regionUploaders regionUploader[]

@description('Who may upload the forms of one service, year and region.')
@export()
type regionUploader = {
  @description('Entra ID object id of the group, user or service principal.')
  principalId: string

  @description('Kind of principal; a group per region is the usual choice.')
  principalType: ('Group' | 'User' | 'ServicePrincipal')

  @description('Service code as it appears in blob names, e.g. SERNAM.')
  service: string

  @description('Form year, e.g. 2025.')
  year: int

  @description('Region ISO code as it appears in blob names, e.g. CL-AP.')
  region: string
}

var blobDataContributorRoleId = subscriptionResourceId(
  'Microsoft.Authorization/roleDefinitions',
  'ba92f5b4-2d11-453d-a403-e96b0029c9fe'
)

@description('ABAC condition (version 2.0): read, write, create and delete only under prefix; list only within it.')
func uploadCondition(prefix string) string =>
  '((!(ActionMatches{\'Microsoft.Storage/storageAccounts/blobServices/containers/blobs/read\'} AND NOT SubOperationMatches{\'Blob.List\'}) AND !(ActionMatches{\'Microsoft.Storage/storageAccounts/blobServices/containers/blobs/write\'}) AND !(ActionMatches{\'Microsoft.Storage/storageAccounts/blobServices/containers/blobs/add/action\'}) AND !(ActionMatches{\'Microsoft.Storage/storageAccounts/blobServices/containers/blobs/delete\'})) OR @Resource[Microsoft.Storage/storageAccounts/blobServices/containers/blobs:path] StringStartsWith \'${prefix}\') AND ((!(ActionMatches{\'Microsoft.Storage/storageAccounts/blobServices/containers/blobs/read\'} AND SubOperationMatches{\'Blob.List\'})) OR @Request[Microsoft.Storage/storageAccounts/blobServices/containers/blobs:prefix] StringStartsWith \'${prefix}\')'

resource storage 'Microsoft.Storage/storageAccounts@2024-01-01' existing = {
  name: storageAccountName

  resource blobService 'blobServices' existing = {
    name: 'default'

    resource forms 'containers' existing = {
      name: 'forms'
    }
  }
}

resource uploadRights 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for uploader in regionUploaders: {
    // The prefix is part of the name: one principal may hold rights on several regions or years.
    name: guid(
      storage::blobService::forms.id,
      uploader.principalId,
      blobDataContributorRoleId,
      '${uploader.service}/${uploader.year}/${uploader.region}/'
    )
    scope: storage::blobService::forms
    properties: {
      principalId: uploader.principalId
      principalType: uploader.principalType
      roleDefinitionId: blobDataContributorRoleId
      description: 'Subir formularios PMG de ${uploader.service} ${uploader.year}, región ${uploader.region}.'
      conditionVersion: '2.0'
      condition: uploadCondition('${uploader.service}/${uploader.year}/${uploader.region}/')
    }
  }
]

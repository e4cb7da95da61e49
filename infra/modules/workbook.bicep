// A shared Application Insights workbook: refusals per region, the codes behind them and every upload's outcome per
// region, over a chosen time range. Its queries live in infra/queries/*.kql. pmg status stays the source of truth
// (telemetry is sampled and capped); the workbook shows where refusals cluster.

@description('Azure region.')
param location string

@description('Tags applied to every resource.')
param tags object

@description('Application Insights component the workbook reads.')
param appInsightsName string

@description('Display name shown in the portal (Application Insights > Workbooks).')
param displayName string

resource appInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: appInsightsName
}

var resourceType = 'microsoft.insights/components'

@description('One table item per query, all bound to the TimeRange parameter.')
func queryItem(name string, title string, query string, visualization string) object => {
  type: 3
  name: name
  content: {
    version: 'KqlItem/1.0'
    title: title
    query: query
    size: 0
    timeContextFromParameter: 'TimeRange'
    queryType: 0
    resourceType: 'microsoft.insights/components'
    visualization: visualization
  }
}

var content = {
  version: 'Notebook/1.0'
  items: [
    {
      type: 1
      name: 'introduction'
      content: {
        json: '## Refusals per region\nUploads the pipeline refused, per region, from the app\'s `IngestionRefused` log events. `pmg status` is the authoritative record of every upload; this view shows where refusals cluster and which rules cause them.'
      }
    }
    {
      type: 9
      name: 'parameters'
      content: {
        version: 'KqlParameterItem/1.0'
        style: 'pills'
        queryType: 0
        resourceType: resourceType
        parameters: [
          {
            id: 'b5d2a5e4-2f4b-4a53-9d0e-7f1f3a0c6e11'
            version: 'KqlParameterItem/1.0'
            name: 'TimeRange'
            label: 'Time range'
            type: 4
            isRequired: true
            value: {
              durationMs: 2592000000
            }
            typeSettings: {
              selectableValues: [
                { durationMs: 86400000 }
                { durationMs: 604800000 }
                { durationMs: 2592000000 }
              ]
            }
          }
        ]
      }
    }
    queryItem('refusals-per-region', 'Refusals per region', loadTextContent('../queries/refusals-per-region.kql'), 'barchart')
    queryItem('refusal-codes-per-region', 'Refusal codes per region', loadTextContent('../queries/refusal-codes-per-region.kql'), 'table')
    queryItem('uploads-per-region', 'Uploads per region: accepted, refused, failed', loadTextContent('../queries/uploads-per-region.kql'), 'table')
  ]
  fallbackResourceIds: [
    appInsights.id
  ]
}

resource workbook 'Microsoft.Insights/workbooks@2023-06-01' = {
  // A workbook's name must be a GUID; this one is stable per component, so redeploying updates it in place.
  name: guid(appInsights.id, 'pmg-refusals-per-region')
  location: location
  tags: tags
  kind: 'shared'
  properties: {
    displayName: displayName
    category: 'workbook'
    sourceId: appInsights.id
    serializedData: string(content)
  }
}

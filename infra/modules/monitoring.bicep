// Log Analytics + workspace-based Application Insights. Local (key) auth is off: the app sends telemetry with its
// managed identity, which holds Monitoring Metrics Publisher on the component.

@description('Log Analytics workspace name.')
param logAnalyticsName string

@description('Application Insights component name.')
param appInsightsName string

@description('Azure region.')
param location string

@description('Tags applied to every resource.')
param tags object

@description('Daily ingestion cap in GB; ingestion stops for the day once reached (-1 = no cap).')
param dailyQuotaGb int

@description('Days logs are kept (31 days are included in the price of ingestion for Application Insights data).')
@minValue(30)
@maxValue(730)
param retentionInDays int

resource workspace 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: logAnalyticsName
  location: location
  tags: tags
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: retentionInDays
    workspaceCapping: {
      dailyQuotaGb: dailyQuotaGb
    }
    features: {
      disableLocalAuth: true
    }
  }
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' = {
  name: appInsightsName
  location: location
  tags: tags
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: workspace.id
    DisableLocalAuth: true
    IngestionMode: 'LogAnalytics'
  }
}

@description('Application Insights resource id (scope of the Monitoring Metrics Publisher assignment).')
output appInsightsId string = appInsights.id

@description('Application Insights component name.')
output appInsightsName string = appInsights.name

@description('Log Analytics workspace name (its daily cap is watched by an alert).')
output logAnalyticsName string = workspace.name

@description('Connection string: endpoints and instrumentation key only; useless without Entra ID since local auth is off.')
output appInsightsConnectionString string = appInsights.properties.ConnectionString

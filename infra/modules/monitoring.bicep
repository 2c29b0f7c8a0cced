// Log Analytics and a workspace-based Application Insights: the Functions host and PsBill's logs land here.
@description('Azure region.')
param location string

@description('Tags.')
param tags object

@description('Log Analytics workspace name.')
param logAnalyticsName string

@description('Application Insights name.')
param appInsightsName string

@description('Days the workspace keeps data.')
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
  }
}

@description('Application Insights name (the app reads its connection string).')
output appInsightsName string = appInsights.name

@description('Application Insights resource id (the alert rules\' scope).')
output appInsightsId string = appInsights.id

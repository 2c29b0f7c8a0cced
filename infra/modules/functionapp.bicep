// The function app on a Flex Consumption plan (FC1, Linux): PsBill.FunctionApp, a .NET 10 isolated worker app with
// Durable Functions. On Flex the runtime is declared in functionAppConfig.runtime (dotnet-isolated 10.0), which is what
// FUNCTIONS_WORKER_RUNTIME and the stack version say on the other plans (Flex rejects those app settings). Storage (the
// Functions host's own state and the Durable task hub) is reached through the system-assigned identity.
@description('Azure region.')
param location string

@description('Tags.')
param tags object

@description('Flex Consumption plan name.')
param planName string

@description('Function app name.')
param functionAppName string

@description('Storage account for AzureWebJobsStorage and the Durable task hub (through identity).')
param storageAccountName string

@description('Blob container URL for the deployment package.')
param deploymentContainerUrl string

@description('Application Insights name.')
param appInsightsName string

@description('Most instances.')
param maximumInstanceCount int

@description('Instance memory in MB.')
param instanceMemoryMB int

@description('PsBill app settings, name to value (no secrets).')
param appSettings object

resource appInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: appInsightsName
}

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    tier: 'FlexConsumption'
    name: 'FC1'
  }
  properties: {
    reserved: true
  }
}

// AzureWebJobsStorage through the identity: the host, the timers' schedule monitor, the Durable task hub (host.json
// storageProvider.connectionName) and PsBill's own tables all use it.
var platformSettings = {
  AzureWebJobsStorage__accountName: storageAccountName
  APPLICATIONINSIGHTS_CONNECTION_STRING: appInsights.properties.ConnectionString
}

resource app 'Microsoft.Web/sites@2024-04-01' = {
  name: functionAppName
  location: location
  tags: tags
  kind: 'functionapp,linux'
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: deploymentContainerUrl
          authentication: {
            type: 'SystemAssignedIdentity'
          }
        }
      }
      scaleAndConcurrency: {
        maximumInstanceCount: maximumInstanceCount
        instanceMemoryMB: instanceMemoryMB
      }
      runtime: {
        name: 'dotnet-isolated'
        version: '10.0'
      }
    }
    siteConfig: {
      minTlsVersion: '1.2'
    }
  }
}

// A separate resource because the settings hold values known only during the deployment (vault and
// Application Insights addresses); it replaces the whole set, so settings added by hand are not kept.
resource settings 'Microsoft.Web/sites/config@2024-04-01' = {
  parent: app
  name: 'appsettings'
  properties: union(platformSettings, appSettings)
}

@description('Function app name.')
output functionAppName string = app.name

@description('Default host name.')
output defaultHostName string = app.properties.defaultHostName

@description('Object id of the app\'s system-assigned identity.')
output principalId string = app.identity.principalId

// PsBill in the customer's subscription: one resource group holding the function app (Flex Consumption, Linux, .NET 10
// isolated worker with Durable Functions), its storage (the Durable task hub and PsBill's tables, reached through the
// app's managed identity, no account keys), a Key Vault for the PeopleSoft and BILL credentials (RBAC, read by the
// app's identity), and Application Insights on Log Analytics.
// Deploy with infra/deploy.sh; secrets are not parameters here: set them afterwards with `psbill credentials set`.
targetScope = 'resourceGroup'

@description('Short name used in every resource name (lowercase letters and digits).')
@minLength(3)
@maxLength(11)
param baseName string = 'psbill'

@description('Azure region of every resource; defaults to the resource group\'s.')
param location string = resourceGroup().location

@description('Tags put on every resource.')
param tags object = {
  application: 'PsBill'
}

@description('PeopleSoft base URL, e.g. https://erp.example.com:8443 (PsBill__PeopleSoft__BaseUrl).')
param peopleSoftBaseUrl string

@description('PeopleSoft Integration Broker node (PsBill__PeopleSoft__Node): PSFT_EP for Financials, PSFT_HR for HCM.')
param peopleSoftNode string = 'PSFT_EP'

@description('BILL API base URL ending in /connect (PsBill__Bill__BaseUrl); production: https://gateway.prod.bill.com/connect.')
param billBaseUrl string = 'https://gateway.stage.bill.com/connect'

@description('BILL webhook management base URL ending in /connect-events (PsBill__Bill__EventsBaseUrl).')
param billEventsBaseUrl string = 'https://gateway.stage.bill.com/connect-events'

@description('Prefix of PsBill\'s tables, queues and containers (PsBill__Storage__Prefix).')
param storagePrefix string = 'psbill'

@description('Durable task hub name (PsBill__TaskHub, host.json hubName): letters and digits, starting with a letter. Its tables ({hub}Instances, {hub}History), queues and lease container live in the app\'s storage account; psbill run against the same account and hub sees the same orchestrations. Two apps on one account need two hubs.')
@minLength(3)
@maxLength(45)
param taskHubName string = 'PsBill'

@description('NCRONTAB schedules (with seconds) of the timer functions (PsBill__Schedules__*).')
param schedules object = {
  SyncReferenceData: '0 5 * * * *'
  PollSuppliers: '0 */15 * * * *'
  PollVouchers: '0 */15 * * * *'
  PollPayments: '0 */15 * * * *'
  CheckAlerts: '0 */5 * * * *'
}

@description('Seconds a secret read from Key Vault is reused, so a rotation is in use within this time (PsBill__Credentials__CacheSeconds).')
@minValue(0)
@maxValue(3600)
param secretCacheSeconds int = 300

@description('Most instances Flex Consumption may run.')
@minValue(1)
@maxValue(1000)
param maximumInstanceCount int = 40

@description('Memory of each instance, in MB.')
@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int = 2048

@description('Object id of the operator (user or group) who runs `psbill credentials set` against the vault: gets Key Vault Secrets Officer. Empty: nobody.')
param operatorPrincipalId string = ''

@description('Principal type of operatorPrincipalId.')
@allowed([
  'User'
  'Group'
  'ServicePrincipal'
])
param operatorPrincipalType string = 'User'

@description('Also give the operator the app\'s three storage data roles, for Durable Functions Monitor against the task hub and `psbill ops`/`psbill replay` against Azure storage (the account takes no keys). Needs operatorPrincipalId.')
param operatorStorageAccess bool = false

@description('Turn on Key Vault purge protection (cannot be turned off again). Recommended in production.')
param enablePurgeProtection bool = true

@description('Days Log Analytics keeps the logs.')
@minValue(30)
@maxValue(730)
param logRetentionDays int = 30

@description('Create the Azure Monitor alerts (modules/alerts.bicep): failed items, parked items growing, sync lag, and an availability test on GET /api/health. The app\'s own alerts (PsBill__Alerts__*) are set apart from these.')
param enableAlerts bool = true

@description('E-mail addresses the Azure Monitor alerts go to.')
param alertEmails array = []

@description('An incoming webhook (Teams or Slack workflow) the Azure Monitor alerts go to; empty for none. Treat it as a secret.')
@secure()
param alertWebhookUrl string = ''

@description('Minutes without a successful poll before the sync lag alert fires (the polls run every 15 minutes; keep it at or above PsBill__Alerts__MaxLag__*).')
@minValue(15)
param maxLagMinutes int = 60

@description('More app settings, name to value (e.g. PsBill__Bill__MaxLoginsPerHour). Never put a secret here: use Key Vault.')
param extraAppSettings object = {}

var suffix = uniqueString(subscription().id, resourceGroup().id, baseName)
var names = {
  storage: take(toLower('st${baseName}${suffix}'), 24)
  keyVault: take('kv-${baseName}-${suffix}', 24)
  logAnalytics: 'log-${baseName}-${suffix}'
  appInsights: 'appi-${baseName}-${suffix}'
  plan: 'plan-${baseName}-${suffix}'
  functionApp: 'func-${baseName}-${suffix}'
  deploymentContainer: 'app-package'
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'psbill-monitoring'
  params: {
    location: location
    tags: tags
    logAnalyticsName: names.logAnalytics
    appInsightsName: names.appInsights
    retentionInDays: logRetentionDays
  }
}

module storage 'modules/storage.bicep' = {
  name: 'psbill-storage'
  params: {
    location: location
    tags: tags
    storageAccountName: names.storage
    deploymentContainerName: names.deploymentContainer
  }
}

module keyVault 'modules/keyvault.bicep' = {
  name: 'psbill-keyvault'
  params: {
    location: location
    tags: tags
    keyVaultName: names.keyVault
    enablePurgeProtection: enablePurgeProtection
  }
}

module functionApp 'modules/functionapp.bicep' = {
  name: 'psbill-functionapp'
  params: {
    location: location
    tags: tags
    planName: names.plan
    functionAppName: names.functionApp
    storageAccountName: storage.outputs.storageAccountName
    deploymentContainerUrl: storage.outputs.deploymentContainerUrl
    appInsightsName: monitoring.outputs.appInsightsName
    maximumInstanceCount: maximumInstanceCount
    instanceMemoryMB: instanceMemoryMB
    appSettings: union(
      {
        PsBill__Credentials__Store: 'KeyVault'
        PsBill__Credentials__VaultUri: keyVault.outputs.vaultUri
        PsBill__Credentials__CacheSeconds: string(secretCacheSeconds)
        PsBill__PeopleSoft__BaseUrl: peopleSoftBaseUrl
        PsBill__PeopleSoft__Node: peopleSoftNode
        PsBill__Bill__BaseUrl: billBaseUrl
        PsBill__Bill__EventsBaseUrl: billEventsBaseUrl
        PsBill__Storage__Prefix: storagePrefix
        PsBill__TaskHub: taskHubName
        PsBill__Schedules__SyncReferenceData: schedules.SyncReferenceData
        PsBill__Schedules__PollSuppliers: schedules.PollSuppliers
        PsBill__Schedules__PollVouchers: schedules.PollVouchers
        PsBill__Schedules__PollPayments: schedules.PollPayments
        PsBill__Schedules__CheckAlerts: schedules.CheckAlerts
      },
      extraAppSettings
    )
  }
}

module alerts 'modules/alerts.bicep' = if (enableAlerts) {
  name: 'psbill-alerts'
  params: {
    location: location
    tags: tags
    appInsightsId: monitoring.outputs.appInsightsId
    appHostName: functionApp.outputs.defaultHostName
    alertEmails: alertEmails
    alertWebhookUrl: alertWebhookUrl
    maxLagMinutes: maxLagMinutes
    namePrefix: baseName
  }
}

module roles 'modules/roles.bicep' = {
  name: 'psbill-roles'
  params: {
    storageAccountName: storage.outputs.storageAccountName
    keyVaultName: keyVault.outputs.keyVaultName
    appPrincipalId: functionApp.outputs.principalId
    operatorPrincipalId: operatorPrincipalId
    operatorPrincipalType: operatorPrincipalType
    operatorStorageAccess: operatorStorageAccess
  }
}

@description('The function app, for `az functionapp deployment source config-zip`.')
output functionAppName string = functionApp.outputs.functionAppName

@description('The app\'s host name; HTTP functions are under https://<host>/api/.')
output functionAppHostName string = functionApp.outputs.defaultHostName

@description('The vault holding the credentials (PsBill__Credentials__VaultUri).')
output vaultUri string = keyVault.outputs.vaultUri

@description('The vault\'s name.')
output keyVaultName string = keyVault.outputs.keyVaultName

@description('The Durable task hub (for Durable Functions Monitor).')
output taskHubName string = taskHubName

@description('The storage account (the Durable task hub, PsBill\'s tables, the deployment package): point Durable Functions Monitor here.')
output storageAccountName string = storage.outputs.storageAccountName

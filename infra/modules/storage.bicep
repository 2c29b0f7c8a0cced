// The app's storage account: the Functions host's own state, the Durable task hub (tables, queues, lease blobs),
// PsBill's tables, and the deployment package container of Flex Consumption. Shared keys are off: everything goes through the app's identity.
@description('Azure region.')
param location string

@description('Tags.')
param tags object

@description('Storage account name (3-24 lowercase letters and digits).')
param storageAccountName string

@description('Blob container that holds the deployment package.')
param deploymentContainerName string

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: storageAccountName
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: {
    name: 'Standard_LRS'
  }
  properties: {
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    allowBlobPublicAccess: false
    allowSharedKeyAccess: false
    defaultToOAuthAuthentication: true
  }
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2023-05-01' = {
  parent: storage
  name: 'default'
}

resource deploymentContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = {
  parent: blobService
  name: deploymentContainerName
  properties: {
    publicAccess: 'None'
  }
}

@description('Storage account name.')
output storageAccountName string = storage.name

@description('URL of the deployment package container.')
output deploymentContainerUrl string = '${storage.properties.primaryEndpoints.blob}${deploymentContainer.name}'

// The vault for PsBill's credentials. Access by Azure RBAC only (no access policies): the app's identity gets
// Key Vault Secrets User in roles.bicep. The secrets themselves are set afterwards with `psbill credentials set`.
@description('Azure region.')
param location string

@description('Tags.')
param tags object

@description('Key Vault name (3-24 characters).')
param keyVaultName string

@description('Turn on purge protection (irreversible).')
param enablePurgeProtection bool

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: keyVaultName
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
    enablePurgeProtection: enablePurgeProtection ? true : null
    publicNetworkAccess: 'Enabled'
  }
}

@description('Key Vault name.')
output keyVaultName string = vault.name

@description('Key Vault address, e.g. https://kv-psbill-xxxx.vault.azure.net/.')
output vaultUri string = vault.properties.vaultUri

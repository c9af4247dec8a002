// The bot's one identity: Azure Bot authenticates to Teams with it (msaAppType UserAssignedMSI) and the web app
// reaches Cosmos DB with it (DefaultAzureCredential, AZURE_CLIENT_ID). No client secret exists anywhere.

@description('Azure region of the identity.')
param location string

@description('Name of the user-assigned managed identity.')
param name string

@description('Tags applied to every resource.')
param tags object

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: name
  location: location
  tags: tags
}

@description('Resource id, attached to the web app and named on the bot (msaAppMSIResourceId).')
output id string = identity.id

@description('Client id: the bot\'s Microsoft app id and AZURE_CLIENT_ID.')
output clientId string = identity.properties.clientId

@description('Object id of the service principal, for role assignments.')
output principalId string = identity.properties.principalId

@description('Tenant of the identity, the bot\'s msaAppTenantId.')
output tenantId string = identity.properties.tenantId

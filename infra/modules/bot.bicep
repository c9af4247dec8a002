// The Azure Bot registration: it authenticates as the user-assigned managed identity (no app password) and relays
// Teams messages to the web app.

@description('Name of the Azure Bot resource (globally unique).')
param name string

@description('Name Teams shows for the bot until the app package is installed.')
param displayName string

@description('The web app\'s messaging endpoint, https://<host>/api/messages.')
param endpoint string

@description('Client id of the managed identity: the bot\'s Microsoft app id.')
param msaAppId string

@description('Tenant of the managed identity.')
param tenantId string

@description('Resource id of the managed identity.')
param identityId string

@description('F0 is free and enough for Teams, a standard channel; S1 is only needed for premium channels.')
param sku ('F0' | 'S1')

@description('Tags applied to every resource.')
param tags object

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: name
  location: 'global'
  tags: tags
  kind: 'azurebot'
  sku: {
    name: sku
  }
  properties: {
    displayName: displayName
    endpoint: endpoint
    msaAppType: 'UserAssignedMSI'
    msaAppId: msaAppId
    msaAppTenantId: tenantId
    msaAppMSIResourceId: identityId
  }
}

resource teams 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: {
      isEnabled: true
    }
  }
}

@description('Name of the bot resource.')
output name string = bot.name

// Sales Coach on Azure: the bot's managed identity, Azure Bot with the Teams channel, a Linux web app on .NET 10,
// Cosmos DB for NoSQL (keyless) and Application Insights. Deploy into a resource group:
//   az deployment group create -g <group> -f infra/main.bicep -p infra/main.bicepparam
// The outputs feed the Teams app package (see appPackageCommand).

targetScope = 'resourceGroup'

@description('Azure region for every regional resource. Defaults to the resource group\'s.')
param location string = resourceGroup().location

@description('Start of every resource name: lowercase letters and digits.')
@minLength(3)
@maxLength(12)
param namePrefix string = 'salescoach'

@description('App Service plan size. B1 (default) is the cheapest with Always On, which the reminders need; P0v3 for production scale.')
@allowed(['B1', 'B2', 'B3', 'S1', 'P0v3', 'P1v3', 'P2v3'])
param appServicePlanSku string = 'B1'

@description('Web app instances. Several share the Cosmos store; reminders stay exactly-once.')
@minValue(1)
@maxValue(10)
param instanceCount int = 1

@description('Cosmos DB billing: Serverless (per request, default) or Autoscale (provisioned, up to cosmosAutoscaleMaxThroughput RU/s).')
param cosmosThroughputMode ('Serverless' | 'Autoscale') = 'Serverless'

@description('With Autoscale: the most RU/s the database scales to, shared by its containers (multiples of 1000).')
@minValue(1000)
@maxValue(1000000)
param cosmosAutoscaleMaxThroughput int = 1000

@description('Name of the Cosmos DB database.')
param cosmosDatabaseName string = 'salescoach'

@description('Bot name shown in Teams before the app package is installed.')
param botDisplayName string = 'Sales Coach'

@description('Azure Bot pricing tier. F0 (free) covers Teams, a standard channel.')
param botSku ('F0' | 'S1') = 'F0'

@description('Days Log Analytics keeps telemetry.')
@minValue(30)
@maxValue(730)
param logRetentionInDays int = 30

@description('Tags applied to every resource.')
param tags object = {
  application: 'sales-coach'
}

// Globally unique names need a suffix; this one is stable per resource group, so redeploying updates in place.
var suffix = uniqueString(resourceGroup().id)

// One definition of the container names: the containers are created from it and the bot is configured from it.
var containerNames = {
  deals: 'deals'
  users: 'users'
  schedule: 'schedule'
}

var identityName = '${namePrefix}-id-${suffix}'

module identity 'modules/identity.bicep' = {
  name: 'identity'
  params: {
    location: location
    name: identityName
    tags: tags
  }
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  params: {
    location: location
    workspaceName: '${namePrefix}-logs-${suffix}'
    appInsightsName: '${namePrefix}-ai-${suffix}'
    retentionInDays: logRetentionInDays
    tags: tags
  }
}

module cosmos 'modules/cosmos.bicep' = {
  name: 'cosmos'
  params: {
    location: location
    accountName: '${namePrefix}-cosmos-${suffix}'
    databaseName: cosmosDatabaseName
    containerNames: containerNames
    throughputMode: cosmosThroughputMode
    autoscaleMaxThroughput: cosmosAutoscaleMaxThroughput
    dataContributorPrincipalId: identity.outputs.principalId
    dataContributorIdentityId: resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', identityName)
    tags: tags
  }
}

module webApp 'modules/webapp.bicep' = {
  name: 'webapp'
  params: {
    location: location
    planName: '${namePrefix}-plan-${suffix}'
    siteName: '${namePrefix}-web-${suffix}'
    sku: appServicePlanSku
    instanceCount: instanceCount
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    tenantId: identity.outputs.tenantId
    cosmosEndpoint: cosmos.outputs.endpoint
    cosmosDatabaseName: cosmosDatabaseName
    containerNames: containerNames
    appInsightsConnectionString: monitoring.outputs.connectionString
    tags: tags
  }
}

module bot 'modules/bot.bicep' = {
  name: 'bot'
  params: {
    name: '${namePrefix}-bot-${suffix}'
    displayName: botDisplayName
    endpoint: 'https://${webApp.outputs.hostName}/api/messages'
    msaAppId: identity.outputs.clientId
    tenantId: identity.outputs.tenantId
    identityId: identity.outputs.id
    sku: botSku
    tags: tags
  }
}

@description('Name of the web app, for az webapp deploy.')
output webAppName string = webApp.outputs.name

@description('Host name of the web app: --host of the app package.')
output webAppHostName string = webApp.outputs.hostName

@description('The bot\'s Microsoft app id (the managed identity\'s client id): --app-id of the app package.')
output botAppId string = identity.outputs.clientId

@description('Tenant the bot authenticates in.')
output tenantId string = identity.outputs.tenantId

@description('Name of the Azure Bot resource.')
output botName string = bot.outputs.name

@description('Cosmos DB data endpoint.')
output cosmosEndpoint string = cosmos.outputs.endpoint

@description('Name of the Cosmos DB account.')
output cosmosAccountName string = cosmos.outputs.accountName

@description('The command that builds this deployment\'s Teams app package, run from the repository root.')
output appPackageCommand string = 'dotnet run --project src/SalesCoachBot.AppPackage -- --app-id ${identity.outputs.clientId} --host ${webApp.outputs.hostName} --out artifacts/salescoach-teams.zip'

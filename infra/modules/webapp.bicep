// The bot's host: a Linux App Service plan and web app running .NET 10, with the bot's identity attached and every
// setting the bot needs. No setting holds a secret: Teams auth and Cosmos DB both use the managed identity.

@description('Azure region of the plan and the web app.')
param location string

@description('Name of the App Service plan.')
param planName string

@description('Name of the web app (also the first label of its host name).')
param siteName string

@description('Plan size. B1 is the cheapest with Always On; P0v3 adds autoscale and deployment slots.')
param sku string

@description('Instances behind the plan. Reminders stay exactly-once with several: each is claimed in the store before it is sent.')
@minValue(1)
@maxValue(10)
param instanceCount int

@description('Resource id of the user-assigned identity the app runs as.')
param identityId string

@description('Client id of that identity: the bot\'s Microsoft app id, and the identity DefaultAzureCredential picks.')
param identityClientId string

@description('Tenant of the identity.')
param tenantId string

@description('Cosmos DB data endpoint.')
param cosmosEndpoint string

@description('Cosmos DB database name.')
param cosmosDatabaseName string

@description('Cosmos DB container names, the same values the containers were created with.')
param containerNames {
  deals: string
  users: string
  schedule: string
}

@description('Application Insights connection string (where to send telemetry; not a secret key).')
param appInsightsConnectionString string

@description('Tags applied to every resource.')
param tags object

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'linux'
  sku: {
    name: sku
    capacity: instanceCount
  }
  properties: {
    reserved: true // Linux
  }
}

resource site 'Microsoft.Web/sites@2024-04-01' = {
  name: siteName
  location: location
  tags: tags
  kind: 'app,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    // Any instance may answer any message: the store, not the instance, holds the state.
    clientAffinityEnabled: false
    siteConfig: {
      linuxFxVersion: 'DOTNETCORE|10.0'
      // The reminder sweep is a background service: an idle app that App Service unloads would send nothing.
      alwaysOn: true
      healthCheckPath: '/healthz'
      minTlsVersion: '1.2'
      scmMinTlsVersion: '1.2'
      ftpsState: 'Disabled'
      http20Enabled: true
    }
  }
}

// The settings are a child resource so they can name the site's own host (PublicBaseUrl) once the site exists.
resource appSettings 'Microsoft.Web/sites/config@2024-04-01' = {
  parent: site
  name: 'appsettings'
  properties: {
    ASPNETCORE_ENVIRONMENT: 'Production'
    // Bot Framework authentication with the managed identity: no app password exists.
    MicrosoftAppType: 'UserAssignedMSI'
    MicrosoftAppId: identityClientId
    MicrosoftAppTenantId: tenantId
    // DefaultAzureCredential picks this user-assigned identity for Cosmos DB.
    AZURE_CLIENT_ID: identityClientId
    SalesCoach__Storage__Provider: 'Cosmos'
    SalesCoach__Storage__Cosmos__Endpoint: cosmosEndpoint
    SalesCoach__Storage__Cosmos__Database: cosmosDatabaseName
    SalesCoach__Storage__Cosmos__DealsContainer: containerNames.deals
    SalesCoach__Storage__Cosmos__UsersContainer: containerNames.users
    SalesCoach__Storage__Cosmos__ScheduleContainer: containerNames.schedule
    // The data-plane role cannot create databases or containers; this deployment creates them.
    SalesCoach__Storage__Cosmos__CreateIfMissing: 'false'
    SalesCoach__Bot__PublicBaseUrl: 'https://${site.properties.defaultHostName}'
    // The bot's OpenTelemetry (Azure Monitor distro) exports there. App Service's own agent stays off
    // (ApplicationInsightsAgent_EXTENSION_VERSION unset): with both, every request would be reported twice.
    APPLICATIONINSIGHTS_CONNECTION_STRING: appInsightsConnectionString
  }
}

@description('Name of the web app, for az webapp deploy.')
output name string = site.name

@description('The web app\'s host name, e.g. salescoach-web-abc123.azurewebsites.net.')
output hostName string = site.properties.defaultHostName

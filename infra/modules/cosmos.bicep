// Cosmos DB for NoSQL: the account, the database and the bot's three containers, keyless (local auth disabled), with
// the bot's identity given the built-in data-plane Data Contributor role. The containers are created here because
// a data-plane role cannot create them (the bot runs with CreateIfMissing=false).

@description('Azure region of the account.')
param location string

@description('Name of the Cosmos DB account (lowercase letters, digits and hyphens, 3-44 characters).')
@minLength(3)
@maxLength(44)
param accountName string

@description('Name of the SQL database.')
param databaseName string

@description('Names of the containers, as the bot is configured to use them.')
param containerNames {
  deals: string
  users: string
  schedule: string
}

@description('Serverless bills per request and suits a bot\'s bursty, small traffic; Autoscale provisions throughput shared by the database, scaling between 10% of the maximum and the maximum.')
param throughputMode ('Serverless' | 'Autoscale')

@description('With Autoscale: the most RU/s the database scales up to (multiples of 1000).')
@minValue(1000)
@maxValue(1000000)
param autoscaleMaxThroughput int

@description('Object id of the identity given read/write access to the data.')
param dataContributorPrincipalId string

@description('Resource id of that identity, known before deployment, so the role assignment\'s name is stable and What-If can predict it.')
param dataContributorIdentityId string

@description('Tags applied to every resource.')
param tags object

// Built-in "Cosmos DB Built-in Data Contributor": read and write items, no control-plane rights.
var dataContributorRoleId = '00000000-0000-0000-0000-000000000002'

// Every container indexes only what the bot queries on; everything else is excluded, which keeps writes cheap.
var containers = [
  {
    name: containerNames.deals
    partitionKey: '/pk' // "<tenantId>|<ownerId>": one rep's deals live together
    includedPaths: [{ path: '/pk/?' }, { path: '/status/?' }]
    excludedPaths: [{ path: '/*' }, { path: '/"_etag"/?' }]
    compositeIndexes: []
  }
  {
    name: containerNames.users
    partitionKey: '/tenantId'
    includedPaths: [{ path: '/tenantId/?' }]
    excludedPaths: [{ path: '/*' }]
    compositeIndexes: []
  }
  {
    name: containerNames.schedule
    partitionKey: '/id'
    includedPaths: [{ path: '/kind/?' }, { path: '/dueAt/?' }]
    excludedPaths: [{ path: '/*' }]
    // The sweep filters on kind and orders by dueAt: a composite index serves both in one range read.
    compositeIndexes: [[{ path: '/kind', order: 'ascending' }, { path: '/dueAt', order: 'ascending' }]]
  }
]

resource account 'Microsoft.DocumentDB/databaseAccounts@2024-11-15' = {
  name: accountName
  location: location
  tags: tags
  kind: 'GlobalDocumentDB'
  properties: {
    databaseAccountOfferType: 'Standard'
    // Keyless: only Entra identities with a data-plane role get in, so there is no account key to leak.
    disableLocalAuth: true
    disableKeyBasedMetadataWriteAccess: true
    minimalTlsVersion: 'Tls12'
    consistencyPolicy: {
      // Session: a rep reads their own writes; the ETag checks do the rest.
      defaultConsistencyLevel: 'Session'
    }
    locations: [
      {
        locationName: location
        failoverPriority: 0
        isZoneRedundant: false
      }
    ]
    capabilities: throughputMode == 'Serverless' ? [{ name: 'EnableServerless' }] : []
  }
}

resource database 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases@2024-11-15' = {
  parent: account
  name: databaseName
  properties: {
    resource: {
      id: databaseName
    }
    // Serverless accounts take no throughput settings; provisioned ones share one autoscale budget across containers.
    options: throughputMode == 'Autoscale' ? { autoscaleSettings: { maxThroughput: autoscaleMaxThroughput } } : {}
  }
}

resource sqlContainers 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers@2024-11-15' = [
  for container in containers: {
    parent: database
    name: container.name
    properties: {
      resource: {
        id: container.name
        partitionKey: {
          paths: [container.partitionKey]
          kind: 'Hash'
          version: 2
        }
        indexingPolicy: {
          indexingMode: 'consistent'
          automatic: true
          includedPaths: container.includedPaths
          excludedPaths: container.excludedPaths
          compositeIndexes: container.compositeIndexes
        }
      }
    }
  }
]

resource dataContributor 'Microsoft.DocumentDB/databaseAccounts/sqlRoleAssignments@2024-11-15' = {
  parent: account
  name: guid(account.id, dataContributorIdentityId, dataContributorRoleId)
  properties: {
    roleDefinitionId: '${account.id}/sqlRoleDefinitions/${dataContributorRoleId}'
    principalId: dataContributorPrincipalId
    scope: account.id
  }
}

@description('The account\'s data endpoint, for SalesCoach__Storage__Cosmos__Endpoint.')
output endpoint string = account.properties.documentEndpoint

@description('Name of the account.')
output accountName string = account.name

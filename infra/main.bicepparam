// Defaults for one Sales Coach deployment. The region comes from the resource group (az group create -l ...).
using 'main.bicep'

param namePrefix = 'salescoach'

// B1: about USD 13 a month on Linux, the cheapest plan with Always On (the reminder sweep must keep running).
// Move to P0v3 for autoscale rules, deployment slots and more memory when the team grows.
param appServicePlanSku = 'B1'

param instanceCount = 1

// Serverless: pay per request; a sales team's chat and a one-minute sweep cost cents a month.
// Switch to 'Autoscale' with a maximum RU/s for steady heavy traffic or for multi-region.
param cosmosThroughputMode = 'Serverless'

param cosmosAutoscaleMaxThroughput = 1000

param cosmosDatabaseName = 'salescoach'

param botDisplayName = 'Sales Coach'

param botSku = 'F0'

param logRetentionInDays = 30

param tags = {
  application: 'sales-coach'
}

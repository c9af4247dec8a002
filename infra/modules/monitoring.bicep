// Workspace-based Application Insights: the web app's requests, dependencies and logs land in one Log Analytics
// workspace, where the retention (and so the cost) is set.

@description('Azure region of the workspace and Application Insights.')
param location string

@description('Name of the Log Analytics workspace.')
param workspaceName string

@description('Name of the Application Insights component.')
param appInsightsName string

@description('Days the workspace keeps data. 30 is included in the ingestion price.')
@minValue(30)
@maxValue(730)
param retentionInDays int

@description('Tags applied to every resource.')
param tags object

resource workspace 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: workspaceName
  location: location
  tags: tags
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: retentionInDays
  }
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' = {
  name: appInsightsName
  location: location
  tags: tags
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: workspace.id
    IngestionMode: 'LogAnalytics'
  }
}

@description('Connection string for APPLICATIONINSIGHTS_CONNECTION_STRING. It names where to send telemetry; it grants no read access, so it is not a secret.')
output connectionString string = appInsights.properties.ConnectionString

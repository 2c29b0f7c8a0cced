// Alert rules on PsBill's own telemetry (OpenTelemetry -> Application Insights): failed items, parked items growing,
// sync lag, and an availability test on GET /api/health (which answers 503 while a flow lags). main.bicep adds it unless
// enableAlerts is false. The app sends its own alerts too (PsBill__Alerts__*: the tie-out, BILL's quota, per cause).
@description('Azure region.')
param location string

@description('Tags.')
param tags object

@description('Resource id of the Application Insights component the app exports to.')
param appInsightsId string

@description('Public host name of the function app (e.g. psbill-prod.azurewebsites.net), for the /api/health availability test.')
param appHostName string

@description('E-mail addresses that receive the alerts.')
param alertEmails array = []

@description('An incoming webhook (Teams or Slack workflow) that receives the alerts; empty for none.')
@secure()
param alertWebhookUrl string = ''

@description('Minutes without a successful poll before the lag alert fires (the polls run every 15 minutes).')
@minValue(15)
param maxLagMinutes int = 60

@description('Name prefix of the alert resources.')
param namePrefix string = 'psbill'

resource actionGroup 'Microsoft.Insights/actionGroups@2023-01-01' = {
  name: '${namePrefix}-alerts'
  location: 'global'
  tags: tags
  properties: {
    groupShortName: 'psbill'
    enabled: true
    emailReceivers: [for (email, i) in alertEmails: {
      name: 'email-${i}'
      emailAddress: email
      useCommonAlertSchema: true
    }]
    webhookReceivers: empty(alertWebhookUrl) ? [] : [
      {
        name: 'webhook'
        serviceUri: alertWebhookUrl
        useCommonAlertSchema: true
      }
    ]
  }
}

// psbill.records.failed is a counter of records whose work item failed outside parking.
resource failedItems 'Microsoft.Insights/scheduledQueryRules@2023-03-15-preview' = {
  name: '${namePrefix}-failed-items'
  location: location
  tags: tags
  properties: {
    displayName: 'PsBill: an item failed'
    description: 'A voucher, supplier or payment failed after every retry; see the failed items on the ops page and replay them.'
    severity: 1
    enabled: true
    scopes: [appInsightsId]
    evaluationFrequency: 'PT5M'
    windowSize: 'PT15M'
    criteria: {
      allOf: [
        {
          query: 'customMetrics | where name == "psbill.records.failed" | summarize failed = sum(valueSum)'
          timeAggregation: 'Total'
          metricMeasureColumn: 'failed'
          operator: 'GreaterThan'
          threshold: 0
          failingPeriods: {
            numberOfEvaluationPeriods: 1
            minFailingPeriodsToAlert: 1
          }
        }
      ]
    }
    actions: {
      actionGroups: [actionGroup.id]
    }
  }
}

// Parked items are expected now and then; many in an hour means a mapping or a vendor broke.
resource parkedItems 'Microsoft.Insights/scheduledQueryRules@2023-03-15-preview' = {
  name: '${namePrefix}-parked-items'
  location: location
  tags: tags
  properties: {
    displayName: 'PsBill: parked items are growing'
    description: 'More than 20 records were parked in an hour; each has its reason on the ops page.'
    severity: 3
    enabled: true
    scopes: [appInsightsId]
    evaluationFrequency: 'PT15M'
    windowSize: 'PT1H'
    criteria: {
      allOf: [
        {
          query: 'customMetrics | where name == "psbill.records.parked" | summarize parked = sum(valueSum)'
          timeAggregation: 'Total'
          metricMeasureColumn: 'parked'
          operator: 'GreaterThan'
          threshold: 20
          failingPeriods: {
            numberOfEvaluationPeriods: 1
            minFailingPeriodsToAlert: 1
          }
        }
      ]
    }
    actions: {
      actionGroups: [actionGroup.id]
    }
  }
}

// Every poll is a psbill.poll span (kind = supplier, voucher); none succeeding for maxLagMinutes means the sync is behind.
resource syncLag 'Microsoft.Insights/scheduledQueryRules@2023-03-15-preview' = {
  name: '${namePrefix}-sync-lag'
  location: location
  tags: tags
  properties: {
    displayName: 'PsBill: sync is behind'
    description: 'No successful poll of PeopleSoft within the lag limit.'
    severity: 2
    enabled: true
    scopes: [appInsightsId]
    evaluationFrequency: 'PT15M'
    windowSize: 'PT${maxLagMinutes}M'
    criteria: {
      allOf: [
        {
          query: 'dependencies | where name == "psbill.poll" and success == true | summarize polls = count()'
          timeAggregation: 'Total'
          metricMeasureColumn: 'polls'
          operator: 'LessThan'
          threshold: 1
          failingPeriods: {
            numberOfEvaluationPeriods: 1
            minFailingPeriodsToAlert: 1
          }
        }
      ]
    }
    actions: {
      actionGroups: [actionGroup.id]
    }
  }
}

// GET /api/health answers 200 while every flow is within its lag, 503 otherwise.
resource healthTest 'Microsoft.Insights/webtests@2022-06-15' = {
  name: '${namePrefix}-health'
  location: location
  tags: union(tags, {
    'hidden-link:${appInsightsId}': 'Resource'
  })
  kind: 'standard'
  properties: {
    SyntheticMonitorId: '${namePrefix}-health'
    Name: 'PsBill health'
    Enabled: true
    Frequency: 300
    Timeout: 30
    Kind: 'standard'
    RetryEnabled: true
    Locations: [
      { Id: 'emea-nl-ams-azr' }
      { Id: 'us-va-ash-azr' }
      { Id: 'apac-sg-sin-azr' }
    ]
    Request: {
      RequestUrl: 'https://${appHostName}/api/health'
      HttpVerb: 'GET'
    }
    ValidationRules: {
      ExpectedHttpStatusCode: 200
      SSLCheck: true
    }
  }
}

resource healthAlert 'Microsoft.Insights/metricAlerts@2018-03-01' = {
  name: '${namePrefix}-health-failing'
  location: 'global'
  tags: tags
  properties: {
    description: 'GET /api/health fails from two or more locations: a flow is behind or the app is down.'
    severity: 1
    enabled: true
    scopes: [healthTest.id, appInsightsId]
    evaluationFrequency: 'PT5M'
    windowSize: 'PT15M'
    criteria: {
      'odata.type': 'Microsoft.Azure.Monitor.WebtestLocationAvailabilityCriteria'
      webTestId: healthTest.id
      componentId: appInsightsId
      failedLocationCount: 2
    }
    actions: [
      {
        actionGroupId: actionGroup.id
      }
    ]
  }
}

@description('The action group the rules notify.')
output actionGroupId string = actionGroup.id

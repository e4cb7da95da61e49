// What ops hear about: one action group that e-mails them, and an alert rule for every way work can stop or be lost.
// The log alerts' queries live in infra/queries/*.kql (paste them into Logs to investigate); docs/operations.md says
// what each alert means and what to do, and lists the telemetry the queries rely on.

@description('Prefix of every alert rule name, e.g. pmg-prod; the name is what the alert e-mail shows.')
param namePrefix string

@description('Azure region of the log alert rules (that of the Application Insights component they query).')
param location string

@description('Tags applied to every resource.')
param tags object

@description('Action group name.')
param actionGroupName string

@description('Address the alerts are e-mailed to; a distribution list, so no alert depends on one person.')
param opsEmail string

@description('Application Insights component the app sends its logs and requests to.')
param appInsightsName string

@description('Log Analytics workspace behind Application Insights (its daily cap is watched).')
param logAnalyticsName string

@description('Event Grid system topic that delivers upload events to IngestForm.')
param systemTopicName string

@description('Longest gap in minutes between two runs of the recalculation schedule (Pmg__RecalculationSchedule).')
@minValue(5)
@maxValue(1440)
param recalculationPeriodMinutes int

resource appInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: appInsightsName
}

resource workspace 'Microsoft.OperationalInsights/workspaces@2023-09-01' existing = {
  name: logAnalyticsName
}

resource systemTopic 'Microsoft.EventGrid/systemTopics@2022-06-15' existing = {
  name: systemTopicName
}

resource opsActionGroup 'Microsoft.Insights/actionGroups@2023-01-01' = {
  name: actionGroupName
  location: 'global'
  tags: tags
  properties: {
    groupShortName: 'pmg-ops'
    enabled: true
    emailReceivers: [
      {
        name: 'ops'
        emailAddress: opsEmail
        useCommonAlertSchema: true
      }
    ]
  }
}

// Each query's first `let period = 60m;` is the hourly default; the deployment puts the real period in its place.
var periodLine = 'let period = 60m;'
var deployedPeriodLine = 'let period = ${recalculationPeriodMinutes}m;'

@description('Log alerts over Application Insights (or, for the daily cap, the workspace); each fires on its query\'s measure.')
var logAlerts = [
  {
    name: 'poison-messages'
    displayName: 'Pmg: a form or an e-mail failed on every attempt'
    description: 'A form blob or a notification message went to a poison queue and was recorded as failed. See docs/operations.md#poison-messages.'
    severity: 1
    scope: appInsights.id
    query: loadTextContent('../queries/poison-messages.kql')
    measure: 'Occurrences'
    aggregation: 'Total'
    operator: 'GreaterThan'
    threshold: 0
    dimension: 'EventName'
    windowSize: 'PT15M'
  }
  {
    name: 'poison-queue-not-empty'
    displayName: 'Pmg: a poison queue is not empty'
    description: 'The recalculation timer measured messages waiting in a poison queue. See docs/operations.md#poison-queue-not-empty.'
    severity: 1
    scope: appInsights.id
    query: replace(loadTextContent('../queries/poison-queue-length.kql'), periodLine, deployedPeriodLine)
    measure: 'Length'
    aggregation: 'Maximum'
    operator: 'GreaterThan'
    threshold: 0
    dimension: 'Queue'
    windowSize: 'P2D'
  }
  {
    name: 'failed-notifications'
    displayName: 'Pmg: e-mails recorded as failed'
    description: 'A receipt or an alert digest could not be sent and was recorded as failed. See docs/operations.md#failed-notifications.'
    severity: 2
    scope: appInsights.id
    query: loadTextContent('../queries/failed-notifications.kql')
    measure: 'Occurrences'
    aggregation: 'Total'
    operator: 'GreaterThan'
    threshold: 0
    dimension: 'EventName'
    windowSize: 'PT15M'
  }
  {
    name: 'function-failures'
    displayName: 'Pmg: function invocations failed'
    description: 'A function ended in an exception or a server error (it is retried). See docs/operations.md#function-failures.'
    severity: 2
    scope: appInsights.id
    query: loadTextContent('../queries/function-failures.kql')
    measure: 'Failures'
    aggregation: 'Total'
    operator: 'GreaterThan'
    threshold: 0
    dimension: 'FunctionName'
    windowSize: 'PT15M'
  }
  {
    name: 'recalculation-missed'
    displayName: 'Pmg: the recalculation has not run for two schedule periods'
    description: 'No successful RecalculateCompliance run in two periods of Pmg__RecalculationSchedule. See docs/operations.md#recalculation-missed.'
    severity: 1
    scope: appInsights.id
    query: replace(loadTextContent('../queries/recalculation-missed.kql'), periodLine, deployedPeriodLine)
    measure: 'SuccessfulRuns'
    aggregation: 'Total'
    operator: 'LessThan'
    threshold: 1
    dimension: ''
    // The query keeps only the last two periods; the window is the longest a log alert allows (a daily schedule).
    windowSize: 'P2D'
  }
  {
    name: 'daily-cap-reached'
    displayName: 'Pmg: Log Analytics daily cap reached (alerts are blind)'
    description: 'Telemetry ingestion stopped for the day, so the other alerts cannot see failures. See docs/operations.md#daily-cap-reached.'
    severity: 1
    scope: workspace.id
    query: loadTextContent('../queries/daily-cap-reached.kql')
    measure: 'Occurrences'
    aggregation: 'Total'
    operator: 'GreaterThan'
    threshold: 0
    dimension: ''
    windowSize: 'PT15M'
  }
]

resource logAlertRules 'Microsoft.Insights/scheduledQueryRules@2023-12-01' = [
  for alert in logAlerts: {
    name: '${namePrefix}-${alert.name}'
    location: location
    tags: tags
    kind: 'LogAlert'
    properties: {
      displayName: alert.displayName
      description: alert.description
      severity: alert.severity
      enabled: true
      scopes: [
        alert.scope
      ]
      evaluationFrequency: 'PT15M'
      windowSize: alert.windowSize
      autoMitigate: true
      criteria: {
        allOf: [
          {
            query: alert.query
            metricMeasureColumn: alert.measure
            timeAggregation: alert.aggregation
            operator: alert.operator
            threshold: alert.threshold
            dimensions: empty(alert.dimension)
              ? []
              : [
                  {
                    name: alert.dimension
                    operator: 'Include'
                    values: [
                      '*'
                    ]
                  }
                ]
            failingPeriods: {
              numberOfEvaluationPeriods: 1
              minFailingPeriodsToAlert: 1
            }
          }
        ]
      }
      actions: {
        actionGroups: [
          opsActionGroup.id
        ]
      }
    }
  }
]

@description('Metric alerts on the Event Grid system topic: uploads whose event did not reach IngestForm.')
var eventGridAlerts = [
  {
    name: 'eventgrid-deadlettered'
    description: 'Upload events were dead-lettered to event-deadletter after every delivery attempt failed: those forms were never ingested. See docs/operations.md#eventgrid-deadlettered.'
    severity: 1
    metric: 'DeadLetteredCount'
  }
  {
    name: 'eventgrid-dropped'
    description: 'Upload events were dropped without being dead-lettered (dead-letter destination missing or unwritable): those forms were never ingested. See docs/operations.md#eventgrid-dropped.'
    severity: 0
    metric: 'DroppedEventCount'
  }
  {
    name: 'eventgrid-delivery-failed'
    description: 'Event Grid could not deliver upload events to IngestForm and is retrying. See docs/operations.md#eventgrid-delivery-failed.'
    severity: 2
    metric: 'DeliveryAttemptFailCount'
  }
]

resource eventGridAlertRules 'Microsoft.Insights/metricAlerts@2018-03-01' = [
  for alert in eventGridAlerts: {
    name: '${namePrefix}-${alert.name}'
    location: 'global'
    tags: tags
    properties: {
      description: alert.description
      severity: alert.severity
      enabled: true
      scopes: [
        systemTopic.id
      ]
      evaluationFrequency: 'PT5M'
      windowSize: 'PT15M'
      autoMitigate: true
      criteria: {
        'odata.type': 'Microsoft.Azure.Monitor.SingleResourceMultipleMetricCriteria'
        allOf: [
          {
            criterionType: 'StaticThresholdCriterion'
            name: alert.metric
            metricNamespace: 'Microsoft.EventGrid/systemTopics'
            metricName: alert.metric
            timeAggregation: 'Total'
            operator: 'GreaterThan'
            threshold: 0
          }
        ]
      }
      actions: [
        {
          actionGroupId: opsActionGroup.id
        }
      ]
    }
  }
]

@description('Action group every alert notifies.')
output actionGroupId string = opsActionGroup.id

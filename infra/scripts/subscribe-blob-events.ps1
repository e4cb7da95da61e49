# Windows twin of subscribe-blob-events.sh (azd runs it as the postdeploy hook on Windows).
# Subscribes the IngestForm function to BlobCreated events of the `forms` container.
$ErrorActionPreference = 'Stop'

foreach ($name in 'AZURE_RESOURCE_GROUP', 'AZURE_FUNCTION_APP_NAME', 'EVENT_GRID_SYSTEM_TOPIC_NAME', 'AZURE_STORAGE_ACCOUNT_NAME') {
    if (-not [Environment]::GetEnvironmentVariable($name)) { throw "set $name" }
}
$group = $env:AZURE_RESOURCE_GROUP
$app = $env:AZURE_FUNCTION_APP_NAME
$deadLetterContainer = if ($env:EVENT_GRID_DEADLETTER_CONTAINER) { $env:EVENT_GRID_DEADLETTER_CONTAINER } else { 'event-deadletter' }
$functionName = if ($env:PMG_INGEST_FUNCTION_NAME) { $env:PMG_INGEST_FUNCTION_NAME } else { 'IngestForm' }

# The host creates the key on its first start after deployment; give it a minute.
$key = ''
for ($attempt = 1; -not $key -and $attempt -le 12; $attempt++) {
    $key = az functionapp keys list --resource-group $group --name $app --query 'systemKeys.blobs_extension' --output tsv 2>$null
    if (-not $key) { Start-Sleep -Seconds 10 }
}
if (-not $key) { throw "The blobs_extension system key of $app did not appear; is IngestForm deployed?" }

$hostName = az functionapp show --resource-group $group --name $app --query defaultHostName --output tsv
$endpoint = "https://$hostName/runtime/webhooks/blobs?functionName=Host.Functions.$functionName&code=$key"
$storageId = az storage account show --resource-group $group --name $env:AZURE_STORAGE_ACCOUNT_NAME --query id --output tsv

az eventgrid system-topic event-subscription create `
    --name ingest-forms `
    --resource-group $group `
    --system-topic-name $env:EVENT_GRID_SYSTEM_TOPIC_NAME `
    --endpoint-type webhook `
    --endpoint $endpoint `
    --event-delivery-schema eventgridschema `
    --included-event-types Microsoft.Storage.BlobCreated `
    --subject-begins-with /blobServices/default/containers/forms/ `
    --max-delivery-attempts 30 `
    --event-ttl 1440 `
    --deadletter-identity systemassigned `
    --deadletter-identity-endpoint "$storageId/blobServices/default/containers/$deadLetterContainer" `
    --output none
if ($LASTEXITCODE -ne 0) { throw 'az eventgrid system-topic event-subscription create failed.' }

Write-Host 'IngestForm now receives BlobCreated events from the forms container.'

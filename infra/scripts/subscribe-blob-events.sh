#!/usr/bin/env sh
# Subscribes the IngestForm function to BlobCreated events of the `forms` container.
# Runs as azd's postdeploy hook (azd exports the Bicep outputs as environment variables) or by hand after a zip
# deploy:  AZURE_RESOURCE_GROUP=... AZURE_FUNCTION_APP_NAME=... EVENT_GRID_SYSTEM_TOPIC_NAME=... \
#          AZURE_STORAGE_ACCOUNT_NAME=... infra/scripts/subscribe-blob-events.sh
# It cannot live in Bicep: the blobs_extension system key it needs exists only once the code is deployed.
set -eu

: "${AZURE_RESOURCE_GROUP:?set AZURE_RESOURCE_GROUP}"
: "${AZURE_FUNCTION_APP_NAME:?set AZURE_FUNCTION_APP_NAME}"
: "${EVENT_GRID_SYSTEM_TOPIC_NAME:?set EVENT_GRID_SYSTEM_TOPIC_NAME}"
: "${AZURE_STORAGE_ACCOUNT_NAME:?set AZURE_STORAGE_ACCOUNT_NAME}"
dead_letter_container="${EVENT_GRID_DEADLETTER_CONTAINER:-event-deadletter}"
function_name="${PMG_INGEST_FUNCTION_NAME:-IngestForm}"

# The host creates the key on its first start after deployment; give it a minute.
key=""
attempt=0
while [ -z "$key" ] && [ "$attempt" -lt 12 ]; do
  attempt=$((attempt + 1))
  key=$(az functionapp keys list \
    --resource-group "$AZURE_RESOURCE_GROUP" \
    --name "$AZURE_FUNCTION_APP_NAME" \
    --query "systemKeys.blobs_extension" --output tsv 2>/dev/null || true)
  [ -n "$key" ] || sleep 10
done
if [ -z "$key" ]; then
  echo "The blobs_extension system key of $AZURE_FUNCTION_APP_NAME did not appear; is IngestForm deployed?" >&2
  exit 1
fi

host=$(az functionapp show --resource-group "$AZURE_RESOURCE_GROUP" --name "$AZURE_FUNCTION_APP_NAME" \
  --query defaultHostName --output tsv)
endpoint="https://${host}/runtime/webhooks/blobs?functionName=Host.Functions.${function_name}&code=${key}"
storage_id=$(az storage account show --resource-group "$AZURE_RESOURCE_GROUP" --name "$AZURE_STORAGE_ACCOUNT_NAME" \
  --query id --output tsv)

# create is idempotent for an unchanged subscription and updates the endpoint when the key was rotated.
az eventgrid system-topic event-subscription create \
  --name ingest-forms \
  --resource-group "$AZURE_RESOURCE_GROUP" \
  --system-topic-name "$EVENT_GRID_SYSTEM_TOPIC_NAME" \
  --endpoint-type webhook \
  --endpoint "$endpoint" \
  --event-delivery-schema eventgridschema \
  --included-event-types Microsoft.Storage.BlobCreated \
  --subject-begins-with /blobServices/default/containers/forms/ \
  --max-delivery-attempts 30 \
  --event-ttl 1440 \
  --deadletter-identity systemassigned \
  --deadletter-identity-endpoint "${storage_id}/blobServices/default/containers/${dead_letter_container}" \
  --output none

echo "IngestForm now receives BlobCreated events from the forms container."

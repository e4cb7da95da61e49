#!/usr/bin/env sh
# Lets a user or a group sign in to the portal with one app role:
#   infra/scripts/assign-portal-role.sh <principal object id> Pmg.Uploader|Pmg.Coordinator
# (PMG_AUTH_CLIENT_ID: the portal's app registration). Idempotent. An uploader then sees nothing until ops grant it
# its region(s): pmg access grant --principal <object id> --region CL-XX (docs/operations.md).
set -eu

principal_id="${1:?usage: assign-portal-role.sh <principal object id> Pmg.Uploader|Pmg.Coordinator}"
role_value="${2:?usage: assign-portal-role.sh <principal object id> Pmg.Uploader|Pmg.Coordinator}"
: "${PMG_AUTH_CLIENT_ID:?set PMG_AUTH_CLIENT_ID}"

sp_id=$(az ad sp show --id "$PMG_AUTH_CLIENT_ID" --query id --output tsv)
role_id=$(az ad sp show --id "$PMG_AUTH_CLIENT_ID" --query "appRoles[?value=='$role_value'].id | [0]" --output tsv)
if [ -z "$role_id" ]; then
  echo "The portal has no app role '$role_value' (Pmg.Uploader or Pmg.Coordinator)." >&2
  exit 1
fi

graph=$(az cloud show --query endpoints.microsoftGraphResourceId --output tsv)
graph="${graph%/}"
assigned=$(az rest --method GET \
  --uri "$graph/v1.0/servicePrincipals/$sp_id/appRoleAssignedTo" \
  --query "value[?principalId=='$principal_id' && appRoleId=='$role_id'] | length(@)" --output tsv)
if [ "$assigned" != "0" ]; then
  echo "$principal_id already has $role_value."
  exit 0
fi

az rest --method POST \
  --uri "$graph/v1.0/servicePrincipals/$sp_id/appRoleAssignedTo" \
  --headers "Content-Type=application/json" \
  --body "{\"principalId\": \"$principal_id\", \"resourceId\": \"$sp_id\", \"appRoleId\": \"$role_id\"}" \
  --output none
echo "$principal_id now has $role_value."

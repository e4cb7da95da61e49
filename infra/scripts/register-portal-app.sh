#!/usr/bin/env sh
# Creates or updates the Microsoft Entra app registration the portal signs users in with (App Service Authentication
# on the function app), with the app roles of portal-app-roles.json (Pmg.Coordinator, Pmg.Uploader). Idempotent:
#  1. before the first deployment: run it, then `azd env set PMG_AUTH_CLIENT_ID <printed client id>`;
#  2. after `azd up`: run it again with PMG_PORTAL_PUBLIC_URL set (azd env get-values prints it) so the portal's
#     sign-in callback is registered; rerun whenever the portal gets another address (custom domain).
# Bicep cannot create app registrations without the Microsoft Graph extension, hence this script.
#
#   PMG_AUTH_CLIENT_ID     client id of the registration to update; when unset, found by display name or created
#   PMG_PORTAL_APP_NAME    display name (default "Pmg portal (<AZURE_ENV_NAME>)")
#   PMG_PORTAL_PUBLIC_URL  portal address(es), space-separated, e.g. https://func-pmg-abc.azurewebsites.net
#
# Needs `az login` as a user allowed to create app registrations (or an owner of this one). Granting the roles and the
# regions is separate: infra/scripts/assign-portal-role.sh and `pmg access grant` (docs/operations.md).
#
#   --azd-env              also save the client id in the azd environment (azd env set PMG_AUTH_CLIENT_ID): how the
#                          preprovision and postprovision hooks of azure.yaml run it
set -eu

save_to_azd=false
if [ "${1:-}" = "--azd-env" ]; then
  save_to_azd=true
fi

roles_file="$(cd "$(dirname "$0")" && pwd)/portal-app-roles.json"
display_name="${PMG_PORTAL_APP_NAME:-Pmg portal (${AZURE_ENV_NAME:-pmg})}"
client_id="${PMG_AUTH_CLIENT_ID:-}"

if [ -n "$client_id" ]; then
  az ad app show --id "$client_id" --query appId --output tsv >/dev/null
else
  found=$(az ad app list --display-name "$display_name" --query "[].appId" --output tsv)
  count=$(printf '%s' "$found" | grep -c . || true)
  if [ "$count" -gt 1 ]; then
    echo "Several app registrations are called '$display_name'; set PMG_AUTH_CLIENT_ID to the one to use." >&2
    exit 1
  fi
  client_id="$found"
  if [ -z "$client_id" ]; then
    client_id=$(az ad app create --display-name "$display_name" --sign-in-audience AzureADMyOrg \
      --query appId --output tsv)
    echo "Created the app registration '$display_name'."
  fi
fi

# Users of this tenant only; an ID token at sign-in (App Service Authentication uses the ID token flow, so there is
# no client secret to store or rotate); the app roles with fixed ids, so rerunning changes nothing; the groups claim
# limited to groups assigned to the app, so a user in hundreds of groups still gets a complete, small token.
az ad app update --id "$client_id" \
  --sign-in-audience AzureADMyOrg \
  --enable-id-token-issuance true \
  --identifier-uris "api://$client_id" \
  --app-roles "@$roles_file" \
  --set groupMembershipClaims=ApplicationGroup

if [ -n "${PMG_PORTAL_PUBLIC_URL:-}" ]; then
  uris=$(az ad app show --id "$client_id" --query "web.redirectUris" --output tsv)
  for url in $PMG_PORTAL_PUBLIC_URL; do
    callback="${url%/}/.auth/login/aad/callback"
    case "$callback" in
      https://*) ;;
      *) echo "$url is not an https address." >&2; exit 1 ;;
    esac
    if ! printf '%s\n' "$uris" | grep -Fqx "$callback"; then
      uris=$(printf '%s\n%s' "$uris" "$callback")
    fi
  done
  # One argument per redirect URI (URIs contain no spaces).
  # shellcheck disable=SC2046
  set -- $(printf '%s\n' "$uris" | grep .)
  az ad app update --id "$client_id" --web-redirect-uris "$@"
  echo "Sign-in callbacks: $*"
fi

# The enterprise application: only users and groups assigned one of the roles may sign in at all.
if ! az ad sp show --id "$client_id" --query id --output tsv >/dev/null 2>&1; then
  az ad sp create --id "$client_id" --output none
fi
az ad sp update --id "$client_id" --set appRoleAssignmentRequired=true

echo "Portal app registration: client id $client_id (tenant $(az account show --query tenantId --output tsv))."
echo "Deploy with it: azd env set PMG_AUTH_CLIENT_ID $client_id"
if [ "$save_to_azd" = true ]; then
  azd env set PMG_AUTH_CLIENT_ID "$client_id"
fi

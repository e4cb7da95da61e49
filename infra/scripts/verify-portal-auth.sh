#!/usr/bin/env sh
# Checks from outside that the deployed portal lets nobody in anonymously: the page at / and the API under /api send
# an unauthenticated caller to the Entra sign-in (or answer 401), a forged X-MS-CLIENT-PRINCIPAL header gets the same,
# and the blobs webhook refuses a call without its key. Run after every deployment (docs/operations.md):
#   PMG_PORTAL_PUBLIC_URL=https://<app>.azurewebsites.net infra/scripts/verify-portal-auth.sh
set -eu

url="${PMG_PORTAL_PUBLIC_URL:?set PMG_PORTAL_PUBLIC_URL}"
url="${url%/}"
# A coordinator as the platform would describe one; only App Service Authentication may set this header.
forged=$(printf '%s' '{"auth_typ":"aad","claims":[{"typ":"roles","val":"Pmg.Coordinator"}],"name_typ":"name","role_typ":"roles"}' | base64 | tr -d '\n')
failures=0

# Refused: 401/403, or a redirect to the sign-in. Anything else (a page, an API answer, a server error) is a failure.
check() {
  description="$1"
  shift
  result=$(curl --silent --output /dev/null --max-time 30 --write-out '%{http_code} %{redirect_url}' "$@")
  code="${result%% *}"
  location="${result#* }"
  case "$code" in
    401|403) echo "ok    $description: $code" ;;
    302)
      case "$location" in
        */.auth/login/aad*|https://login.*) echo "ok    $description: redirected to sign-in" ;;
        *) echo "FAIL  $description: redirected to $location" >&2; failures=$((failures + 1)) ;;
      esac ;;
    *) echo "FAIL  $description: HTTP $code" >&2; failures=$((failures + 1)) ;;
  esac
}

check "portal page without sign-in" "$url/"
check "API without sign-in" --header "X-Requested-With: XMLHttpRequest" "$url/api/status"
check "page with a forged principal" --header "X-MS-CLIENT-PRINCIPAL: $forged" "$url/"
check "API with a forged principal" --header "X-MS-CLIENT-PRINCIPAL: $forged" "$url/api/status"
check "blobs webhook without its key" --request POST "$url/runtime/webhooks/blobs?functionName=Host.Functions.IngestForm"

if [ "$failures" -gt 0 ]; then
  echo "$failures check(s) failed: the portal can be reached without signing in. See docs/operations.md." >&2
  exit 1
fi
echo "Nobody gets in without signing in."

// App Service Authentication (Easy Auth, authsettingsV2) on the function app: every request must carry a Microsoft
// Entra ID sign-in; the platform then passes the user (and the app roles Pmg.Coordinator / Pmg.Uploader, and the
// groups assigned to the app) to the worker in the X-MS-CLIENT-PRINCIPAL header. Nothing is anonymous:
// - browsers are sent to the Entra sign-in page, for the portal's pages at / and its API under /api alike;
// - without an app registration (authClientId empty) the portal stays closed: every request gets 401;
// - the only path left out is the blobs extension's webhook, which Event Grid calls with the blobs_extension system
//   key and which Easy Auth would otherwise turn away (every upload would be lost).
// The app registration is made outside Bicep: infra/scripts/register-portal-app.sh (see docs/operations.md).

@description('Function app name.')
param appName string

@description('Application (client) id of the Entra app registration; empty keeps the portal closed (401 for every request).')
param clientId string

@description('Entra tenant the users sign in to.')
param tenantId string

@description('Paths Event Grid and the platform call with a function key instead of a user sign-in.')
var keyAuthenticatedPaths = [
  '/runtime/webhooks/blobs'
]

var registered = !empty(clientId)

resource app 'Microsoft.Web/sites@2024-04-01' existing = {
  name: appName
}

resource authentication 'Microsoft.Web/sites/config@2024-04-01' = {
  parent: app
  name: 'authsettingsV2'
  properties: {
    platform: {
      enabled: true
      runtimeVersion: '~1'
    }
    globalValidation: {
      requireAuthentication: true
      unauthenticatedClientAction: registered ? 'RedirectToLoginPage' : 'Return401'
      redirectToProvider: 'azureactivedirectory'
      excludedPaths: keyAuthenticatedPaths
    }
    identityProviders: {
      azureActiveDirectory: {
        enabled: registered
        registration: {
          // v2.0 issuer of the tenant. No client secret: sign-in uses the OpenID Connect ID token flow, so no secret
          // has to be stored or rotated; the app registration enables ID token issuance for it.
          openIdIssuer: '${environment().authentication.loginEndpoint}${tenantId}/v2.0'
          clientId: clientId
        }
        validation: {
          allowedAudiences: [
            'api://${clientId}'
          ]
          // Only tokens issued to this app registration; an empty list here would refuse everyone with 403.
          defaultAuthorizationPolicy: {
            allowedApplications: [
              clientId
            ]
          }
        }
        login: {
          disableWWWAuthenticate: false
        }
      }
    }
    login: {
      // The worker reads the user from X-MS-CLIENT-PRINCIPAL, which the platform adds without a token store. A token
      // store would need a writable file system or a SAS URL, neither of which Flex Consumption with shared keys off
      // offers; without it /.auth/me and /.auth/refresh are unavailable and a session lasts cookieExpiration.
      tokenStore: {
        enabled: false
      }
      cookieExpiration: {
        convention: 'FixedTime'
        timeToExpiration: '08:00:00'
      }
      preserveUrlFragmentsForLogins: true
    }
    httpSettings: {
      requireHttps: true
      forwardProxy: {
        convention: 'NoProxy'
      }
    }
  }
}

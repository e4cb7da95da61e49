using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;
using Pmg.Forms;
using Pmg.Functions;
using Pmg.Hosting;
using Pmg.Notifications;
using Pmg.Pipeline;
using Pmg.Portal;
using Pmg.Storage;

var builder = FunctionsApplication.CreateBuilder(args);

// ASP.NET Core integration: the portal's HTTP function gets the real HttpContext (antiforgery, multipart, cookies).
builder.ConfigureFunctionsWebApplication();

builder.Services
    .AddPmgTelemetry()
    .AddPmgForms()
    .AddPmgPipeline(builder.Configuration)
    .AddPmgStorage(builder.Configuration)
    .AddPmgComplianceStorage()
    .AddPmgNotifications(builder.Configuration)
    .AddPmgTriggerHandlers()
    .AddPmgPortal();

await builder.Build().RunAsync();

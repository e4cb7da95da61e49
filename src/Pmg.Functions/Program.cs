using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;
using Pmg.Forms;
using Pmg.Functions;
using Pmg.Hosting;
using Pmg.Notifications;
using Pmg.Pipeline;
using Pmg.Storage;

var builder = FunctionsApplication.CreateBuilder(args);

builder.Services
    .AddPmgTelemetry()
    .AddPmgForms()
    .AddPmgPipeline(builder.Configuration)
    .AddPmgStorage(builder.Configuration)
    .AddPmgComplianceStorage()
    .AddPmgNotifications(builder.Configuration)
    .AddPmgTriggerHandlers();

await builder.Build().RunAsync();
